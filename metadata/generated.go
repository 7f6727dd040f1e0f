package metadata

// Generated is a generated (computed) column's generation: GENERATED
// ALWAYS AS (Expression), its value computed by the database from the
// other columns of its row. No INSERT or UPDATE writes it; it has no
// default.
type Generated struct {
	// Expression is the generation expression as SQL text, as the
	// database reads it back (PostgreSQL's pg_get_expr, MySQL's
	// GENERATION_EXPRESSION, SQLite's text of the CREATE TABLE).
	Expression string
	// Stored says the value is computed on write and kept (STORED;
	// MariaDB's PERSISTENT); false is VIRTUAL, computed on read, which
	// PostgreSQL 15 does not have.
	Stored bool
}

// Clone returns a copy of g (nil for nil).
func (g *Generated) Clone() *Generated {
	if g == nil {
		return nil
	}
	c := *g
	return &c
}

// Equal reports whether g and o are the same generation, spelled the same.
func (g *Generated) Equal(o *Generated) bool {
	if g == nil || o == nil {
		return g == o
	}
	return *g == *o
}

// Kind is STORED or VIRTUAL, as DDL spells it.
func (g *Generated) Kind() string {
	if g.Stored {
		return "STORED"
	}
	return "VIRTUAL"
}

// IsGenerated reports whether c is a generated column: one no INSERT,
// UPDATE or bulk load may write.
func (c *Column) IsGenerated() bool { return c != nil && c.Generated != nil }

// WritableColumns returns the names of t's columns that rows are written
// to: all but the generated ones, in order.
func (t *Table) WritableColumns() []string {
	out := make([]string, 0, len(t.Columns))
	for _, c := range t.Columns {
		if !c.IsGenerated() {
			out = append(out, c.Name)
		}
	}
	return out
}
