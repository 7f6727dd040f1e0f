package ops

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// decoder reads the ops of one revision file, collecting every problem at
// its line and column.
type decoder struct {
	file string
	errs metadata.ErrorList
}

// errorf records a problem at node n (at no place when n is nil).
func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	e := &metadata.Error{File: d.file, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	d.errs = append(d.errs, e)
}

// add records the problems a metadata decoder reported, an ErrorList
// positioned in the same file.
func (d *decoder) add(err error) {
	var l metadata.ErrorList
	if errors.As(err, &l) {
		d.errs = append(d.errs, l...)
	}
}

// field is one key of a mapping and its value.
type field struct{ key, val *yaml.Node }

// obj is a mapping being read: what names it in messages.
type obj struct {
	d    *decoder
	n    *yaml.Node
	what string
	f    map[string]field // nil when n is not a mapping
}

// obj reads the mapping n, reporting a value that is not a mapping, keys not
// in known (with a suggestion) and keys given twice. Null reads as an empty
// mapping.
func (d *decoder) obj(n *yaml.Node, what string, known []string) obj {
	n = metadata.DerefNode(n)
	o := obj{d: d, n: n, what: what}
	if metadata.IsNullNode(n) {
		o.f = map[string]field{}
		return o
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s must be a mapping (key: value), not %s", what, metadata.DescribeNode(n))
		return o
	}
	o.f = map[string]field{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := metadata.DerefNode(n.Content[i]), metadata.DerefNode(n.Content[i+1])
		switch {
		case k.Kind != yaml.ScalarNode:
			d.errorf(k, "%s: a key must be a plain word, not %s", what, metadata.DescribeNode(k))
		case !slices.Contains(known, k.Value):
			d.errorf(k, "%s: unknown key %q%s", what, k.Value, hint(k.Value, known))
		case o.f[k.Value].key != nil:
			d.errorf(k, "%s: key %q is given twice (first at line %d); remove one", what, k.Value, o.f[k.Value].key.Line)
		default:
			o.f[k.Value] = field{k, v}
		}
	}
	return o
}

// hint suggests the closest of known, or lists them all.
func hint(word string, known []string) string {
	if m := metadata.ClosestMatch(word, known); m != "" {
		return fmt.Sprintf(" (did you mean %q?)", m)
	}
	return "; use one of " + strings.Join(known, ", ")
}

// only returns a mapping of o's fields among keys, for reading the
// schema.yaml element an op's mapping holds beside keys of its own: o has
// reported the unknown keys and the keys given twice.
func (o obj) only(keys []string) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	if o.n != nil {
		m.Line, m.Column = o.n.Line, o.n.Column
	}
	for _, k := range keys {
		if f, ok := o.f[k]; ok {
			m.Content = append(m.Content, f.key, f.val)
		}
	}
	return m
}

// has reports whether the key is present (even as null).
func (o obj) has(key string) bool { return o.f[key].key != nil }

// val returns the value of key, or nil.
func (o obj) val(key string) *yaml.Node { return o.f[key].val }

// sub names a key of o in messages.
func (o obj) sub(key string) string { return o.what + ": " + key }

// str reads a string; any scalar is taken as written, null is "".
func (o obj) str(key string) string { return o.d.str(o.val(key), o.sub(key)) }

// required reads a string that must be there and not empty.
func (o obj) required(key string) string {
	if !o.has(key) && o.f != nil {
		o.d.errorf(o.n, "%s: %s is missing", o.what, key)
		return ""
	}
	s := o.str(key)
	if s == "" && o.has(key) && o.val(key).Kind == yaml.ScalarNode {
		o.d.errorf(o.val(key), "%s must not be empty", o.sub(key))
	}
	return s
}

// optStr reads a string that may be absent (nil); null is "".
func (o obj) optStr(key string) *string {
	if !o.has(key) {
		return nil
	}
	s := o.str(key)
	return &s
}

// boolean reads true or false; absent or null is false.
func (o obj) boolean(key string) bool { return o.d.boolean(o.val(key), o.sub(key)) }

// optBool reads a boolean that may be absent (nil).
func (o obj) optBool(key string) *bool {
	if !o.has(key) {
		return nil
	}
	b := o.boolean(key)
	return &b
}

// strings reads a list of strings.
func (o obj) strings(key string) []string {
	var out []string
	for _, item := range o.d.list(o.val(key), o.sub(key)) {
		out = append(out, o.d.str(item, o.sub(key)))
	}
	return out
}

// str reads a scalar as written; null is "".
func (d *decoder) str(n *yaml.Node, what string) string {
	switch {
	case metadata.IsNullNode(n):
		return ""
	case n.Kind != yaml.ScalarNode:
		d.errorf(n, "%s must be a single value, not %s", what, metadata.DescribeNode(n))
		return ""
	}
	return n.Value
}

// boolean reads true or false; null is false.
func (d *decoder) boolean(n *yaml.Node, what string) bool {
	if metadata.IsNullNode(n) {
		return false
	}
	var b bool
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" || n.Decode(&b) != nil {
		d.errorf(n, "%s must be true or false, not %s", what, metadata.DescribeNode(n))
	}
	return b
}

// list returns the items of a sequence; null is an empty list.
func (d *decoder) list(n *yaml.Node, what string) []*yaml.Node {
	switch {
	case metadata.IsNullNode(n):
		return nil
	case n.Kind != yaml.SequenceNode:
		d.errorf(n, "%s must be a list, not %s", what, metadata.DescribeNode(n))
		return nil
	}
	items := make([]*yaml.Node, len(n.Content))
	for i, item := range n.Content {
		items[i] = metadata.DerefNode(item)
	}
	return items
}
