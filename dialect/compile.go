package dialect

import (
	"fmt"
	"strconv"
	"strings"
)

// Compile renders stmt for d with bound parameters: every value becomes a
// placeholder (d.Placeholder) and an argument, every identifier is quoted
// with d.QuoteIdent.
func Compile(d Dialect, stmt Stmt) (Statement, error) {
	c := &compiler{d: d}
	stmt.compile(c)
	if c.err != nil {
		return Statement{}, c.err
	}
	return Statement{SQL: c.b.String(), Args: c.args}, nil
}

// CompileLiteral renders stmt for d with its values written as literals by
// d.Literal, for SQL scripts a person runs by hand (--sql). It is the only
// way a value reaches SQL text.
func CompileLiteral(d Dialect, stmt Stmt) (string, error) {
	c := &compiler{d: d, literal: true}
	stmt.compile(c)
	if c.err != nil {
		return "", c.err
	}
	return c.b.String(), nil
}

// compiler accumulates one statement's text and arguments; the first error
// sticks and stops nothing (the text is discarded).
type compiler struct {
	d       Dialect
	literal bool
	b       strings.Builder
	args    []any
	err     error
}

func (c *compiler) write(s string) { c.b.WriteString(s) }

func (c *compiler) fail(format string, args ...any) {
	if c.err == nil {
		c.err = fmt.Errorf("dialect %s: "+format, append([]any{c.d.Name()}, args...)...)
	}
}

func (c *compiler) ident(name string) {
	if name == "" {
		c.fail("empty column name")
	}
	c.write(c.d.QuoteIdent(name))
}

func (c *compiler) table(t TableRef) {
	if t.Table == "" {
		c.fail("statement without a table")
	}
	c.write(QualifiedName(c.d, t.Schema, t.Table))
}

// value writes a placeholder and keeps v as an argument, or in literal mode
// writes d.Literal(v).
func (c *compiler) value(v any) {
	if c.literal {
		s, err := c.d.Literal(v)
		if err != nil && c.err == nil {
			c.err = err
		}
		c.write(s)
		return
	}
	c.args = append(c.args, v)
	c.write(c.d.Placeholder(len(c.args)))
}

func (c *compiler) identList(names []string) {
	for i, n := range names {
		if i > 0 {
			c.write(", ")
		}
		c.ident(n)
	}
}

func (c *compiler) where(cond Cond) {
	if cond != nil {
		c.write(" WHERE ")
		cond.writeCond(c)
	}
}

func (c *compiler) insert(s *Insert) {
	if len(s.Columns) == 0 || len(s.Rows) == 0 {
		c.fail("INSERT into %s needs columns and at least one row", s.Table.Table)
		return
	}
	c.write("INSERT INTO ")
	c.table(s.Table)
	c.write(" (")
	c.identList(s.Columns)
	c.write(") VALUES ")
	for i, row := range s.Rows {
		if len(row) != len(s.Columns) {
			c.fail("INSERT into %s: row %d has %d values for %d columns", s.Table.Table, i+1, len(row), len(s.Columns))
			return
		}
		if i > 0 {
			c.write(", ")
		}
		c.write("(")
		for j, v := range row {
			if j > 0 {
				c.write(", ")
			}
			c.value(v)
		}
		c.write(")")
	}
}

func (c *compiler) update(s *Update) {
	if len(s.Set) == 0 {
		c.fail("UPDATE of %s sets nothing", s.Table.Table)
		return
	}
	c.write("UPDATE ")
	c.table(s.Table)
	c.write(" SET ")
	for i, a := range s.Set {
		if i > 0 {
			c.write(", ")
		}
		c.ident(a.Column)
		c.write(" = ")
		c.value(a.Value)
	}
	c.where(s.Where)
}

func (c *compiler) delete(s *Delete) {
	c.write("DELETE FROM ")
	c.table(s.Table)
	c.where(s.Where)
}

func (c *compiler) selectStmt(s *Select) {
	c.write("SELECT ")
	if len(s.Columns) == 0 {
		c.write("*")
	} else {
		c.identList(s.Columns)
	}
	c.write(" FROM ")
	c.table(s.Table)
	c.where(s.Where)
	for i, o := range s.OrderBy {
		if i == 0 {
			c.write(" ORDER BY ")
		} else {
			c.write(", ")
		}
		c.ident(o.Column)
		if o.Desc {
			c.write(" DESC")
		}
	}
	if s.Limit > 0 {
		// A limit is a count from code, not a value from data.
		c.write(" LIMIT " + strconv.Itoa(s.Limit))
	}
}

// QualifiedName quotes schema.name for d, or just name when schema is empty.
func QualifiedName(d Dialect, schema, name string) string {
	if schema == "" {
		return d.QuoteIdent(name)
	}
	return d.QuoteIdent(schema) + "." + d.QuoteIdent(name)
}
