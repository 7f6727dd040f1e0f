package autogen

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/ops"
)

// enums creates new enums, extends changed ones and drops those gone.
func (c *comparer) enums() {
	for _, e := range c.target.Enums {
		old := c.current.Enum(e.Schema, e.Name)
		if old == nil {
			c.p.createEnums = append(c.p.createEnums, &ops.CreateEnum{Enum: e.Clone()})
			continue
		}
		if slices.Equal(e.Values, old.Values) {
			continue
		}
		if !isSubsequence(old.Values, e.Values) {
			c.p.warnf("enum %s: values removed or reordered (%s -> %s); autogenerate only adds values: edit the revision",
				e.QualifiedName(), strings.Join(old.Values, ", "), strings.Join(e.Values, ", "))
			continue
		}
		c.p.addEnumValues = append(c.p.addEnumValues, addValues(e.Schema, e.Name, old.Values, e.Values)...)
	}
	for i := len(c.current.Enums) - 1; i >= 0; i-- {
		e := c.current.Enums[i]
		if c.target.Enum(e.Schema, e.Name) == nil {
			c.p.dropEnums = append(c.p.dropEnums, &ops.DropEnum{Schema: e.Schema, EnumName: e.Name, Enum: e.Clone()})
		}
	}
}

// isSubsequence reports whether every value of sub is in all, in the same order.
func isSubsequence(sub, all []string) bool {
	i := 0
	for _, v := range all {
		if i < len(sub) && sub[i] == v {
			i++
		}
	}
	return i == len(sub)
}

// addValues returns the alter_enum_add_value ops that turn old into values
// (old a subsequence of values), each placed next to a value that exists
// when it runs.
func addValues(schema, name string, old, values []string) []ops.Op {
	have := make(map[string]bool, len(old))
	for _, v := range old {
		have[v] = true
	}
	first := slices.IndexFunc(values, func(v string) bool { return have[v] })
	var out []ops.Op
	if first < 0 { // an enum without values: append in order
		first = 0
	}
	for i := first - 1; i >= 0; i-- {
		out = append(out, &ops.AlterEnumAddValue{Schema: schema, EnumName: name, Value: values[i], Before: values[i+1]})
	}
	for i := first; i < len(values); i++ {
		if have[values[i]] {
			continue
		}
		o := &ops.AlterEnumAddValue{Schema: schema, EnumName: name, Value: values[i]}
		if i > 0 {
			o.After = values[i-1]
		}
		out = append(out, o)
	}
	return out
}
