package ops

import (
	"errors"
	"fmt"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// CreateView creates a view, or a materialized view with its indexes
// (View.Materialized).
type CreateView struct {
	View *metadata.View
}

// DropView drops a view or materialized view. View holds the whole view
// for Reverse (in a revision file, a definition: key carries it); nil when
// a revision names only the view, which makes the op irreversible.
// Materialized says which kind to drop when View is nil.
type DropView struct {
	Schema       string
	ViewName     string
	Materialized bool
	View         *metadata.View
}

// ReplaceView changes a view to View (same schema and name): its query,
// options, comment or, materialized, its indexes. Existing is the view
// before, for Reverse. A plain view is replaced in place (CREATE OR
// REPLACE where the database has it); a materialized view is dropped and
// created, and filled again.
type ReplaceView struct {
	View     *metadata.View
	Existing *metadata.View
}

// Name returns "create_view".
func (*CreateView) Name() string { return "create_view" }

// Name returns "drop_view".
func (*DropView) Name() string { return "drop_view" }

// Name returns "replace_view".
func (*ReplaceView) Name() string { return "replace_view" }

func (*CreateView) op()  {}
func (*DropView) op()    {}
func (*ReplaceView) op() {}

func (o *CreateView) what() string {
	if o.View == nil {
		return "create_view"
	}
	return "create_view " + o.View.QualifiedName()
}

// Reverse returns a DropView carrying the view.
func (o *CreateView) Reverse() (Op, error) {
	if o.View == nil {
		return nil, errors.New("create_view: no view")
	}
	return dropViewOf(o.View), nil
}

// dropViewOf is the drop_view that carries v.
func dropViewOf(v *metadata.View) *DropView {
	return &DropView{Schema: v.Schema, ViewName: v.Name, Materialized: v.Materialized, View: v.Clone()}
}

// Validate checks the name and the query.
func (o *CreateView) Validate() error { return validView("create_view", o.View) }

func validView(op string, v *metadata.View) error {
	switch {
	case v == nil:
		return fmt.Errorf("%s: no view", op)
	case v.Name == "":
		return fmt.Errorf("%s: no view name (name: ...)", op)
	case v.Definition == "":
		return fmt.Errorf("%s %s: no definition (definition: SELECT ...)", op, v.QualifiedName())
	case len(v.Indexes) > 0 && !v.Materialized:
		return fmt.Errorf("%s %s: only a materialized view has indexes", op, v.QualifiedName())
	}
	return nil
}

func (o *CreateView) apply(m *metadata.MetaData) error {
	if m.View(o.View.Schema, o.View.Name) != nil || m.Table(o.View.Schema, o.View.Name) != nil {
		return fmt.Errorf("%s: %s exists already", o.what(), o.View.QualifiedName())
	}
	m.Views = append(m.Views, o.View.Clone())
	return nil
}

func (o *DropView) name() string {
	if o.ViewName == "" && o.View != nil {
		return o.View.Name
	}
	return o.ViewName
}

// Ref names the view to drop (its schema, and its name in Table).
func (o *DropView) Ref() TableRef { return TableRef{Schema: o.Schema, Table: o.name()} }

// IsMaterialized reports whether the view to drop is a materialized one.
func (o *DropView) IsMaterialized() bool {
	return o.Materialized || o.View != nil && o.View.Materialized
}

func (o *DropView) what() string { return "drop_view " + qualify(o.Schema, o.name()) }

// Reverse returns a CreateView of the carried view; without it the op is
// irreversible.
func (o *DropView) Reverse() (Op, error) {
	if o.View == nil {
		return nil, irreversible(o.what(), "the view's definition (definition: SELECT ...)")
	}
	v := o.View.Clone()
	v.Schema, v.Name = o.Schema, o.name()
	return &CreateView{View: v}, nil
}

// Validate checks the name.
func (o *DropView) Validate() error {
	if o.name() == "" {
		return errors.New("drop_view: no view name (name: ...)")
	}
	return nil
}

func (o *DropView) apply(m *metadata.MetaData) error {
	if !m.RemoveView(o.Schema, o.name()) {
		return fmt.Errorf("%s: there is no view %s", o.what(), qualify(o.Schema, o.name()))
	}
	return nil
}

func (o *ReplaceView) what() string {
	if o.View == nil {
		return "replace_view"
	}
	return "replace_view " + o.View.QualifiedName()
}

// Reverse replaces the view back; without Existing the op is
// irreversible.
func (o *ReplaceView) Reverse() (Op, error) {
	if o.Existing == nil {
		return nil, irreversible(o.what(), "the view as it was (existing: {definition: ...})")
	}
	return &ReplaceView{View: o.Existing.Clone(), Existing: o.View.Clone()}, nil
}

// Validate checks both views name the same one.
func (o *ReplaceView) Validate() error {
	if err := validView("replace_view", o.View); err != nil {
		return err
	}
	if o.Existing != nil {
		if err := validView("replace_view: existing", o.Existing); err != nil {
			return err
		}
		if o.Existing.Schema != o.View.Schema || o.Existing.Name != o.View.Name {
			return fmt.Errorf("%s: existing names %s; a replace keeps the name", o.what(), o.Existing.QualifiedName())
		}
	}
	return nil
}

func (o *ReplaceView) apply(m *metadata.MetaData) error {
	i := slices.IndexFunc(m.Views, func(v *metadata.View) bool { return v.Schema == o.View.Schema && v.Name == o.View.Name })
	if i < 0 {
		return fmt.Errorf("%s: there is no view %s", o.what(), o.View.QualifiedName())
	}
	m.Views = slices.Clone(m.Views)
	m.Views[i] = o.View.Clone()
	return nil
}

func (o *CreateView) encode() (*yaml.Node, error) { return metadata.EncodeView(o.View) }

func (o *DropView) encode() (*yaml.Node, error) {
	if o.View == nil {
		b := newMap()
		b.set("name", strNode(o.name()))
		b.str("schema", o.Schema)
		if o.Materialized {
			b.set("materialized", boolNode(true))
		}
		return b.n, nil
	}
	v := o.View.Clone()
	v.Schema, v.Name = o.Schema, o.name()
	return metadata.EncodeView(v)
}

func (o *ReplaceView) encode() (*yaml.Node, error) {
	n, err := metadata.EncodeView(o.View)
	if err != nil || o.Existing == nil {
		return n, err
	}
	ex, err := metadata.EncodeView(o.Existing)
	if err != nil {
		return nil, err
	}
	n.Content = append(n.Content, strNode("existing"), ex)
	return n, nil
}

// viewKeys are the keys of a view mapping in an op: schema.yaml's.
var viewKeys = metadata.Keys("view")

func decodeCreateView(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("create_view", n, "name"), viewKeys)
	return &CreateView{View: element(d, o, viewKeys, metadata.DecodeView)}
}

func decodeDropView(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("drop_view", n, "name"), viewKeys)
	op := &DropView{Schema: o.str("schema"), ViewName: o.required("name"), Materialized: o.boolean("materialized")}
	if o.has("definition") { // the definition carries the view
		op.View = element(d, o, viewKeys, metadata.DecodeView)
	}
	return op
}

func decodeReplaceView(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("replace_view", n, "name"), append(slices.Clone(viewKeys), "existing"))
	op := &ReplaceView{View: element(d, o, viewKeys, metadata.DecodeView)}
	if o.has("existing") {
		v, err := metadata.DecodeView(d.file, o.val("existing"), o.sub("existing"))
		d.add(err)
		op.Existing = v
	}
	return op
}
