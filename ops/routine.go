package ops

import (
	"fmt"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// CreateRoutine creates a function, procedure or PostgreSQL aggregate
// (Routine.Kind): create_function, create_procedure, create_aggregate.
type CreateRoutine struct {
	Routine *metadata.Routine
}

// DropRoutine drops a function, procedure or aggregate: drop_function,
// drop_procedure, drop_aggregate. Routine holds it whole for Reverse (in
// a revision file, a definition: key carries it); nil when a revision
// names only the routine, which makes the op irreversible.
type DropRoutine struct {
	Kind        string
	Schema      string
	RoutineName string
	Arguments   string
	Routine     *metadata.Routine
}

// ReplaceRoutine changes a routine to Routine (same kind, schema, name and
// arguments): replace_function, replace_procedure, replace_aggregate.
// Existing is the routine before, for Reverse. PostgreSQL replaces it in
// place (CREATE OR REPLACE) unless its result type changes; MySQL drops
// and creates it.
type ReplaceRoutine struct {
	Routine  *metadata.Routine
	Existing *metadata.Routine
}

// Name returns create_function, create_procedure or create_aggregate.
func (o *CreateRoutine) Name() string { return "create_" + routineKind(o.Routine, "") }

// Name returns drop_function, drop_procedure or drop_aggregate.
func (o *DropRoutine) Name() string { return "drop_" + routineKind(o.Routine, o.Kind) }

// Name returns replace_function, replace_procedure or replace_aggregate.
func (o *ReplaceRoutine) Name() string { return "replace_" + routineKind(o.Routine, "") }

func (*CreateRoutine) op()  {}
func (*DropRoutine) op()    {}
func (*ReplaceRoutine) op() {}

// routineKind is kind, else r's kind, else function.
func routineKind(r *metadata.Routine, kind string) string {
	switch {
	case kind != "":
		return kind
	case r != nil && r.Kind != "":
		return r.Kind
	}
	return metadata.KindFunction
}

func (o *CreateRoutine) what() string {
	if o.Routine == nil {
		return o.Name()
	}
	return o.Name() + " " + o.Routine.Signature()
}

// Reverse returns a DropRoutine carrying the routine.
func (o *CreateRoutine) Reverse() (Op, error) {
	if o.Routine == nil {
		return nil, fmt.Errorf("%s: no %s", o.Name(), routineKind(nil, ""))
	}
	return dropRoutineOf(o.Routine), nil
}

// dropRoutineOf is the drop op that carries r.
func dropRoutineOf(r *metadata.Routine) *DropRoutine {
	return &DropRoutine{Kind: routineKind(r, ""), Schema: r.Schema, RoutineName: r.Name, Arguments: r.Arguments, Routine: r.Clone()}
}

// DropRoutineOf returns the op that drops r and carries it for Reverse.
func DropRoutineOf(r *metadata.Routine) *DropRoutine { return dropRoutineOf(r) }

// Validate checks the name and the definition.
func (o *CreateRoutine) Validate() error { return validRoutine(o.Name(), o.Routine) }

func validRoutine(op string, r *metadata.Routine) error {
	switch {
	case r == nil:
		return fmt.Errorf("%s: nothing to create", op)
	case r.Name == "":
		return fmt.Errorf("%s: no name (name: ...)", op)
	case r.Definition == "":
		return fmt.Errorf("%s %s: no definition (definition: CREATE ...)", op, r.Signature())
	case !slices.Contains([]string{metadata.KindFunction, metadata.KindProcedure, metadata.KindAggregate}, routineKind(r, "")):
		return fmt.Errorf("%s %s: kind %q is not function, procedure or aggregate", op, r.Signature(), r.Kind)
	}
	return nil
}

func (o *CreateRoutine) apply(m *metadata.MetaData) error {
	r := o.Routine.Clone()
	r.Kind = routineKind(r, "")
	if m.Routine(r.Kind, r.Schema, r.Name, r.Arguments) != nil {
		return fmt.Errorf("%s: it exists already", o.what())
	}
	m.AddRoutine(r)
	return nil
}

func (o *DropRoutine) name() string {
	if o.RoutineName == "" && o.Routine != nil {
		return o.Routine.Name
	}
	return o.RoutineName
}

func (o *DropRoutine) what() string {
	return o.Name() + " " + qualify(o.Schema, o.name()) + "(" + o.Arguments + ")"
}

// Reverse returns a CreateRoutine of the carried routine; without it the
// op is irreversible.
func (o *DropRoutine) Reverse() (Op, error) {
	if o.Routine == nil {
		return nil, irreversible(o.what(), "the routine's definition (definition: CREATE ...)")
	}
	r := o.Routine.Clone()
	r.Kind, r.Schema, r.Name, r.Arguments = routineKind(r, o.Kind), o.Schema, o.name(), o.Arguments
	return &CreateRoutine{Routine: r}, nil
}

// Validate checks the name.
func (o *DropRoutine) Validate() error {
	if o.name() == "" {
		return fmt.Errorf("%s: no name (name: ...)", o.Name())
	}
	return nil
}

func (o *DropRoutine) apply(m *metadata.MetaData) error {
	if !m.RemoveRoutine(routineKind(o.Routine, o.Kind), o.Schema, o.name(), o.Arguments) {
		return fmt.Errorf("%s: there is no such %s", o.what(), routineKind(o.Routine, o.Kind))
	}
	return nil
}

func (o *ReplaceRoutine) what() string {
	if o.Routine == nil {
		return o.Name()
	}
	return o.Name() + " " + o.Routine.Signature()
}

// Reverse replaces the routine back; without Existing the op is
// irreversible.
func (o *ReplaceRoutine) Reverse() (Op, error) {
	if o.Existing == nil {
		return nil, irreversible(o.what(), "the routine as it was (existing: {definition: ...})")
	}
	return &ReplaceRoutine{Routine: o.Existing.Clone(), Existing: o.Routine.Clone()}, nil
}

// Validate checks both name the same routine.
func (o *ReplaceRoutine) Validate() error {
	if err := validRoutine(o.Name(), o.Routine); err != nil {
		return err
	}
	if e := o.Existing; e != nil {
		if err := validRoutine(o.Name()+": existing", e); err != nil {
			return err
		}
		if e.Signature() != o.Routine.Signature() || routineKind(e, "") != routineKind(o.Routine, "") {
			return fmt.Errorf("%s: existing is %s; a replace keeps kind, name and arguments", o.what(), e.Signature())
		}
	}
	return nil
}

func (o *ReplaceRoutine) apply(m *metadata.MetaData) error {
	r := o.Routine.Clone()
	r.Kind = routineKind(r, "")
	if !m.ReplaceRoutine(r) {
		return fmt.Errorf("%s: there is no such %s", o.what(), r.Kind)
	}
	return nil
}

func (o *CreateRoutine) encode() (*yaml.Node, error) { return metadata.EncodeRoutine(o.Routine) }

func (o *DropRoutine) encode() (*yaml.Node, error) {
	if o.Routine == nil {
		b := newMap()
		b.str("schema", o.Schema)
		b.set("name", strNode(o.name()))
		b.set("arguments", strNode(o.Arguments))
		return b.n, nil
	}
	r := o.Routine.Clone()
	r.Schema, r.Name, r.Arguments = o.Schema, o.name(), o.Arguments
	return metadata.EncodeRoutine(r)
}

func (o *ReplaceRoutine) encode() (*yaml.Node, error) {
	n, err := metadata.EncodeRoutine(o.Routine)
	if err != nil || o.Existing == nil {
		return n, err
	}
	ex, err := metadata.EncodeRoutine(o.Existing)
	if err != nil {
		return nil, err
	}
	n.Content = append(n.Content, strNode("existing"), ex)
	return n, nil
}

// routineKeys are the keys of a routine mapping in an op: schema.yaml's.
var routineKeys = metadata.Keys("routine")

// routineDecoders returns the decoders of the create_, drop_ and replace_
// ops of kind.
func routineDecoders(kind string) map[string]func(d *decoder, n *yaml.Node) Op {
	decodeOne := func(file string, n *yaml.Node, what string) (*metadata.Routine, error) {
		return metadata.DecodeRoutine(file, n, kind, what)
	}
	return map[string]func(d *decoder, n *yaml.Node) Op{
		"create_" + kind: func(d *decoder, n *yaml.Node) Op {
			o := d.obj(n, labelled("create_"+kind, n, "name"), routineKeys)
			return &CreateRoutine{Routine: element(d, o, routineKeys, decodeOne)}
		},
		"drop_" + kind: func(d *decoder, n *yaml.Node) Op {
			o := d.obj(n, labelled("drop_"+kind, n, "name"), routineKeys)
			op := &DropRoutine{Kind: kind, Schema: o.str("schema"), RoutineName: o.required("name"), Arguments: o.str("arguments")}
			if o.has("definition") { // the definition carries the routine
				op.Routine = element(d, o, routineKeys, decodeOne)
			}
			return op
		},
		"replace_" + kind: func(d *decoder, n *yaml.Node) Op {
			o := d.obj(n, labelled("replace_"+kind, n, "name"), append(slices.Clone(routineKeys), "existing"))
			op := &ReplaceRoutine{Routine: element(d, o, routineKeys, decodeOne)}
			if o.has("existing") {
				r, err := decodeOne(d.file, o.val("existing"), o.sub("existing"))
				d.add(err)
				op.Existing = r
			}
			return op
		},
	}
}

func init() {
	for _, kind := range []string{metadata.KindFunction, metadata.KindProcedure, metadata.KindAggregate} {
		for name, dec := range routineDecoders(kind) {
			decoders[name] = dec
		}
	}
	for name, dec := range triggerDecoders() {
		decoders[name] = dec
	}
	for name, dec := range ruleDecoders() {
		decoders[name] = dec
	}
	for name, dec := range policyDecoders() {
		decoders[name] = dec
	}
	for name, dec := range eventDecoders() {
		decoders[name] = dec
	}
}
