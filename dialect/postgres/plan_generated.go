package postgres

import (
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// regenerate renders an alter_column that changes a generated column's
// generation. PostgreSQL 15 has no ALTER for the expression: the column is
// dropped and added again with the new one, in the revision's
// transaction, and its values are computed anew. The indexes and unique
// constraints over it, which the DROP takes with it, are made again; a
// check, foreign key or expression index that names it is refused, since
// it would be lost. A column that becomes generated or stops being one is
// refused ([dialect.ErrGeneratedConversion]).
func (p Postgres) regenerate(m *metadata.MetaData, o *ops.AlterColumn) ([]dialect.Statement, error) {
	t := m.Table(o.Schema, o.Table)
	old := alteredColumn(m, o)
	if old == nil {
		return nil, fmt.Errorf("table %s has no column %s (the op needs the schema before it)", o.Table, o.ColumnName)
	}
	if (old.Generated != nil) != (o.Generated.Expression != "") {
		return nil, fmt.Errorf("column %s.%s: %w", o.Table, o.ColumnName, dialect.ErrGeneratedConversion)
	}
	if err := lostWithColumn(t, old.Name); err != nil {
		return nil, err
	}
	next := m.Clone()
	if err := ops.Apply(next, o); err != nil {
		return nil, err
	}
	name := o.ColumnName
	if o.NewName != "" {
		name = o.NewName
	}
	nt := next.Table(o.Schema, o.Table)
	out := stmts("ALTER TABLE " + p.table(o.TableRef) + " DROP COLUMN " + p.QuoteIdent(o.ColumnName))
	add, err := p.addColumn(next, &ops.AddColumn{TableRef: o.TableRef, Column: nt.Column(name)})
	if err != nil {
		return nil, err
	}
	out = append(out, add...)
	for _, u := range nt.Uniques {
		if slices.Contains(u.Columns, name) {
			out = append(out, stmts("ALTER TABLE "+p.table(o.TableRef)+" ADD "+dialect.UniqueClause(p, u))...)
		}
	}
	for _, ix := range nt.Indexes {
		if slices.Contains(ix.Columns, name) {
			s, err := p.createIndex(next, o.TableRef, ix)
			if err != nil {
				return nil, err
			}
			out = append(out, s...)
		}
	}
	return out, nil
}

// lostWithColumn refuses to drop a column that a check, a foreign key, a
// primary key or an expression index names: DROP COLUMN would take it
// along.
func lostWithColumn(t *metadata.Table, col string) error {
	if t == nil {
		return nil
	}
	refuse := func(what string) error {
		return fmt.Errorf("table %s: changing generated column %s drops and adds it, which would drop %s; drop it before the alter_column and create it after, in the revision", t.Name, col, what)
	}
	if t.PrimaryKey != nil && slices.Contains(t.PrimaryKey.Columns, col) {
		return refuse("the primary key")
	}
	for _, fk := range t.ForeignKeys {
		if slices.Contains(fk.Columns, col) {
			return refuse("foreign key " + fk.Name)
		}
	}
	for _, c := range t.Checks {
		if mentions(c.Expression, col) {
			return refuse("check " + c.Name)
		}
	}
	for _, ix := range t.Indexes {
		if slices.ContainsFunc(ix.Expressions, func(e string) bool { return mentions(e, col) }) || mentions(ix.Where, col) {
			return refuse("index " + ix.Name)
		}
	}
	return nil
}

// mentions reports whether SQL text names col (as a word, quoted or not).
func mentions(sql, col string) bool {
	low, c := strings.ToLower(sql), strings.ToLower(col)
	for i := strings.Index(low, c); i >= 0; {
		before := i == 0 || !isWordByte(low[i-1])
		end := i + len(c)
		after := end >= len(low) || !isWordByte(low[end])
		if before && after {
			return true
		}
		j := strings.Index(low[i+1:], c)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

func isWordByte(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9'
}
