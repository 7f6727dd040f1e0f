package mysql

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// enums looks enum values up in the state.
func (p *planner) enums(schema, name string) ([]string, bool) {
	return enumLookup(p.state)(schema, name)
}

// named returns a copy of t with its unnamed constraints and indexes named
// by the state's naming convention, as ops.Apply names them, and the
// checks and foreign keys it leaves unnamed named as Normalize names them.
func (p *planner) named(t *metadata.Table) *metadata.Table {
	if t.AllNamed() {
		return t
	}
	c := t.Clone()
	m := &metadata.MetaData{NamingConvention: p.state.NamingConvention, Tables: []*metadata.Table{c}}
	_ = m.ApplyNamingConvention() // what the convention cannot name is named as Normalize names it
	nameChecks(c)
	nameForeignKeys(c)
	return c
}

func (p *planner) createTable(t *metadata.Table) (string, error) {
	t = p.named(t)
	var lines []string
	for _, c := range t.Columns {
		def, err := p.columnDef(t.Schema, c, nil)
		if err != nil {
			return "", fmt.Errorf("table %q: %w", t.Name, err)
		}
		lines = append(lines, def)
	}
	if t.PrimaryKey != nil {
		lines = append(lines, "PRIMARY KEY ("+dialect.QuoteList(p.d, t.PrimaryKey.Columns)+")")
	}
	for _, u := range t.Uniques {
		lines = append(lines, dialect.UniqueClause(p.d, u))
	}
	for _, ix := range t.Indexes {
		clause, err := p.indexClause(ix)
		if err != nil {
			return "", fmt.Errorf("table %q: %w", t.Name, err)
		}
		lines = append(lines, clause)
	}
	for _, c := range t.Checks {
		lines = append(lines, dialect.CheckClause(p.d, c))
	}
	for _, fk := range t.ForeignKeys {
		if err := setNullOnNotNull(t, fk); err != nil {
			return "", err
		}
		clause, err := p.foreignKeyClause(t.Schema, fk)
		if err != nil {
			return "", fmt.Errorf("table %q: %w", t.Name, err)
		}
		lines = append(lines, clause)
	}
	var b strings.Builder
	b.WriteString("CREATE TABLE " + p.table(dialect.TableOf(t)) + " (\n    ")
	b.WriteString(strings.Join(lines, ",\n    "))
	b.WriteString("\n) " + tableOptionsSQL(t))
	if t.Comment != "" {
		lit, err := p.d.Literal(t.Comment)
		if err != nil {
			return "", fmt.Errorf("table %q: comment: %w", t.Name, err)
		}
		b.WriteString(" COMMENT=" + lit)
	}
	return b.String(), nil
}

// columnDef renders a column definition: name, type, CHARACTER SET and
// COLLATE, NOT NULL, DEFAULT,
// AUTO_INCREMENT, COMMENT. enums overrides the state's enum values.
func (p *planner) columnDef(schema string, c *metadata.Column, enums enumSource) (string, error) {
	if enums == nil {
		enums = p.enums
	}
	typ, err := typeSQL(c.Type, schema, enums)
	if err != nil {
		return "", fmt.Errorf("column %q: %w", c.Name, err)
	}
	var b strings.Builder
	b.WriteString(p.d.QuoteIdent(c.Name) + " " + typ + columnCharsetSQL(c))
	if c.Generated != nil {
		if !c.Nullable && p.d.flavor != MySQL {
			return "", fmt.Errorf("column %q: MariaDB has no NOT NULL generated columns; make it nullable: true (it reads back nullable)", c.Name)
		}
		b.WriteString(" " + dialect.GeneratedClause(c.Generated))
	}
	if !c.Nullable {
		b.WriteString(" NOT NULL")
	}
	if c.Default != "" {
		b.WriteString(" DEFAULT " + defaultSQL(c.Default, c.Type.For("mysql"), typ))
	}
	if c.AutoIncrement {
		b.WriteString(" AUTO_INCREMENT")
	}
	if c.Comment != "" {
		lit, err := p.d.Literal(c.Comment)
		if err != nil {
			return "", fmt.Errorf("column %q: comment: %w", c.Name, err)
		}
		b.WriteString(" COMMENT " + lit)
	}
	return b.String(), nil
}

var literalRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|null|true|false|[bx]'[0-9a-f]*'|'([^'\\]|''|\\.)*')$`)
})

// defaultSQL renders a server default for a column of type t (rendered as
// sqlType). The CURRENT_TIMESTAMP family takes the column's fractional
// seconds (a datetime(6) column needs CURRENT_TIMESTAMP(6)); an expression
// is parenthesised, as MySQL 8 requires, and so is a literal default of a
// text, blob or json column.
func defaultSQL(def string, t metadata.Type, sqlType string) string {
	s := strings.TrimSpace(def)
	if i := indexOutside(asciiLower(s), " on update "); i >= 0 {
		return defaultSQL(s[:i], t, sqlType) + " ON UPDATE " + defaultSQL(s[i+len(" on update "):], t, sqlType)
	}
	if currentTimestampRE().MatchString(s) {
		if n := fsp(sqlType); n > 0 {
			return fmt.Sprintf("CURRENT_TIMESTAMP(%d)", n)
		}
		return "CURRENT_TIMESTAMP"
	}
	if currentDateRE().MatchString(s) {
		return "(CURRENT_DATE)"
	}
	s = stripParens(s)
	switch {
	case literalRE().MatchString(s) && !needsExpressionDefault(t, sqlType):
		return s
	case literalRE().MatchString(s):
		return "(" + s + ")"
	}
	// An expression, with function names as MySQL spells them
	// (gen_random_uuid is uuid).
	return "(" + canonicalExpr(s) + ")"
}

// needsExpressionDefault reports the types MySQL 8 gives only expression
// defaults: text, blob, json, geometry.
func needsExpressionDefault(t metadata.Type, sqlType string) bool {
	switch t.Kind {
	case metadata.Text, metadata.Blob, metadata.JSON, metadata.JSONB:
		return true
	}
	s := strings.ToLower(sqlType)
	for _, k := range []string{"text", "blob", "json", "geometry", "point", "polygon", "linestring"} {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}
