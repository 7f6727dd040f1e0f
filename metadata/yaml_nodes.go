package metadata

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// reader decodes one schema.yaml document into a model. It collects every
// problem with its position, and remembers which YAML node each model
// element came from (src), so that problems [MetaData.Validate] finds in
// the model can be reported at their place in the file.
type reader struct {
	file string
	errs ErrorList
	src  map[Path]*yaml.Node
}

// errorf records a problem at node n, which the element at p came from.
func (r *reader) errorf(p Path, n *yaml.Node, format string, args ...any) {
	r.errs = append(r.errs, &Error{File: r.file, Line: n.Line, Column: n.Column, Path: p, Msg: fmt.Sprintf(format, args...)})
}

// field is one key of a mapping and its value.
type field struct{ key, val *yaml.Node }

// fields reads the mapping n that the element at p comes from. It reports a
// value that is not a mapping, keys that are not in known (with a
// suggestion) and keys given twice, and records where p and each of its
// fields came from. A null value is an empty mapping. The result is nil
// when n is not a mapping.
func (r *reader) fields(p Path, n *yaml.Node, what string, known []string) map[string]field {
	if IsNullNode(n) {
		return map[string]field{}
	}
	if n.Kind != yaml.MappingNode {
		r.errorf(p, n, "%s must be a mapping (key: value), not %s", what, DescribeNode(n))
		return nil
	}
	r.src[p] = n
	out := map[string]field{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := DerefNode(n.Content[i]), DerefNode(n.Content[i+1])
		switch {
		case k.Kind != yaml.ScalarNode:
			r.errorf(p, k, "%s: a key must be a plain word, not %s", what, DescribeNode(k))
		case !slices.Contains(known, k.Value):
			hint := didYouMean(k.Value, known)
			if hint == "" {
				hint = "; use one of " + strings.Join(known, ", ")
			}
			r.errorf(p.Field(k.Value), k, "%s: unknown key %q%s", what, k.Value, hint)
		case out[k.Value].key != nil:
			r.errorf(p.Field(k.Value), k, "%s: key %q is given twice (first at line %d); remove one", what, k.Value, out[k.Value].key.Line)
		default:
			out[k.Value] = field{k, v}
			r.src[p.Field(k.Value)] = v
		}
	}
	return out
}

// str reads a string. Any scalar is taken as written ("0", "false" and
// "'ok'" stay text); null is the empty string.
func (r *reader) str(p Path, n *yaml.Node, what string) string {
	s, _ := r.text(p, n, what)
	return s
}

// text is str that also reports whether n was a string (or null).
func (r *reader) text(p Path, n *yaml.Node, what string) (string, bool) {
	switch {
	case n == nil || IsNullNode(n):
		return "", true
	case n.Kind != yaml.ScalarNode:
		r.errorf(p, n, "%s must be a single value, not %s", what, DescribeNode(n))
		return "", false
	}
	return n.Value, true
}

// boolean reads true or false; null is false.
func (r *reader) boolean(p Path, n *yaml.Node, what string) bool {
	if n == nil || IsNullNode(n) {
		return false
	}
	var b bool
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" || n.Decode(&b) != nil {
		r.errorf(p, n, "%s must be true or false, not %s", what, DescribeNode(n))
	}
	return b
}

// list returns the items of a sequence; null is an empty list.
func (r *reader) list(p Path, n *yaml.Node, what string) []*yaml.Node {
	switch {
	case n == nil || IsNullNode(n):
		return nil
	case n.Kind != yaml.SequenceNode:
		r.errorf(p, n, "%s must be a list, not %s", what, DescribeNode(n))
		return nil
	}
	items := make([]*yaml.Node, len(n.Content))
	for i, item := range n.Content {
		items[i] = DerefNode(item)
	}
	return items
}

// stringList reads a list of strings, recording where each came from.
func (r *reader) stringList(p Path, n *yaml.Node, what string) []string {
	var out []string
	for i, item := range r.list(p, n, what) {
		r.src[p.Index(i)] = item
		out = append(out, r.str(p.Index(i), item, what))
	}
	return out
}

// mapping calls fn for each key of a mapping whose keys are names of the
// user's choosing, in order, reporting keys given twice.
func (r *reader) mapping(p Path, n *yaml.Node, what string, fn func(key, val *yaml.Node)) {
	if IsNullNode(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		r.errorf(p, n, "%s must be a mapping (key: value), not %s", what, DescribeNode(n))
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := DerefNode(n.Content[i]), DerefNode(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			r.errorf(p, k, "%s: a key must be a name, not %s", what, DescribeNode(k))
			continue
		}
		if line, ok := seen[k.Value]; ok {
			r.errorf(p.Field(k.Value), k, "%s: %q is given twice (first at line %d); remove one", what, k.Value, line)
			continue
		}
		seen[k.Value] = k.Line
		r.src[p.Field(k.Value)] = v
		fn(k, v)
	}
}

// DerefNode follows an alias to the node it names, for node-level
// decoders such as the revision-file ops.
func DerefNode(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// IsNullNode reports whether n is absent or YAML null.
func IsNullNode(n *yaml.Node) bool {
	return n == nil || n.Kind == 0 || (n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null")
}

// DescribeNode names what a node is (a mapping, a list, a quoted value),
// for error messages.
func DescribeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	}
	return "nothing"
}
