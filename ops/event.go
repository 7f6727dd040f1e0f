package ops

import (
	"errors"
	"fmt"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// CreateEvent creates a MySQL/MariaDB scheduled event (CREATE EVENT).
// PostgreSQL and SQLite have no events and refuse it.
type CreateEvent struct {
	Event *metadata.Event
}

// DropEvent drops an event (DROP EVENT). Event holds it whole for Reverse
// (in a revision file, a schedule: and body: carry it); nil when a
// revision names only the event, which makes the op irreversible.
type DropEvent struct {
	Schema    string
	EventName string
	Event     *metadata.Event
}

// ReplaceEvent changes an event to Event (same schema and name): a drop
// and create. Existing is the event before, for Reverse.
type ReplaceEvent struct {
	Event    *metadata.Event
	Existing *metadata.Event
}

// Name returns "create_event".
func (*CreateEvent) Name() string { return "create_event" }

// Name returns "drop_event".
func (*DropEvent) Name() string { return "drop_event" }

// Name returns "replace_event".
func (*ReplaceEvent) Name() string { return "replace_event" }

func (*CreateEvent) op()  {}
func (*DropEvent) op()    {}
func (*ReplaceEvent) op() {}

func (o *CreateEvent) what() string {
	if o.Event == nil {
		return "create_event"
	}
	return "create_event " + o.Event.QualifiedName()
}

// Reverse returns a DropEvent carrying the event.
func (o *CreateEvent) Reverse() (Op, error) {
	if o.Event == nil {
		return nil, errors.New("create_event: no event")
	}
	return DropEventOf(o.Event), nil
}

// DropEventOf returns the op that drops e and carries it for Reverse.
func DropEventOf(e *metadata.Event) *DropEvent {
	return &DropEvent{Schema: e.Schema, EventName: e.Name, Event: e.Clone()}
}

// Validate checks the name, the schedule and the body.
func (o *CreateEvent) Validate() error { return validEvent("create_event", o.Event) }

func validEvent(op string, e *metadata.Event) error {
	switch {
	case e == nil:
		return fmt.Errorf("%s: no event", op)
	case e.Name == "":
		return fmt.Errorf("%s: no event name (name: ...)", op)
	case e.Schedule == "":
		return fmt.Errorf("%s %s: no schedule (schedule: EVERY 1 DAY, or AT '...')", op, e.QualifiedName())
	case e.Body == "":
		return fmt.Errorf("%s %s: no body (body: the statement after DO)", op, e.QualifiedName())
	}
	return nil
}

func (o *CreateEvent) apply(m *metadata.MetaData) error {
	e := o.Event
	if m.Event(e.Schema, e.Name) != nil {
		return fmt.Errorf("%s: it exists already", o.what())
	}
	m.Events = append(slices.Clone(m.Events), e.Clone())
	return nil
}

func (o *DropEvent) name() string {
	if o.EventName == "" && o.Event != nil {
		return o.Event.Name
	}
	return o.EventName
}

func (o *DropEvent) what() string {
	return "drop_event " + (&metadata.Event{Schema: o.Schema, Name: o.name()}).QualifiedName()
}

// Reverse returns a CreateEvent of the carried event; without it the op
// is irreversible.
func (o *DropEvent) Reverse() (Op, error) {
	if o.Event == nil {
		return nil, irreversible(o.what(), "the event's schedule and body (schedule: ..., body: ...)")
	}
	e := o.Event.Clone()
	e.Schema, e.Name = o.Schema, o.name()
	return &CreateEvent{Event: e}, nil
}

// Validate checks the name.
func (o *DropEvent) Validate() error {
	if o.name() == "" {
		return errors.New("drop_event: give the event's name (name: ...)")
	}
	return nil
}

func (o *DropEvent) apply(m *metadata.MetaData) error {
	if !m.RemoveEvent(o.Schema, o.name()) {
		return fmt.Errorf("%s: there is no such event", o.what())
	}
	return nil
}

func (o *ReplaceEvent) what() string {
	if o.Event == nil {
		return "replace_event"
	}
	return "replace_event " + o.Event.QualifiedName()
}

// Reverse replaces the event back; without Existing the op is
// irreversible.
func (o *ReplaceEvent) Reverse() (Op, error) {
	if o.Existing == nil {
		return nil, irreversible(o.what(), "the event as it was (existing: {schedule: ..., body: ...})")
	}
	return &ReplaceEvent{Event: o.Existing.Clone(), Existing: o.Event.Clone()}, nil
}

// Validate checks both name the same event.
func (o *ReplaceEvent) Validate() error {
	if err := validEvent("replace_event", o.Event); err != nil {
		return err
	}
	if e := o.Existing; e != nil {
		if err := validEvent("replace_event: existing", e); err != nil {
			return err
		}
		if e.QualifiedName() != o.Event.QualifiedName() {
			return fmt.Errorf("%s: existing is %s; a replace keeps schema and name", o.what(), e.QualifiedName())
		}
	}
	return nil
}

func (o *ReplaceEvent) apply(m *metadata.MetaData) error {
	e := o.Event
	i := slices.IndexFunc(m.Events, func(x *metadata.Event) bool { return x.QualifiedName() == e.QualifiedName() })
	if i < 0 {
		return fmt.Errorf("%s: there is no such event", o.what())
	}
	m.Events = slices.Clone(m.Events)
	m.Events[i] = e.Clone()
	return nil
}

func (o *CreateEvent) encode() (*yaml.Node, error) { return metadata.EncodeEvent(o.Event) }

func (o *DropEvent) encode() (*yaml.Node, error) {
	if o.Event == nil {
		b := newMap()
		b.str("schema", o.Schema)
		b.set("name", strNode(o.name()))
		return b.n, nil
	}
	e := o.Event.Clone()
	e.Schema, e.Name = o.Schema, o.name()
	return metadata.EncodeEvent(e)
}

func (o *ReplaceEvent) encode() (*yaml.Node, error) {
	n, err := metadata.EncodeEvent(o.Event)
	if err != nil || o.Existing == nil {
		return n, err
	}
	ex, err := metadata.EncodeEvent(o.Existing)
	if err != nil {
		return nil, err
	}
	n.Content = append(n.Content, strNode("existing"), ex)
	return n, nil
}

// eventKeys are the keys of an event mapping in an op: schema.yaml's.
var eventKeys = metadata.Keys("event")

// eventDecoders returns the decoders of the event ops.
func eventDecoders() map[string]func(d *decoder, n *yaml.Node) Op {
	return map[string]func(d *decoder, n *yaml.Node) Op{
		"create_event": func(d *decoder, n *yaml.Node) Op {
			o := d.obj(n, labelled("create_event", n, "name"), eventKeys)
			return &CreateEvent{Event: element(d, o, eventKeys, metadata.DecodeEvent)}
		},
		"drop_event": func(d *decoder, n *yaml.Node) Op {
			o := d.obj(n, labelled("drop_event", n, "name"), eventKeys)
			op := &DropEvent{Schema: o.str("schema"), EventName: o.required("name")}
			if o.has("schedule") || o.has("body") {
				op.Event = element(d, o, eventKeys, metadata.DecodeEvent)
			}
			return op
		},
		"replace_event": func(d *decoder, n *yaml.Node) Op {
			o := d.obj(n, labelled("replace_event", n, "name"), append(slices.Clone(eventKeys), "existing"))
			op := &ReplaceEvent{Event: element(d, o, eventKeys, metadata.DecodeEvent)}
			if o.has("existing") {
				e, err := metadata.DecodeEvent(d.file, o.val("existing"), o.sub("existing"))
				d.add(err)
				op.Existing = e
			}
			return op
		},
	}
}
