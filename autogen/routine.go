package autogen

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// routines creates the target's new functions, procedures and aggregates,
// replaces those changed and drops those gone. Definitions are compared
// as the database renders them (white space outside quotes collapsed: a
// hand-indented one is the same). Creates and replaces run after the
// tables' changes, in creation order (an aggregate after its support
// functions), before the views that may call them; drops run first,
// after the triggers' and views' and before the tables' (a routine may
// return a table's row type), the last created first.
func (c *comparer) routines() {
	target, err := dialect.SortRoutines(c.target.AllRoutines())
	if err != nil {
		c.p.err = err
		return
	}
	for _, tr := range target {
		cr := c.current.Routine(tr.Kind, tr.Schema, tr.Name, tr.Arguments)
		switch {
		case cr == nil:
			c.p.createRoutines = append(c.p.createRoutines, &ops.CreateRoutine{Routine: tr.Clone()})
		case !sameRoutine(tr, cr):
			c.p.createRoutines = append(c.p.createRoutines, &ops.ReplaceRoutine{Routine: tr.Clone(), Existing: cr.Clone()})
		}
	}
	current := dialect.OrderedRoutines(c.current)
	for i := len(current) - 1; i >= 0; i-- {
		cr := current[i]
		if c.target.Routine(cr.Kind, cr.Schema, cr.Name, cr.Arguments) == nil {
			c.p.dropRoutines = append(c.p.dropRoutines, ops.DropRoutineOf(cr))
		}
	}
}

// sameRoutine reports whether two routines of one signature are the same.
func sameRoutine(a, b *metadata.Routine) bool {
	return collapseSpace(a.Definition) == collapseSpace(b.Definition) && a.Returns == b.Returns &&
		a.Comment == b.Comment && a.Definer == b.Definer && a.SQLMode == b.SQLMode
}

// triggers creates the target's new triggers, replaces those changed and
// drops those gone (first of all, before the views and tables they are
// on). Creates and replaces run last, after the routines they execute
// and the views they may be on. A trigger whose table the revision
// recreates or drops is dropped too, so that the downgrade creates it
// again.
func (c *comparer) triggers() {
	find := func(m *metadata.MetaData) func(*metadata.Trigger) (*metadata.Trigger, bool) {
		return func(tr *metadata.Trigger) (*metadata.Trigger, bool) {
			o := m.Trigger(tr.Schema, tr.Table, tr.Name)
			return o, o != nil
		}
	}
	diffNamed(c.target.Triggers, c.current.Triggers, find(c.current), find(c.target), sameTrigger,
		func(t *metadata.Trigger) {
			c.p.createTriggers = append(c.p.createTriggers, &ops.CreateTrigger{Trigger: t.Clone()})
		},
		func(t, ct *metadata.Trigger) {
			c.p.createTriggers = append(c.p.createTriggers, &ops.ReplaceTrigger{Trigger: t.Clone(), Existing: ct.Clone()})
		},
		func(ct *metadata.Trigger) { c.p.dropTriggers = append(c.p.dropTriggers, ops.DropTriggerOf(ct)) })
}

// sameTrigger reports whether two triggers of one table and name are the
// same.
func sameTrigger(a, b *metadata.Trigger) bool {
	return collapseSpace(a.Definition) == collapseSpace(b.Definition) && a.Comment == b.Comment && a.Definer == b.Definer &&
		a.SQLMode == b.SQLMode && a.Follows == b.Follows
}

// describeRoutineOp is the Detected line of a routine or trigger op.
func describeRoutineOp(o ops.Op) string {
	switch o := o.(type) {
	case *ops.CreateRoutine:
		return "Detected added " + o.Routine.Kind + " '" + o.Routine.Signature() + "'"
	case *ops.DropRoutine:
		r := &metadata.Routine{Schema: o.Schema, Name: o.RoutineName, Arguments: o.Arguments}
		return "Detected removed " + o.Kind + " '" + r.Signature() + "'"
	case *ops.ReplaceRoutine:
		return "Detected changed " + o.Routine.Kind + " '" + o.Routine.Signature() + "'"
	case *ops.CreateTrigger:
		return "Detected added trigger '" + o.Trigger.Label() + "'"
	case *ops.DropTrigger:
		return "Detected removed trigger '" + o.TriggerName + " on " + (&metadata.Trigger{Schema: o.Schema, Table: o.Table}).QualifiedTable() + "'"
	case *ops.ReplaceTrigger:
		return "Detected changed trigger '" + o.Trigger.Label() + "'"
	}
	return "Detected " + o.Name()
}
