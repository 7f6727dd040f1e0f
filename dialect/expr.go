package dialect

import (
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// TableRef names a table for the expression core: Schema is empty for the
// connection's default schema. It is [ops.TableRef], so an op's table can be
// used as it is.
type TableRef = ops.TableRef

// Table returns a reference to a table in the default schema.
func Table(name string) TableRef { return TableRef{Table: name} }

// TableOf returns the reference naming t.
func TableOf(t *metadata.Table) TableRef { return TableRef{Schema: t.Schema, Table: t.Name} }

// ColumnNames returns the names of t's columns in order, for an [Insert] or
// [Select] over all of them.
func ColumnNames(t *metadata.Table) []string {
	names := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		names[i] = c.Name
	}
	return names
}

// Stmt is a statement of the expression core: [Insert], [Update], [Delete],
// [Select] or [Raw]. Compile it with [Compile] (bound parameters) or
// [CompileLiteral] (values rendered as literals, for --sql scripts).
type Stmt interface {
	compile(c *compiler)
}

// Insert inserts one or more rows: INSERT INTO t (cols) VALUES (...), (...).
// Every row has one value per column.
type Insert struct {
	Table   TableRef
	Columns []string
	Rows    [][]any
}

// Values appends a row and returns the statement, for chaining.
func (s *Insert) Values(vals ...any) *Insert {
	s.Rows = append(s.Rows, vals)
	return s
}

// InsertInto starts an [Insert] into table over columns; add rows with Values.
func InsertInto(table TableRef, columns ...string) *Insert {
	return &Insert{Table: table, Columns: columns}
}

// Assignment is one SET column = value of an [Update].
type Assignment struct {
	Column string
	Value  any
}

// Set returns the assignment column = value.
func Set(column string, value any) Assignment { return Assignment{Column: column, Value: value} }

// Update changes the rows matching Where (every row when Where is nil).
type Update struct {
	Table TableRef
	Set   []Assignment
	Where Cond
}

// Delete deletes the rows matching Where (every row when Where is nil).
type Delete struct {
	Table TableRef
	Where Cond
}

// Order is one ORDER BY key.
type Order struct {
	Column string
	Desc   bool
}

// Asc returns an ascending ORDER BY key.
func Asc(column string) Order { return Order{Column: column} }

// Desc returns a descending ORDER BY key.
func Desc(column string) Order { return Order{Column: column, Desc: true} }

// Select reads Columns (every column, *, when empty) of the rows matching
// Where, in OrderBy order, at most Limit of them when Limit > 0.
type Select struct {
	Table   TableRef
	Columns []string
	Where   Cond
	OrderBy []Order
	Limit   int
}

// Raw is SQL text with named binds written :name (letters, digits and
// underscores), replaced by placeholders (or literals) at compile time.
// A colon inside a string literal, a quoted identifier, a comment or a
// PostgreSQL dollar-quoted body, and the :: cast, is left alone. Every bind
// in the text must be in Binds, and every entry of Binds must be used. With
// Binds nil the text is taken verbatim.
type Raw struct {
	SQL   string
	Binds map[string]any
}

func (s *Insert) compile(c *compiler) { c.insert(s) }
func (s *Update) compile(c *compiler) { c.update(s) }
func (s *Delete) compile(c *compiler) { c.delete(s) }
func (s *Select) compile(c *compiler) { c.selectStmt(s) }
func (s *Raw) compile(c *compiler)    { c.raw(s) }
