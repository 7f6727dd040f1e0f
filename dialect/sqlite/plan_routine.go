package sqlite

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/ops"
)

// planRoutine renders the trigger ops and refuses the routine ops
// (SQLite has no stored routines); ok is false for any other op. SQLite
// has no CREATE OR REPLACE TRIGGER: a replace drops and creates.
func (p *planner) planRoutine(i int, o ops.Op) (ok bool, err error) {
	switch o := o.(type) {
	case *ops.CreateRoutine, *ops.DropRoutine, *ops.ReplaceRoutine:
		return true, opError(i, o, dialect.ErrNoRoutines)
	case *ops.CreateTrigger:
		if err := dialect.TriggerOrderError(o.Trigger); err != nil {
			return true, opError(i, o, err)
		}
		p.emitSQL(i, o.Trigger.Definition)
	case *ops.DropTrigger:
		p.emitSQL(i, "DROP TRIGGER "+quote(o.TriggerName))
	case *ops.ReplaceTrigger:
		if err := dialect.TriggerOrderError(o.Trigger); err != nil {
			return true, opError(i, o, err)
		}
		p.emitSQL(i, "DROP TRIGGER "+quote(o.Trigger.Name), o.Trigger.Definition)
	default:
		return false, nil
	}
	return true, nil
}
