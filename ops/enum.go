package ops

import (
	"errors"
	"fmt"
	"slices"

	"github.com/retortdb/retort/metadata"
)

// Name returns "create_enum".
func (*CreateEnum) Name() string { return "create_enum" }

// Name returns "drop_enum".
func (*DropEnum) Name() string { return "drop_enum" }

// Name returns "alter_enum_add_value".
func (*AlterEnumAddValue) Name() string { return "alter_enum_add_value" }

// Name returns "alter_enum_drop_value".
func (*AlterEnumDropValue) Name() string { return "alter_enum_drop_value" }

func qualify(schema, name string) string { return TableRef{Schema: schema, Table: name}.qname() }

func (o *CreateEnum) what() string {
	if o.Enum == nil {
		return "create_enum"
	}
	return "create_enum " + o.Enum.QualifiedName()
}

// Reverse returns a DropEnum carrying the enum.
func (o *CreateEnum) Reverse() (Op, error) {
	if o.Enum == nil {
		return nil, errors.New("create_enum: no enum")
	}
	return &DropEnum{Schema: o.Enum.Schema, EnumName: o.Enum.Name, Enum: o.Enum.Clone()}, nil
}

// Validate checks the name and the values.
func (o *CreateEnum) Validate() error {
	if o.Enum == nil {
		return errors.New("create_enum: no enum")
	}
	return validateEnum(o.Enum, o.what())
}

func validateEnum(e *metadata.Enum, what string) error {
	if e.Name == "" {
		return fmt.Errorf("%s: no enum name (name: ...)", what)
	}
	if len(e.Values) == 0 {
		return fmt.Errorf("%s: no values (values: [...])", what)
	}
	for i, v := range e.Values {
		if v == "" {
			return fmt.Errorf("%s: an empty value", what)
		}
		if slices.Contains(e.Values[:i], v) {
			return fmt.Errorf("%s: value %q appears twice", what, v)
		}
	}
	return nil
}

func (o *CreateEnum) apply(m *metadata.MetaData) error {
	if m.Enum(o.Enum.Schema, o.Enum.Name) != nil {
		return fmt.Errorf("%s: enum %s exists already", o.what(), o.Enum.QualifiedName())
	}
	m.Enums = append(m.Enums, o.Enum.Clone())
	return nil
}

// enum returns the name of the dropped enum.
func (o *DropEnum) enum() string {
	if o.EnumName == "" && o.Enum != nil {
		return o.Enum.Name
	}
	return o.EnumName
}

func (o *DropEnum) what() string { return "drop_enum " + qualify(o.Schema, o.enum()) }

// Reverse returns a CreateEnum of the carried enum; without it the op is
// irreversible.
func (o *DropEnum) Reverse() (Op, error) {
	if o.Enum == nil {
		return nil, irreversible(o.what(), "its values (values: [...])")
	}
	e := o.Enum.Clone()
	e.Schema, e.Name = o.Schema, o.enum()
	return &CreateEnum{Enum: e}, nil
}

// Validate checks the name and, when carried, the enum.
func (o *DropEnum) Validate() error {
	if o.enum() == "" {
		return errors.New("drop_enum: no enum name (name: ...)")
	}
	if o.Enum == nil {
		return nil
	}
	if (o.EnumName != "" && o.Enum.Name != o.EnumName) || o.Enum.Schema != o.Schema {
		return fmt.Errorf("%s: the carried enum is %s", o.what(), o.Enum.QualifiedName())
	}
	return validateEnum(o.Enum, o.what())
}

func (o *DropEnum) apply(m *metadata.MetaData) error {
	e := m.Enum(o.Schema, o.enum())
	if e == nil {
		return fmt.Errorf("%s: there is no enum %s", o.what(), qualify(o.Schema, o.enum()))
	}
	for _, t := range m.Tables {
		for _, c := range t.Columns {
			if c.Type.Kind == metadata.EnumKind && (c.Type.EnumName == e.Name || c.Type.EnumName == e.QualifiedName()) {
				return fmt.Errorf("%s: column %s.%s uses it; drop or alter that first", o.what(), t.QualifiedName(), c.Name)
			}
		}
	}
	m.RemoveEnum(e.Schema, e.Name)
	if len(m.Enums) == 0 {
		m.Enums = nil // as in a model that never had one
	}
	return nil
}
