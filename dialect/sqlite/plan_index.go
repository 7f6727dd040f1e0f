package sqlite

import (
	"fmt"

	"github.com/retortdb/retort/ops"
)

// renameIndex drops and creates the index under its new name: SQLite has
// no ALTER INDEX. The definition comes from the schema before the op.
func (p *planner) renameIndex(i int, o *ops.RenameIndex) error {
	t := p.cur.Table(o.Schema, o.Table)
	if t == nil || t.Index(o.IndexName) == nil {
		return opError(i, o, fmt.Errorf("table %s has no index %s; rename_index needs the index's definition, which SQLite recreates under the new name", o.Table, o.IndexName))
	}
	ix := t.Index(o.IndexName).Clone()
	ix.Name = o.NewName
	p.emitSQL(i, "DROP INDEX "+quote(o.IndexName), createIndexSQL(t.Name, ix))
	return nil
}
