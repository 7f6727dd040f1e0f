package ops

import (
	"errors"
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// CreateExtension creates an extension (PostgreSQL), with the types and
// functions it brings.
type CreateExtension struct {
	Extension *metadata.Extension
}

// DropExtension drops an extension. Extension holds it for Reverse (its
// schema and version); without it the op is irreversible.
type DropExtension struct {
	ExtensionName string
	Extension     *metadata.Extension
}

// Name returns "create_extension".
func (*CreateExtension) Name() string { return "create_extension" }

// Name returns "drop_extension".
func (*DropExtension) Name() string { return "drop_extension" }

func (*CreateExtension) op() {}
func (*DropExtension) op()   {}

func (o *CreateExtension) what() string {
	if o.Extension == nil {
		return "create_extension"
	}
	return "create_extension " + o.Extension.Name
}

// Reverse returns a DropExtension carrying the extension.
func (o *CreateExtension) Reverse() (Op, error) {
	if o.Extension == nil {
		return nil, errors.New("create_extension: no extension")
	}
	return &DropExtension{ExtensionName: o.Extension.Name, Extension: o.Extension.Clone()}, nil
}

// Validate checks the name.
func (o *CreateExtension) Validate() error {
	if o.Extension == nil || o.Extension.Name == "" {
		return errors.New("create_extension: no extension name (name: ...)")
	}
	return nil
}

func (o *CreateExtension) apply(m *metadata.MetaData) error {
	if m.Extension(o.Extension.Name) != nil {
		return fmt.Errorf("%s: extension %s exists already", o.what(), o.Extension.Name)
	}
	m.Extensions = append(m.Extensions, o.Extension.Clone())
	return nil
}

func (o *DropExtension) name() string {
	if o.ExtensionName == "" && o.Extension != nil {
		return o.Extension.Name
	}
	return o.ExtensionName
}

func (o *DropExtension) what() string { return "drop_extension " + o.name() }

// Reverse returns a CreateExtension of the carried extension.
func (o *DropExtension) Reverse() (Op, error) {
	if o.Extension == nil {
		return nil, irreversible(o.what(), "the extension (carried: true, or its schema or version)")
	}
	e := o.Extension.Clone()
	e.Name = o.name()
	return &CreateExtension{Extension: e}, nil
}

// Validate checks the name.
func (o *DropExtension) Validate() error {
	if o.name() == "" {
		return errors.New("drop_extension: no extension name (name: ...)")
	}
	return nil
}

func (o *DropExtension) apply(m *metadata.MetaData) error {
	if !m.RemoveExtension(o.name()) {
		return fmt.Errorf("%s: there is no extension %s", o.what(), o.name())
	}
	return nil
}

func (o *CreateExtension) encode() (*yaml.Node, error) {
	return extensionMapping(o.Extension, false), nil
}

func (o *DropExtension) encode() (*yaml.Node, error) {
	if o.Extension == nil {
		b := newMap()
		b.set("name", strNode(o.name()))
		return b.n, nil
	}
	e := o.Extension.Clone()
	e.Name = o.name()
	return extensionMapping(e, true), nil
}

// extensionMapping is an extension op's value; a dropped extension says
// carried: true, which marks it reversible even without schema or version.
func extensionMapping(e *metadata.Extension, carried bool) *yaml.Node {
	b := newMap()
	b.set("name", strNode(e.Name))
	b.str("schema", e.Schema)
	b.str("version", e.Version)
	if carried {
		b.set("carried", boolNode(true))
	}
	return b.n
}

var extensionKeys = []string{"name", "schema", "version", "carried"}

func decodeExtension(o obj) *metadata.Extension {
	return &metadata.Extension{Name: o.required("name"), Schema: o.str("schema"), Version: o.str("version")}
}

func decodeCreateExtension(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("create_extension", n, "name"), extensionKeys[:3])
	return &CreateExtension{Extension: decodeExtension(o)}
}

func decodeDropExtension(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("drop_extension", n, "name"), extensionKeys)
	op := &DropExtension{ExtensionName: o.required("name")}
	if o.boolean("carried") || o.has("schema") || o.has("version") {
		op.Extension = decodeExtension(o)
	}
	return op
}
