package dialect

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// ErrNoEvents is what a database without scheduled events (PostgreSQL,
// SQLite) answers an event op with, wrapped with the database's name and
// the event.
var ErrNoEvents = errors.New("scheduled events are MySQL's and MariaDB's: remove the event from events: " +
	"(run its body from a job scheduler, or pg_cron on PostgreSQL), or target MySQL")

// RefuseEvent returns the error of an event op (create_event, drop_event,
// replace_event) planned for dialect, a database without events, and nil
// for any other op: the planners of those databases call it first.
func RefuseEvent(dialect string, o ops.Op) error {
	var e *metadata.Event
	switch o := o.(type) {
	case *ops.CreateEvent:
		e = o.Event
	case *ops.ReplaceEvent:
		e = o.Event
	case *ops.DropEvent:
		e = &metadata.Event{Schema: o.Schema, Name: o.EventName}
	default:
		return nil
	}
	name := "?"
	if e != nil {
		name = e.QualifiedName()
	}
	return fmt.Errorf("%s: event %s: %w", dialect, name, ErrNoEvents)
}

// NormalizeEventOrder sorts m's events by schema and name: the order
// Inspect reads them in.
func NormalizeEventOrder(m *metadata.MetaData) {
	slices.SortStableFunc(m.Events, func(a, b *metadata.Event) int {
		return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Name, b.Name))
	})
}

// createEventOps are the ops that create m's events.
func createEventOps(m *metadata.MetaData) []ops.Op {
	return opEach(slices.All(m.Events), func(e *metadata.Event) ops.Op { return &ops.CreateEvent{Event: e.Clone()} })
}

// dropEventOps are the ops that drop m's events, last first.
func dropEventOps(m *metadata.MetaData) []ops.Op {
	return opEach(slices.Backward(m.Events), func(e *metadata.Event) ops.Op { return ops.DropEventOf(e) })
}
