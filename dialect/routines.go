package dialect

import (
	"cmp"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// RoutineCycleError is returned when routines need each other first in a
// circle (their Uses): no order creates them.
type RoutineCycleError struct {
	// Routines are the signatures of the cycle, in the order found.
	Routines []string
}

func (e *RoutineCycleError) Error() string {
	return fmt.Sprintf("routines %s use each other in a cycle; no order creates them: fix their uses:",
		strings.Join(e.Routines, " -> "))
}

// ErrNoAggregates is returned by a dialect without user-defined
// aggregates (MySQL/MariaDB, SQLite) asked to plan one.
var ErrNoAggregates = errors.New("aggregates are modelled on PostgreSQL only: remove the aggregate from the schema, or the op from the revision")

// ErrNoRoutines is returned by a dialect without stored routines
// (SQLite) asked to plan a function or procedure.
var ErrNoRoutines = errors.New("SQLite has no stored functions or procedures: register them with the driver instead, and remove them from the schema or the revision")

// ErrNoTriggerOrder is returned by a dialect that fires a table's
// triggers in an order of its own (PostgreSQL and SQLite) asked to plan
// a trigger with [metadata.Trigger.Follows].
var ErrNoTriggerOrder = errors.New("follows: (FOLLOWS) is MySQL's: PostgreSQL fires a table's triggers in name order and SQLite " +
	"in an order of its own; remove follows: (on PostgreSQL, name the triggers in the order they must run)")

// TriggerOrderError is [ErrNoTriggerOrder] for trigger t, or nil when t
// follows none.
func TriggerOrderError(t *metadata.Trigger) error {
	if t.Follows == "" {
		return nil
	}
	return fmt.Errorf("trigger %s: %w", t.Label(), ErrNoTriggerOrder)
}

// SortRoutines returns list so that each routine comes after those of the
// list it uses ([metadata.Routine.Uses]), otherwise in list order; a
// cycle is a *RoutineCycleError.
func SortRoutines(list []*metadata.Routine) ([]*metadata.Routine, error) {
	out, cycle := sortByDeps(list, (*metadata.Routine).Signature, func(r *metadata.Routine) []string { return r.Uses })
	if cycle != nil {
		return nil, &RoutineCycleError{Routines: cycle}
	}
	return out, nil
}

// OrderedRoutines returns m's functions, procedures and aggregates in
// creation order ([SortRoutines]; list order on a cycle, which Plan then
// reports as the database says it).
func OrderedRoutines(m *metadata.MetaData) []*metadata.Routine {
	all := m.AllRoutines()
	if sorted, err := SortRoutines(all); err == nil {
		return sorted
	}
	return all
}

// NormalizeRoutineOrder sorts each of m's routine lists by schema, name
// and arguments, and its triggers, rules and policies by schema, table and name, as every
// dialect's Normalize and Inspect give them.
func NormalizeRoutineOrder(m *metadata.MetaData) {
	for _, list := range [][]*metadata.Routine{m.Functions, m.Procedures, m.Aggregates} {
		slices.SortStableFunc(list, func(a, b *metadata.Routine) int {
			return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Name, b.Name), cmp.Compare(a.Arguments, b.Arguments))
		})
	}
	slices.SortStableFunc(m.Triggers, func(a, b *metadata.Trigger) int {
		return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Table, b.Table), cmp.Compare(a.Name, b.Name))
	})
	m.Triggers = afterFollowed(m.Triggers)
	slices.SortStableFunc(m.RewriteRules, func(a, b *metadata.RewriteRule) int {
		return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Table, b.Table), cmp.Compare(a.Name, b.Name))
	})
	slices.SortStableFunc(m.Policies, func(a, b *metadata.Policy) int {
		return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Table, b.Table), cmp.Compare(a.Name, b.Name))
	})
}

// createRoutineOps are the ops that create m's routines, in creation
// order.
func createRoutineOps(m *metadata.MetaData) []ops.Op {
	var list []ops.Op
	for _, r := range OrderedRoutines(m) {
		list = append(list, &ops.CreateRoutine{Routine: r.Clone()})
	}
	return list
}

// createTriggerOps are the ops that create m's triggers.
func createTriggerOps(m *metadata.MetaData) []ops.Op {
	return opEach(slices.All(m.Triggers), func(t *metadata.Trigger) ops.Op { return &ops.CreateTrigger{Trigger: t.Clone()} })
}

// dropTriggerOps are the ops that drop m's triggers, last first.
func dropTriggerOps(m *metadata.MetaData) []ops.Op {
	return opEach(slices.Backward(m.Triggers), func(t *metadata.Trigger) ops.Op { return ops.DropTriggerOf(t) })
}

// opEach is op(x) for each x of seq, in its order.
func opEach[T any](seq iter.Seq2[int, T], op func(T) ops.Op) []ops.Op {
	var list []ops.Op
	for _, x := range seq {
		list = append(list, op(x))
	}
	return list
}

// dropRoutineOps are the ops that drop m's routines, the reverse of their
// creation order.
func dropRoutineOps(m *metadata.MetaData) []ops.Op {
	ordered := OrderedRoutines(m)
	var list []ops.Op
	for i := len(ordered) - 1; i >= 0; i-- {
		list = append(list, ops.DropRoutineOf(ordered[i]))
	}
	return list
}

// afterFollowed moves each trigger that follows another of its table
// (MySQL's FOLLOWS) right after the one it follows, the rest keeping
// their order, so that the one it names exists when it is created. A
// trigger following one the list does not have, or a cycle, stays where
// it is (the server refuses it with its own message).
func afterFollowed(list []*metadata.Trigger) []*metadata.Trigger {
	type key struct{ schema, table, name string }
	byKey := map[key]*metadata.Trigger{}
	after := map[*metadata.Trigger][]*metadata.Trigger{}
	for _, t := range list {
		byKey[key{t.Schema, t.Table, t.Name}] = t
	}
	placed := map[*metadata.Trigger]bool{}
	for _, t := range list {
		if f := byKey[key{t.Schema, t.Table, t.Follows}]; t.Follows != "" && f != nil && f != t {
			after[f] = append(after[f], t)
		}
	}
	out := make([]*metadata.Trigger, 0, len(list))
	var place func(t *metadata.Trigger)
	place = func(t *metadata.Trigger) {
		if placed[t] {
			return
		}
		placed[t] = true
		out = append(out, t)
		for _, n := range after[t] {
			place(n)
		}
	}
	for _, t := range list {
		if f := byKey[key{t.Schema, t.Table, t.Follows}]; t.Follows == "" || f == nil || f == t {
			place(t)
		}
	}
	for _, t := range list { // cycles
		place(t)
	}
	return out
}
