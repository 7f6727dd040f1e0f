package postgres

import (
	"fmt"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

var _ dialect.CharsetModeller = Postgres{}

// EffectiveCharset reports a column's COLLATE (metadata.Column.Collation)
// as its collation, so that autogenerate compares it; PostgreSQL has no
// per-table or per-column character sets, and a table has no collation.
func (Postgres) EffectiveCharset(t *metadata.Table, c *metadata.Column) (charset, collation string) {
	if c == nil {
		return "", ""
	}
	return "", c.Collation
}

// alteredCollation is the collation the altered column has after the op:
// the op's, or the one it has now; "" is the type's default.
func alteredCollation(m *metadata.MetaData, o *ops.AlterColumn) string {
	if o.Collation != nil {
		return *o.Collation
	}
	if c := alteredColumn(m, o); c != nil {
		return c.Collation
	}
	return ""
}

// recollate renders a collation change alone: ALTER COLUMN ... TYPE (its
// type, unchanged) COLLATE, "default" for the type's own.
func (p Postgres) recollate(m *metadata.MetaData, o *ops.AlterColumn) (string, error) {
	t := existingType(m, o)
	if t == nil {
		return "", fmt.Errorf("column %s.%s: a collation change needs the column's type (existing_type)", o.Table, o.ColumnName)
	}
	typ, err := p.TypeSQL(*t)
	if err != nil {
		return "", err
	}
	coll := *o.Collation
	if coll == "" {
		coll = "default"
	}
	return "ALTER TABLE " + p.table(o.TableRef) + " ALTER COLUMN " + p.QuoteIdent(o.ColumnName) +
		" TYPE " + typ + " COLLATE " + p.QuoteIdent(coll), nil
}
