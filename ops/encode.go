package ops

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/internal/yamlout"
)

// EncodeList renders list as a YAML sequence of single-key mappings, the
// form [DecodeList] reads: canonical (keys in a fixed order, long forms,
// empty fields left out) and readable (mappings and lists of plain values
// that fit on a line are written in flow style). Each op is validated
// first. Encode the node with an indent of 2 to get the layout of
// docs/design.md.
func EncodeList(list []Op) (*yaml.Node, error) {
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for i, o := range list {
		item, err := EncodeItem(i, o)
		if err != nil {
			return nil, err
		}
		seq.Content = append(seq.Content, item)
	}
	if len(seq.Content) == 0 {
		seq.Style = yaml.FlowStyle
	}
	return seq, nil
}

// EncodeItem validates o, the (i+1)th op of a list, and returns its
// item of [EncodeList]'s list: a mapping of its name to its body. A
// writer that encodes a long list item by item calls it.
func EncodeItem(i int, o Op) (*yaml.Node, error) {
	if err := o.Validate(); err != nil {
		return nil, fmt.Errorf("ops: op %d: %w", i+1, err)
	}
	body, err := o.encode()
	if err != nil {
		return nil, fmt.Errorf("ops: op %d: %s: %w", i+1, o.Name(), err)
	}
	if err := checkUTF8(body); err != nil {
		return nil, fmt.Errorf("ops: op %d: %s: %w", i+1, o.Name(), err)
	}
	flowSmall(body)
	item := newMap()
	item.set(o.Name(), body)
	return item.n, nil
}

// flowWidth is the longest flow-style mapping or list, in characters.
const flowWidth = 80

// flowSmall sets flow style on every mapping of plain values (or of small
// flow collections) and every list of plain values that fits in flowWidth.
// A list of mappings stays a block, one item a line.
func flowSmall(n *yaml.Node) {
	for _, c := range n.Content {
		flowSmall(c)
	}
	if n.Kind != yaml.MappingNode && n.Kind != yaml.SequenceNode {
		return
	}
	for _, c := range n.Content {
		if !inline(c) || (n.Kind == yaml.SequenceNode && c.Kind != yaml.ScalarNode) {
			return
		}
	}
	n.Style = yaml.FlowStyle
	if len(n.Content) == 0 {
		return
	}
	width, exact := flowLen(n)
	if width > flowWidth {
		n.Style = 0
		return
	}
	if exact {
		return
	}
	var b bytes.Buffer
	if yamlout.Flow(&b, n) {
		if b.Len() > flowWidth {
			n.Style = 0
		}
		return
	}
	if out, err := yaml.Marshal(n); err != nil || len(strings.TrimSpace(string(out))) > flowWidth {
		n.Style = 0
	}
}

// flowLen returns the length of n written in flow style, at least: a
// scalar takes at least its own bytes (quotes and escapes only add). exact
// says the length is what the encoder writes (every scalar plain), so
// that the encoder need not be asked (it was, for every mapping: most of
// the cost of writing a large revision).
func flowLen(n *yaml.Node) (width int, exact bool) {
	if n.Kind == yaml.ScalarNode {
		return len(n.Value), plainScalar(n)
	}
	exact = n.Style&yaml.FlowStyle != 0
	width = 2 // {} or []
	for i, c := range n.Content {
		w, e := flowLen(c)
		width += w
		exact = exact && e
		switch {
		case n.Kind == yaml.MappingNode && i%2 == 0:
			width += 2 // ": "
		case i < len(n.Content)-1:
			width += 2 // ", "
		}
	}
	return width, exact && len(n.Content) > 0
}

// plainScalar reports whether the encoder surely writes n as it is,
// unquoted: a word of letters, digits and underscores that reads back as
// its tag (a string that is not a boolean or null, in YAML 1.1 or 1.2; a
// boolean; a decimal integer).
func plainScalar(n *yaml.Node) bool {
	v := n.Value
	switch n.Tag {
	case "!!bool":
		return v == "true" || v == "false"
	case "!!int":
		return decimal(v)
	case "!!str":
	default:
		return false
	}
	if v == "" || (v[0] >= '0' && v[0] <= '9') {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	switch strings.ToLower(v) {
	case "true", "false", "null", "yes", "no", "on", "off", "y", "n":
		return false
	}
	return true
}

// decimal reports whether v is a decimal integer without a sign or
// leading zero.
func decimal(v string) bool {
	if v == "" || (v[0] == '0' && len(v) > 1) {
		return false
	}
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

// inline reports whether n can sit inside a flow collection.
func inline(n *yaml.Node) bool {
	if n.Kind == yaml.ScalarNode {
		return !strings.Contains(n.Value, "\n")
	}
	return n.Style&yaml.FlowStyle != 0
}

// checkUTF8 reports a string that YAML cannot hold as text.
func checkUTF8(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode && !utf8.ValidString(n.Value) {
		return fmt.Errorf("%q is not valid UTF-8", n.Value)
	}
	for _, c := range n.Content {
		if err := checkUTF8(c); err != nil {
			return err
		}
	}
	return nil
}

// mapb builds a mapping, key by key.
type mapb struct{ n *yaml.Node }

func newMap() mapb { return mapb{&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}} }

// set adds a key and its value.
func (b mapb) set(key string, v *yaml.Node) { b.n.Content = append(b.n.Content, strNode(key), v) }

// str adds a string, left out when empty.
func (b mapb) str(key, v string) {
	if v != "" {
		b.set(key, strNode(v))
	}
}

// flag adds true, left out when false.
func (b mapb) flag(key string, v bool) {
	if v {
		b.set(key, boolNode(v))
	}
}

// list adds a list of strings, left out when empty.
func (b mapb) list(key string, vs []string) {
	if len(vs) > 0 {
		b.set(key, strList(vs))
	}
}

// optStr adds a string that may be absent (nil); "" is null.
func (b mapb) optStr(key string, v *string) {
	switch {
	case v == nil:
	case *v == "":
		b.set(key, nullNode())
	default:
		b.set(key, strNode(*v))
	}
}

// optBool adds a boolean that may be absent (nil).
func (b mapb) optBool(key string, v *bool) {
	if v != nil {
		b.set(key, boolNode(*v))
	}
}

// yaml11Bool are the words YAML 1.1 reads as booleans and YAML 1.2 as
// strings: quoted, so that no reader takes them for booleans.
var yaml11Bool = map[string]bool{"y": true, "Y": true, "yes": true, "Yes": true, "YES": true,
	"n": true, "N": true, "no": true, "No": true, "NO": true, "on": true, "On": true, "ON": true,
	"off": true, "Off": true, "OFF": true}

// strNode is a string, quoted by the encoder only where YAML needs it.
func strNode(v string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}
	if yaml11Bool[v] {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

func boolNode(v bool) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v)}
}

func nullNode() *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"} }

func strList(vs []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, v := range vs {
		n.Content = append(n.Content, strNode(v))
	}
	return n
}
