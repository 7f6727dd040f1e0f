package ops

import (
	"errors"
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// CreateSequence creates a sequence that no column owns (PostgreSQL).
type CreateSequence struct {
	Sequence *metadata.Sequence
}

// DropSequence drops a sequence. Sequence holds its options for Reverse
// (in a revision file, any option key carries them; autogenerate always
// writes type), which creates it anew: its current value is not kept, as a dropped
// table's rows are not.
type DropSequence struct {
	Schema       string
	SequenceName string
	Sequence     *metadata.Sequence
}

// RenameSequence renames a sequence, keeping its value: what a release
// that renames the sequence behind an id column needs, where a drop and a
// create would number new rows from the start again.
type RenameSequence struct {
	Schema       string
	SequenceName string
	NewName      string
}

// Name returns "create_sequence".
func (*CreateSequence) Name() string { return "create_sequence" }

// Name returns "drop_sequence".
func (*DropSequence) Name() string { return "drop_sequence" }

// Name returns "rename_sequence".
func (*RenameSequence) Name() string { return "rename_sequence" }

func (*CreateSequence) op() {}
func (*DropSequence) op()   {}
func (*RenameSequence) op() {}

func (o *CreateSequence) what() string {
	if o.Sequence == nil {
		return "create_sequence"
	}
	return "create_sequence " + o.Sequence.QualifiedName()
}

// Reverse returns a DropSequence carrying the sequence.
func (o *CreateSequence) Reverse() (Op, error) {
	if o.Sequence == nil {
		return nil, errors.New("create_sequence: no sequence")
	}
	return &DropSequence{Schema: o.Sequence.Schema, SequenceName: o.Sequence.Name, Sequence: o.Sequence.Clone()}, nil
}

// Validate checks the name.
func (o *CreateSequence) Validate() error {
	if o.Sequence == nil {
		return errors.New("create_sequence: no sequence")
	}
	if o.Sequence.Name == "" {
		return errors.New("create_sequence: no sequence name (name: ...)")
	}
	return nil
}

func (o *CreateSequence) apply(m *metadata.MetaData) error {
	if m.Sequence(o.Sequence.Schema, o.Sequence.Name) != nil {
		return fmt.Errorf("%s: sequence %s exists already", o.what(), o.Sequence.QualifiedName())
	}
	m.Sequences = append(m.Sequences, o.Sequence.Clone())
	return nil
}

func (o *DropSequence) name() string {
	if o.SequenceName == "" && o.Sequence != nil {
		return o.Sequence.Name
	}
	return o.SequenceName
}

func (o *DropSequence) what() string { return "drop_sequence " + qualify(o.Schema, o.name()) }

// Reverse returns a CreateSequence of the carried sequence; without it
// the op is irreversible.
func (o *DropSequence) Reverse() (Op, error) {
	if o.Sequence == nil {
		return nil, irreversible(o.what(), "the sequence's options (type, increment, ...; {} for the defaults)")
	}
	s := o.Sequence.Clone()
	s.Schema, s.Name = o.Schema, o.name()
	return &CreateSequence{Sequence: s}, nil
}

// Validate checks the name.
func (o *DropSequence) Validate() error {
	if o.name() == "" {
		return errors.New("drop_sequence: no sequence name (name: ...)")
	}
	return nil
}

func (o *DropSequence) apply(m *metadata.MetaData) error {
	if !m.RemoveSequence(o.Schema, o.name()) {
		return fmt.Errorf("%s: there is no sequence %s", o.what(), qualify(o.Schema, o.name()))
	}
	return nil
}

func (o *RenameSequence) what() string {
	return "rename_sequence " + qualify(o.Schema, o.SequenceName)
}

// Reverse renames back.
func (o *RenameSequence) Reverse() (Op, error) {
	return &RenameSequence{Schema: o.Schema, SequenceName: o.NewName, NewName: o.SequenceName}, nil
}

// Validate checks both names.
func (o *RenameSequence) Validate() error {
	if o.SequenceName == "" || o.NewName == "" {
		return errors.New("rename_sequence: name and new_name are both needed")
	}
	return nil
}

func (o *RenameSequence) apply(m *metadata.MetaData) error {
	s := m.Sequence(o.Schema, o.SequenceName)
	if s == nil {
		return fmt.Errorf("%s: there is no sequence %s", o.what(), qualify(o.Schema, o.SequenceName))
	}
	if m.Sequence(o.Schema, o.NewName) != nil {
		return fmt.Errorf("%s: sequence %s exists already", o.what(), qualify(o.Schema, o.NewName))
	}
	s.Name = o.NewName
	return nil
}

func (o *CreateSequence) encode() (*yaml.Node, error) { return metadata.EncodeSequence(o.Sequence) }

func (o *DropSequence) encode() (*yaml.Node, error) {
	if o.Sequence == nil {
		b := newMap()
		b.set("name", strNode(o.name()))
		b.str("schema", o.Schema)
		return b.n, nil
	}
	s := o.Sequence.Clone()
	s.Schema, s.Name = o.Schema, o.name()
	if s.Type == "" {
		s.Type = "bigint" // a carried sequence always says its type: that marks it carried
	}
	return metadata.EncodeSequence(s)
}

func (o *RenameSequence) encode() (*yaml.Node, error) {
	b := newMap()
	b.set("name", strNode(o.SequenceName))
	b.str("schema", o.Schema)
	b.set("new_name", strNode(o.NewName))
	return b.n, nil
}

// sequenceKeys are the keys of a sequence mapping in an op: schema.yaml's.
var sequenceKeys = metadata.Keys("sequence")

func decodeCreateSequence(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("create_sequence", n, "name"), sequenceKeys)
	o.required("name")
	return &CreateSequence{Sequence: element(d, o, sequenceKeys, metadata.DecodeSequence)}
}

func decodeDropSequence(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("drop_sequence", n, "name"), sequenceKeys)
	op := &DropSequence{Schema: o.str("schema"), SequenceName: o.required("name")}
	if len(o.f) > 2 || (len(o.f) == 2 && !o.has("schema")) { // any option carries the sequence
		op.Sequence = element(d, o, sequenceKeys, metadata.DecodeSequence)
	}
	return op
}

func decodeRenameSequence(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("rename_sequence", n, "name"), []string{"schema", "name", "new_name"})
	return &RenameSequence{Schema: o.str("schema"), SequenceName: o.required("name"), NewName: o.required("new_name")}
}
