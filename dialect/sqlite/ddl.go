package sqlite

import (
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// enumCheckPrefix starts the name of the CHECK that holds an enum column's
// values: "enum_<enum name>". Reflection turns such a column CHECK back into
// enum(<enum name>) and hides it.
const enumCheckPrefix = "enum_"

// ForwardReferences reports that SQLite's REFERENCES may name a table
// created later (dialect.ForwardReferencer): the keys of a cycle are
// written in their CREATE TABLE, since SQLite cannot add one afterwards
// but by recreating the table.
func (*Dialect) ForwardReferences() bool { return true }

// createTableSQL renders CREATE TABLE for t, named name (the recreate
// builds under a temporary name). Enum values come from m.
func (d *Dialect) createTableSQL(m *metadata.MetaData, t *metadata.Table, name string) (string, error) {
	inline := columnPrimaryKey(t)
	body := unnamedKeys(t)
	if inline != nil {
		body.PrimaryKey = nil
	}
	def := func(c *metadata.Column) (string, error) { return d.columnSQL(m, t, c, inline) }
	sql, err := dialect.TableBody(d, body, def, nil)
	if err != nil {
		return "", fmt.Errorf("sqlite: %w", err)
	}
	return "CREATE TABLE " + quote(name) + " " + sql, nil
}

// unnamedKeys returns a shallow copy of t whose primary key and foreign
// keys marked Unnamed have no name, so that they are written without
// CONSTRAINT name, as SQLite keeps them.
func unnamedKeys(t *metadata.Table) *metadata.Table {
	c := *t
	if pk := t.PrimaryKey; pk != nil && pk.Unnamed {
		k := *pk
		k.Name = ""
		c.PrimaryKey = &k
	}
	c.ForeignKeys = make([]*metadata.ForeignKey, len(t.ForeignKeys))
	for i, fk := range t.ForeignKeys {
		if fk.Unnamed {
			k := *fk
			k.Name = ""
			fk = &k
		}
		c.ForeignKeys[i] = fk
	}
	return &c
}

// inlinePrimaryKey returns t's primary key when it must be written on its
// column: a single integer-family column with autoincrement, which SQLite
// accepts only as "INTEGER PRIMARY KEY AUTOINCREMENT".
func inlinePrimaryKey(t *metadata.Table) *metadata.PrimaryKey {
	pk := t.PrimaryKey
	if pk == nil || len(pk.Columns) != 1 {
		return nil
	}
	if c := t.Column(pk.Columns[0]); c != nil && autoIncrementable(c) {
		return pk
	}
	return nil
}

// columnPrimaryKey returns t's primary key when it is written on its
// column: the autoincrement key (inlinePrimaryKey), or a one-column key
// whose column's ClauseOrder lists primary_key, as its CREATE TABLE wrote
// it ("id INTEGER PRIMARY KEY").
func columnPrimaryKey(t *metadata.Table) *metadata.PrimaryKey {
	if pk := inlinePrimaryKey(t); pk != nil {
		return pk
	}
	pk := t.PrimaryKey
	if pk == nil || len(pk.Columns) != 1 {
		return nil
	}
	if c := t.Column(pk.Columns[0]); c != nil && slices.Contains(c.ClauseOrder, metadata.ClausePrimaryKey) {
		return pk
	}
	return nil
}

// autoIncrementable reports whether c asks for autoincrement and is of an
// integer kind that can carry it.
func autoIncrementable(c *metadata.Column) bool {
	if !c.AutoIncrement {
		return false
	}
	switch c.Type.For(Name).Kind {
	case metadata.SmallInt, metadata.Integer, metadata.BigInt:
		return true
	}
	return false
}

// columnSQL renders one column definition of t. inline is t's primary key
// when it goes on its column (see columnPrimaryKey). NOT NULL, DEFAULT and
// the column's PRIMARY KEY come in the column's ClauseOrder; the rowid's
// column, never NULL, is written without NOT NULL when its ClauseOrder
// leaves not_null out.
func (d *Dialect) columnSQL(m *metadata.MetaData, t *metadata.Table, c *metadata.Column, inline *metadata.PrimaryKey) (string, error) {
	col := *c
	col.Default = defaultSQL(c.Default)
	clauses := map[string]string{}
	if inline != nil && inline.Columns[0] == c.Name {
		clauses[metadata.ClausePrimaryKey] = inlinePrimaryKeySQL(c, inline)
	}
	rowid := rowidAlias(t, c)
	if forced := inlinePrimaryKey(t); forced != nil && forced.Columns[0] == c.Name {
		col.Type, rowid = metadata.IntegerType, true // AUTOINCREMENT: INTEGER only
	}
	if rowid {
		col.Nullable = false
	}
	bare := rowid && len(c.ClauseOrder) > 0 && !slices.Contains(c.ClauseOrder, metadata.ClauseNotNull)
	if !col.Nullable && !bare {
		clauses[metadata.ClauseNotNull] = "NOT NULL"
	}
	if col.Default != "" {
		clauses[metadata.ClauseDefault] = "DEFAULT " + col.Default
	}
	extra := metadata.OrderClauses(c.ClauseOrder, clauses)
	if typ := c.Type.For(Name); typ.Kind == metadata.EnumKind {
		check, err := enumCheck(m, t, c.Name, typ.EnumName)
		if err != nil {
			return "", err
		}
		extra = append(extra, check)
	}
	col.Nullable, col.Default = true, "" // written above, in order
	return dialect.ColumnDef(d, &col, extra...)
}

// inlinePrimaryKeySQL is the PRIMARY KEY clause of an inline key's column.
func inlinePrimaryKeySQL(c *metadata.Column, inline *metadata.PrimaryKey) string {
	pk := "PRIMARY KEY"
	if autoIncrementable(c) && c.Identity != metadata.IdentityRowid {
		pk += " AUTOINCREMENT" // identity rowid: the rowid, without the keyword
	}
	if inline.Name != "" && !inline.Unnamed {
		pk = "CONSTRAINT " + quote(inline.Name) + " " + pk
	}
	return pk
}

// enumCheck renders the column CHECK of an enum column.
func enumCheck(m *metadata.MetaData, t *metadata.Table, column, enum string) (string, error) {
	e := m.Enum(t.Schema, enum)
	if e == nil {
		e = m.Enum("", enum)
	}
	if e == nil {
		return "", fmt.Errorf("sqlite: table %q column %q: enum %q is not declared", t.Name, column, enum)
	}
	if len(e.Values) == 0 {
		return "", fmt.Errorf("sqlite: enum %q has no values", enum)
	}
	vals := make([]string, len(e.Values))
	for i, v := range e.Values {
		lit, err := literals.String(v)
		if err != nil {
			return "", fmt.Errorf("sqlite: enum %q value: %w", enum, err)
		}
		vals[i] = lit
	}
	return "CONSTRAINT " + quote(enumCheckPrefix+enum) + " CHECK (" + quote(column) + " IN (" + strings.Join(vals, ", ") + "))", nil
}

// createIndexSQL renders CREATE INDEX for ix on table. SQLite has one kind
// of index: Using is ignored.
func createIndexSQL(table string, ix *metadata.Index) string {
	var b strings.Builder
	b.WriteString("CREATE ")
	if ix.Unique {
		b.WriteString("UNIQUE ")
	}
	b.WriteString("INDEX " + quote(ix.Name) + " ON " + quote(table) + " (")
	for i, c := range ix.Columns {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(quote(c))
	}
	for i, e := range ix.Expressions {
		if i > 0 || len(ix.Columns) > 0 {
			b.WriteString(", ")
		}
		b.WriteString(indexExprSQL(e))
	}
	b.WriteString(")")
	if ix.Where != "" {
		b.WriteString(" WHERE " + ix.Where)
	}
	return b.String()
}

// indexExprSQL renders one expression key. SQLite wants an expression in
// parentheses, but a trailing COLLATE or ASC/DESC belongs to the key, not
// the expression: "lower(a) DESC" becomes "(lower(a)) DESC", and a bare
// column with them ("a" COLLATE NOCASE DESC) stays as it is.
func indexExprSQL(e string) string {
	toks := lex(e)
	end := len(toks)
	if end > 0 && (toks[end-1].is("ASC") || toks[end-1].is("DESC")) {
		end--
	}
	if end >= 2 && toks[end-2].is("COLLATE") {
		end -= 2
	}
	if end == 0 {
		return e
	}
	if end == 1 && (toks[0].kind == tokQuoted || toks[0].kind == tokWord) || parenthesized(toks[:end]) {
		return e
	}
	head := strings.TrimSpace(e[:toks[end-1].end])
	tail := strings.TrimSpace(e[toks[end-1].end:])
	if tail == "" {
		return "(" + head + ")"
	}
	return "(" + head + ") " + tail
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
