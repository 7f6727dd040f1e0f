package autogen

import (
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// events compares the MySQL/MariaDB scheduled events: one the target adds
// is created last, after what its body may name; a changed one replaced
// (dropped and created); one the target lacks dropped first.
func (c *comparer) events() {
	find := func(m *metadata.MetaData) func(*metadata.Event) (*metadata.Event, bool) {
		return func(e *metadata.Event) (*metadata.Event, bool) {
			o := m.Event(e.Schema, e.Name)
			return o, o != nil
		}
	}
	diffNamed(c.target.Events, c.current.Events, find(c.current), find(c.target), sameEvent,
		func(t *metadata.Event) {
			c.p.createEvents = append(c.p.createEvents, &ops.CreateEvent{Event: t.Clone()})
		},
		func(t, ce *metadata.Event) {
			c.p.createEvents = append(c.p.createEvents, &ops.ReplaceEvent{Event: t.Clone(), Existing: ce.Clone()})
		},
		func(ce *metadata.Event) { c.p.dropEvents = append(c.p.dropEvents, ops.DropEventOf(ce)) })
}

// sameEvent reports whether two events of one schema and name are the
// same: the body up to spacing, and every other field.
func sameEvent(a, b *metadata.Event) bool {
	x, y := *a, *b
	x.Body, y.Body = collapseSpace(a.Body), collapseSpace(b.Body)
	return x == y
}
