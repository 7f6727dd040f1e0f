package ops

import (
	"errors"
	"fmt"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// CreateTrigger creates a trigger on a table or view.
type CreateTrigger struct {
	Trigger *metadata.Trigger
}

// DropTrigger drops a trigger. Trigger holds it whole for Reverse (in a
// revision file, a definition: key carries it); nil when a revision names
// only the trigger, which makes the op irreversible.
type DropTrigger struct {
	TableRef
	TriggerName string
	Trigger     *metadata.Trigger
}

// ReplaceTrigger changes a trigger to Trigger (same table and name).
// Existing is the trigger before, for Reverse. PostgreSQL 14+ replaces it
// in place (CREATE OR REPLACE TRIGGER); MySQL and SQLite drop and create
// it.
type ReplaceTrigger struct {
	Trigger  *metadata.Trigger
	Existing *metadata.Trigger
}

// Name returns "create_trigger".
func (*CreateTrigger) Name() string { return "create_trigger" }

// Name returns "drop_trigger".
func (*DropTrigger) Name() string { return "drop_trigger" }

// Name returns "replace_trigger".
func (*ReplaceTrigger) Name() string { return "replace_trigger" }

func (*CreateTrigger) op()  {}
func (*DropTrigger) op()    {}
func (*ReplaceTrigger) op() {}

func (o *CreateTrigger) what() string {
	if o.Trigger == nil {
		return "create_trigger"
	}
	return "create_trigger " + o.Trigger.Label()
}

// Reverse returns a DropTrigger carrying the trigger.
func (o *CreateTrigger) Reverse() (Op, error) {
	if o.Trigger == nil {
		return nil, errors.New("create_trigger: no trigger")
	}
	return DropTriggerOf(o.Trigger), nil
}

// DropTriggerOf returns the op that drops t and carries it for Reverse.
func DropTriggerOf(t *metadata.Trigger) *DropTrigger {
	return &DropTrigger{TableRef: TableRef{Schema: t.Schema, Table: t.Table}, TriggerName: t.Name, Trigger: t.Clone()}
}

// Validate checks the names and the definition.
func (o *CreateTrigger) Validate() error { return validTrigger("create_trigger", o.Trigger) }

func validTrigger(op string, t *metadata.Trigger) error {
	switch {
	case t == nil:
		return fmt.Errorf("%s: no trigger", op)
	case t.Name == "":
		return fmt.Errorf("%s: no trigger name (name: ...)", op)
	case t.Table == "":
		return fmt.Errorf("%s %s: no table (table: ...)", op, t.Name)
	case t.Definition == "":
		return fmt.Errorf("%s %s: no definition (definition: CREATE TRIGGER ...)", op, t.Label())
	}
	return nil
}

func (o *CreateTrigger) apply(m *metadata.MetaData) error {
	t := o.Trigger
	if m.Trigger(t.Schema, t.Table, t.Name) != nil {
		return fmt.Errorf("%s: it exists already", o.what())
	}
	m.Triggers = append(slices.Clone(m.Triggers), t.Clone())
	return nil
}

func (o *DropTrigger) name() string {
	if o.TriggerName == "" && o.Trigger != nil {
		return o.Trigger.Name
	}
	return o.TriggerName
}

func (o *DropTrigger) what() string { return "drop_trigger " + o.name() + " on " + o.qname() }

// Reverse returns a CreateTrigger of the carried trigger; without it the
// op is irreversible.
func (o *DropTrigger) Reverse() (Op, error) {
	if o.Trigger == nil {
		return nil, irreversible(o.what(), "the trigger's definition (definition: CREATE TRIGGER ...)")
	}
	t := o.Trigger.Clone()
	t.Schema, t.Table, t.Name = o.Schema, o.Table, o.name()
	return &CreateTrigger{Trigger: t}, nil
}

// Validate checks the names.
func (o *DropTrigger) Validate() error {
	if o.name() == "" || o.Table == "" {
		return errors.New("drop_trigger: give the trigger's name and table (name: ..., table: ...)")
	}
	return nil
}

func (o *DropTrigger) apply(m *metadata.MetaData) error {
	if !m.RemoveTrigger(o.Schema, o.Table, o.name()) {
		return fmt.Errorf("%s: there is no such trigger", o.what())
	}
	return nil
}

func (o *ReplaceTrigger) what() string {
	if o.Trigger == nil {
		return "replace_trigger"
	}
	return "replace_trigger " + o.Trigger.Label()
}

// Reverse replaces the trigger back; without Existing the op is
// irreversible.
func (o *ReplaceTrigger) Reverse() (Op, error) {
	if o.Existing == nil {
		return nil, irreversible(o.what(), "the trigger as it was (existing: {definition: ...})")
	}
	return &ReplaceTrigger{Trigger: o.Existing.Clone(), Existing: o.Trigger.Clone()}, nil
}

// Validate checks both name the same trigger.
func (o *ReplaceTrigger) Validate() error {
	if err := validTrigger("replace_trigger", o.Trigger); err != nil {
		return err
	}
	if e := o.Existing; e != nil {
		if err := validTrigger("replace_trigger: existing", e); err != nil {
			return err
		}
		if e.Label() != o.Trigger.Label() {
			return fmt.Errorf("%s: existing is %s; a replace keeps table and name", o.what(), e.Label())
		}
	}
	return nil
}

func (o *ReplaceTrigger) apply(m *metadata.MetaData) error {
	t := o.Trigger
	i := slices.IndexFunc(m.Triggers, func(x *metadata.Trigger) bool { return x.Label() == t.Label() })
	if i < 0 {
		return fmt.Errorf("%s: there is no such trigger", o.what())
	}
	m.Triggers = slices.Clone(m.Triggers)
	m.Triggers[i] = t.Clone()
	return nil
}

func (o *CreateTrigger) encode() (*yaml.Node, error) { return metadata.EncodeTrigger(o.Trigger) }

func (o *DropTrigger) encode() (*yaml.Node, error) {
	if o.Trigger == nil {
		b := newMap()
		b.str("schema", o.Schema)
		b.set("table", strNode(o.Table))
		b.set("name", strNode(o.name()))
		return b.n, nil
	}
	t := o.Trigger.Clone()
	t.Schema, t.Table, t.Name = o.Schema, o.Table, o.name()
	return metadata.EncodeTrigger(t)
}

func (o *ReplaceTrigger) encode() (*yaml.Node, error) {
	n, err := metadata.EncodeTrigger(o.Trigger)
	if err != nil || o.Existing == nil {
		return n, err
	}
	ex, err := metadata.EncodeTrigger(o.Existing)
	if err != nil {
		return nil, err
	}
	n.Content = append(n.Content, strNode("existing"), ex)
	return n, nil
}

// triggerKeys are the keys of a trigger mapping in an op: schema.yaml's.
var triggerKeys = metadata.Keys("trigger")

// triggerDecoders returns the decoders of the trigger ops.
func triggerDecoders() map[string]func(d *decoder, n *yaml.Node) Op {
	return map[string]func(d *decoder, n *yaml.Node) Op{
		"create_trigger": func(d *decoder, n *yaml.Node) Op {
			o := d.obj(n, labelled("create_trigger", n, "name"), triggerKeys)
			return &CreateTrigger{Trigger: element(d, o, triggerKeys, metadata.DecodeTrigger)}
		},
		"drop_trigger": func(d *decoder, n *yaml.Node) Op {
			o := d.obj(n, labelled("drop_trigger", n, "name"), triggerKeys)
			op := &DropTrigger{TableRef: TableRef{Schema: o.str("schema"), Table: o.required("table")}, TriggerName: o.required("name")}
			if o.has("definition") {
				op.Trigger = element(d, o, triggerKeys, metadata.DecodeTrigger)
			}
			return op
		},
		"replace_trigger": func(d *decoder, n *yaml.Node) Op {
			o := d.obj(n, labelled("replace_trigger", n, "name"), append(slices.Clone(triggerKeys), "existing"))
			op := &ReplaceTrigger{Trigger: element(d, o, triggerKeys, metadata.DecodeTrigger)}
			if o.has("existing") {
				t, err := metadata.DecodeTrigger(d.file, o.val("existing"), o.sub("existing"))
				d.add(err)
				op.Existing = t
			}
			return op
		},
	}
}
