package sqlite

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// planView renders the view ops; ok is false for any other op. SQLite
// has no CREATE OR REPLACE VIEW: a replace drops and creates.
func (p *planner) planView(i int, o ops.Op) (ok bool, err error) {
	switch o := o.(type) {
	case *ops.CreateView:
		s, err := createViewSQL(o.View)
		if err != nil {
			return true, opError(i, o, err)
		}
		p.emitSQL(i, s)
	case *ops.DropView:
		if o.IsMaterialized() {
			return true, opError(i, o, dialect.ErrNoMaterializedViews)
		}
		p.emitSQL(i, "DROP VIEW "+quote(o.Ref().Table))
	case *ops.ReplaceView:
		s, err := createViewSQL(o.View)
		if err != nil {
			return true, opError(i, o, err)
		}
		p.emitSQL(i, "DROP VIEW "+quote(o.View.Name), s)
	default:
		return false, nil
	}
	return true, nil
}

// createViewSQL renders CREATE VIEW name AS query, the name quoted only
// where it must be, as people write it: sqlite_schema keeps the text.
func createViewSQL(v *metadata.View) (string, error) {
	if v.Materialized {
		return "", dialect.ErrNoMaterializedViews
	}
	return "CREATE VIEW " + quoteIfNeeded(v.Name) + " AS " + v.Definition, nil
}
