package ops

import (
	"fmt"
	"slices"

	"github.com/retortdb/retort/metadata"
)

// enumValue is what AlterEnumAddValue and AlterEnumDropValue share.
type enumValue struct {
	op                  string
	schema, name, value string
	before, after       string
}

func (v enumValue) what() string {
	return fmt.Sprintf("%s %s %q", v.op, qualify(v.schema, v.name), v.value)
}

func (v enumValue) validate() error {
	switch {
	case v.name == "":
		return fmt.Errorf("%s: no enum name (name: ...)", v.op)
	case v.value == "":
		return fmt.Errorf("%s %s: no value (value: ...)", v.op, qualify(v.schema, v.name))
	case v.before != "" && v.after != "":
		return fmt.Errorf("%s: give before or after, not both", v.what())
	case v.before == v.value || v.after == v.value:
		return fmt.Errorf("%s: a value cannot be placed next to itself", v.what())
	}
	return nil
}

func (v enumValue) enum(m *metadata.MetaData) (*metadata.Enum, error) {
	e := m.Enum(v.schema, v.name)
	if e == nil {
		return nil, fmt.Errorf("%s: there is no enum %s", v.what(), qualify(v.schema, v.name))
	}
	return e, nil
}

// add inserts the value at its place.
func (v enumValue) add(m *metadata.MetaData) error {
	e, err := v.enum(m)
	if err != nil {
		return err
	}
	if slices.Contains(e.Values, v.value) {
		return fmt.Errorf("%s: enum %s has that value already", v.what(), e.QualifiedName())
	}
	at := len(e.Values)
	for _, next := range []struct {
		value string
		shift int
	}{{v.before, 0}, {v.after, 1}} {
		if next.value == "" {
			continue
		}
		i := slices.Index(e.Values, next.value)
		if i < 0 {
			return fmt.Errorf("%s: enum %s has no value %q to place it next to", v.what(), e.QualifiedName(), next.value)
		}
		at = i + next.shift
	}
	e.Values = slices.Insert(e.Values, at, v.value)
	return nil
}

// drop removes the value.
func (v enumValue) drop(m *metadata.MetaData) error {
	e, err := v.enum(m)
	if err != nil {
		return err
	}
	i := slices.Index(e.Values, v.value)
	switch {
	case i < 0:
		return fmt.Errorf("%s: enum %s has no such value", v.what(), e.QualifiedName())
	case len(e.Values) == 1:
		return fmt.Errorf("%s: it is the last value of %s; drop the enum instead", v.what(), e.QualifiedName())
	}
	e.Values = slices.Delete(slices.Clone(e.Values), i, i+1)
	return nil
}

func (o *AlterEnumAddValue) value() enumValue {
	return enumValue{"alter_enum_add_value", o.Schema, o.EnumName, o.Value, o.Before, o.After}
}

// Reverse returns an AlterEnumDropValue of the same value and place.
func (o *AlterEnumAddValue) Reverse() (Op, error) {
	return &AlterEnumDropValue{Schema: o.Schema, EnumName: o.EnumName, Value: o.Value, Before: o.Before, After: o.After}, nil
}

// Validate checks the names and that at most one of Before and After is set.
func (o *AlterEnumAddValue) Validate() error { return o.value().validate() }

func (o *AlterEnumAddValue) apply(m *metadata.MetaData) error { return o.value().add(m) }

func (o *AlterEnumDropValue) value() enumValue {
	return enumValue{"alter_enum_drop_value", o.Schema, o.EnumName, o.Value, o.Before, o.After}
}

// Reverse returns an AlterEnumAddValue that puts the value back at its
// place (the end when neither Before nor After is set).
func (o *AlterEnumDropValue) Reverse() (Op, error) {
	return &AlterEnumAddValue{Schema: o.Schema, EnumName: o.EnumName, Value: o.Value, Before: o.Before, After: o.After}, nil
}

// Validate checks the names and that at most one of Before and After is set.
func (o *AlterEnumDropValue) Validate() error { return o.value().validate() }

func (o *AlterEnumDropValue) apply(m *metadata.MetaData) error { return o.value().drop(m) }
