package dialect

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// This file holds the standard-SQL pieces of DDL that every dialect shares.
// A dialect calls them with itself, so quoting and types are its own, and
// writes by hand only what its database spells differently.

// ColumnDef renders a column definition: name, type (d.TypeSQL), the
// generation of a generated column (GeneratedClause), NOT NULL when the
// column is not nullable, DEFAULT when it has a server default, then extra
// clauses (identity, AUTO_INCREMENT, COMMENT ...) in order.
func ColumnDef(d Dialect, c *metadata.Column, extra ...string) (string, error) {
	typ, err := d.TypeSQL(c.Type)
	if err != nil {
		return "", fmt.Errorf("column %q: %w", c.Name, err)
	}
	var b strings.Builder
	b.WriteString(d.QuoteIdent(c.Name) + " " + typ)
	if c.Generated != nil {
		b.WriteString(" " + GeneratedClause(c.Generated))
	}
	if !c.Nullable {
		b.WriteString(" NOT NULL")
	}
	if c.Default != "" {
		b.WriteString(" DEFAULT " + c.Default)
	}
	for _, e := range extra {
		if e != "" {
			b.WriteString(" " + e)
		}
	}
	return b.String(), nil
}

// GeneratedClause renders GENERATED ALWAYS AS (expression) STORED or
// VIRTUAL, which the three databases spell alike.
func GeneratedClause(g *metadata.Generated) string {
	return "GENERATED ALWAYS AS (" + g.Expression + ") " + g.Kind()
}

// constraintName renders "CONSTRAINT name " when name is set.
func constraintName(d Dialect, name string) string {
	if name == "" {
		return ""
	}
	return "CONSTRAINT " + d.QuoteIdent(name) + " "
}

// PrimaryKeyClause renders [CONSTRAINT name] PRIMARY KEY (cols)
// [DEFERRABLE [INITIALLY DEFERRED]]. A dialect without deferrable keys
// refuses them first ([RefuseConstraintOptions]).
func PrimaryKeyClause(d Dialect, pk *metadata.PrimaryKey) string {
	return constraintName(d, pk.Name) + "PRIMARY KEY (" + QuoteList(d, pk.Columns) + ")" +
		Deferral(pk.Deferrable, pk.InitiallyDeferred)
}

// UniqueClause renders [CONSTRAINT name] UNIQUE [NULLS NOT DISTINCT]
// (cols) [DEFERRABLE [INITIALLY DEFERRED]], as [PrimaryKeyClause].
func UniqueClause(d Dialect, u *metadata.Unique) string {
	nulls := ""
	if u.NullsNotDistinct {
		nulls = "NULLS NOT DISTINCT "
	}
	return constraintName(d, u.Name) + "UNIQUE " + nulls + "(" + QuoteList(d, u.Columns) + ")" +
		Deferral(u.Deferrable, u.InitiallyDeferred)
}

// Deferral renders " DEFERRABLE", " DEFERRABLE INITIALLY DEFERRED" or
// nothing, the standard SQL of a constraint's deferral.
func Deferral(deferrable, initially bool) string {
	switch {
	case deferrable && initially:
		return " DEFERRABLE INITIALLY DEFERRED"
	case deferrable:
		return " DEFERRABLE"
	}
	return ""
}

// CheckClause renders [CONSTRAINT name] CHECK (expression) [NO INHERIT]
// (PostgreSQL's; a dialect without it refuses it first,
// [RefuseConstraintOptions]).
func CheckClause(d Dialect, c *metadata.Check) string {
	s := constraintName(d, c.Name) + "CHECK (" + c.Expression + ")"
	if c.NoInherit {
		s += " NO INHERIT"
	}
	return s
}

// ForeignKeyClause renders [CONSTRAINT name] FOREIGN KEY (cols) REFERENCES
// ref (cols) with its actions and, when set, DEFERRABLE [INITIALLY
// DEFERRED]. schema is the referring table's schema, the default for the
// referred table's.
func ForeignKeyClause(d Dialect, schema string, fk *metadata.ForeignKey) (string, error) {
	refSchema := fk.RefSchema
	if refSchema == "" {
		refSchema = schema
	}
	var b strings.Builder
	b.WriteString(constraintName(d, fk.Name))
	b.WriteString("FOREIGN KEY (" + QuoteList(d, fk.Columns) + ") REFERENCES ")
	b.WriteString(QualifiedName(d, refSchema, fk.RefTable) + " (" + QuoteList(d, fk.RefColumns) + ")")
	for _, a := range []struct{ clause, action string }{{"ON DELETE", fk.OnDelete}, {"ON UPDATE", fk.OnUpdate}} {
		// An explicit "no action" is written out: MySQL's catalog keeps it
		// apart from the default (RESTRICT), and SQLite keeps the text.
		if a.action == "" {
			continue
		}
		sql, err := ActionSQL(a.action)
		if err != nil {
			return "", fmt.Errorf("foreign key %q: %w", fk.Name, err)
		}
		b.WriteString(" " + a.clause + " " + sql)
	}
	b.WriteString(Deferral(fk.Deferrable, fk.InitiallyDeferred))
	return b.String(), nil
}

// ActionSQL spells a referential action (a metadata action constant) in SQL.
func ActionSQL(action string) (string, error) {
	switch action {
	case metadata.NoAction, metadata.Restrict, metadata.Cascade, metadata.SetNull, metadata.SetDefault:
		return strings.ToUpper(action), nil
	}
	return "", fmt.Errorf("unknown referential action %q (want no action, restrict, cascade, set null or set default)", action)
}

// TableBody renders the parenthesised body of CREATE TABLE: one line per
// column (from columnDef), then the primary key, unique, check and foreign
// key clauses. Foreign keys for which skipFK returns true are left out
// (skipFK may be nil).
func TableBody(d Dialect, t *metadata.Table, columnDef func(*metadata.Column) (string, error), skipFK func(*metadata.ForeignKey) bool) (string, error) {
	var lines []string
	for _, c := range t.Columns {
		def, err := columnDef(c)
		if err != nil {
			return "", fmt.Errorf("table %q: %w", t.Name, err)
		}
		lines = append(lines, def)
	}
	if t.PrimaryKey != nil {
		lines = append(lines, PrimaryKeyClause(d, t.PrimaryKey))
	}
	for _, u := range t.Uniques {
		lines = append(lines, UniqueClause(d, u))
	}
	for _, c := range t.Checks {
		lines = append(lines, CheckClause(d, c))
	}
	for _, fk := range t.ForeignKeys {
		if skipFK != nil && skipFK(fk) {
			continue
		}
		clause, err := ForeignKeyClause(d, t.Schema, fk)
		if err != nil {
			return "", fmt.Errorf("table %q: %w", t.Name, err)
		}
		lines = append(lines, clause)
	}
	return "(\n    " + strings.Join(lines, ",\n    ") + "\n)", nil
}

// IndexKey renders an index's key list in order: quoted columns and
// expressions as written (each in parentheses, as PostgreSQL and SQLite
// require and MySQL 8 accepts), each with its options ([IndexKeyPart]).
func IndexKey(d Dialect, ix *metadata.Index) string {
	keys := ix.KeyList()
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, IndexKeyPart(d, k))
	}
	return strings.Join(parts, ", ")
}

// CreateIndexSQL renders CREATE [UNIQUE] INDEX name ON table [USING
// method] (key) [INCLUDE (columns)] [NULLS NOT DISTINCT] [WITH
// (parameters)] [WHERE predicate]. A dialect without USING, INCLUDE, WITH
// or partial indexes checks for them before calling (the parameters with
// [StorageParams]; NULLS NOT DISTINCT with [RefuseConstraintOptions]).
func CreateIndexSQL(d Dialect, table TableRef, ix *metadata.Index) string {
	var b strings.Builder
	b.WriteString("CREATE ")
	if ix.Unique {
		b.WriteString("UNIQUE ")
	}
	b.WriteString("INDEX " + d.QuoteIdent(ix.Name) + " ON " + QualifiedName(d, table.Schema, table.Table))
	if ix.Using != "" {
		b.WriteString(" USING " + ix.Using)
	}
	b.WriteString(" (" + IndexKey(d, ix) + ")")
	if len(ix.Include) > 0 {
		inc := make([]string, len(ix.Include))
		for i, c := range ix.Include {
			inc[i] = d.QuoteIdent(c)
		}
		b.WriteString(" INCLUDE (" + strings.Join(inc, ", ") + ")")
	}
	if ix.NullsNotDistinct {
		b.WriteString(" NULLS NOT DISTINCT")
	}
	if len(ix.With) > 0 {
		b.WriteString(" WITH (" + strings.Join(ix.With, ", ") + ")")
	}
	if ix.Where != "" {
		b.WriteString(" WHERE " + ix.Where)
	}
	return b.String()
}
