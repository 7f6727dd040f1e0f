package sqlite

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// Generated columns on SQLite: ALTER TABLE ADD COLUMN takes a VIRTUAL one
// only, and nothing alters a generation; both go through the table's
// recreate, whose copy leaves the generated columns out (the new table
// computes them). A column that would become generated, or stop being,
// is refused: its values would be replaced or frozen.

// generatedConversion refuses an alter_column that turns a column of t
// into a generated one or back ([dialect.ErrGeneratedConversion]).
func generatedConversion(t *metadata.Table, o ops.Op) error {
	a, ok := o.(*ops.AlterColumn)
	if !ok || a.Generated == nil || t == nil {
		return nil
	}
	c := t.Column(a.ColumnName)
	if c != nil && c.IsGenerated() != (a.Generated.Expression != "") {
		return fmt.Errorf("column %s.%s: %w", t.Name, a.ColumnName, dialect.ErrGeneratedConversion)
	}
	return nil
}

// generationChanged reports whether alter_column o changes column c's
// generation (which only a recreate does).
func generationChanged(c *metadata.Column, o *ops.AlterColumn) bool {
	if o.Generated == nil {
		return false
	}
	if o.Generated.Expression == "" {
		return c.Generated != nil
	}
	return !o.Generated.Equal(c.Generated)
}

// usedByGenerated reports whether a generated column of t other than
// name reads column name: DROP COLUMN refuses it.
func usedByGenerated(t *metadata.Table, name string) bool {
	for _, c := range t.Columns {
		if c.Generated != nil && !strings.EqualFold(c.Name, name) && mentions(c.Generated.Expression, name) {
			return true
		}
	}
	return false
}
