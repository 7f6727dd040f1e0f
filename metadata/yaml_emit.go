package metadata

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/internal/yamlout"
)

// out builds the YAML node tree of a model, for [Write] (short forms, flow
// style for small mappings), for [WriteJSON] (long forms, every key) and
// for [EncodeTable] and the other Encode functions (long forms, empty keys
// left out, no style: the embedding file chooses it).
type out struct {
	m     *MetaData // nil when embedding
	long  bool      // WriteJSON: long forms, every name and key spelled out
	embed bool      // EncodeTable, ...: long forms, every name, empty keys left out
	err   error     // the first string that cannot be written
}

// short reports whether o writes schema.yaml's short forms, for [Write].
func (o *out) short() bool { return !o.long && !o.embed }

// fail records the first thing that cannot be written.
func (o *out) fail(err error) {
	if o.err == nil {
		o.err = err
	}
}

// obj is a mapping under construction.
type obj struct {
	o *out
	n *yaml.Node
}

func (o *out) mapping(flow bool) obj {
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	if flow && o.short() {
		n.Style = yaml.FlowStyle
	}
	return obj{o, n}
}

func (o *out) seq(flow bool) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	if flow && o.short() {
		n.Style = yaml.FlowStyle
	}
	return n
}

// str is a string scalar, quoted by the encoder only where YAML needs it
// (a plain 1, true or null would not read back as a string).
func (o *out) str(v string) *yaml.Node {
	if !utf8.ValidString(v) {
		o.fail(fmt.Errorf("metadata: %q is not valid UTF-8", v))
	}
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}
	if yaml11Bool[v] || (!o.embed && strings.Contains(v, "'") && !plainInFlow(v)) {
		// A YAML 1.1 reader would see a boolean; and "'x'" reads better
		// than the encoder's '''x''' (which an embedding file's other
		// strings get, so its elements do too).
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// plainInFlow reports whether the encoder writes v unquoted in a flow list.
func plainInFlow(v string) bool {
	list := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle,
		Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: v}}}
	var b bytes.Buffer
	if yamlout.Flow(&b, list) {
		return b.String() == "["+v+"]"
	}
	out, err := yaml.Marshal(list)
	return err == nil && string(out) == "["+v+"]\n"
}

// sql is SQL text, such as a default: written plain when it reads back as
// the same text (0, false, CURRENT_TIMESTAMP), since [Read] takes any
// scalar as written; only a plain null or ~ would read as no value.
func (o *out) sql(v string) *yaml.Node {
	n := o.str(v)
	if !o.short() {
		return n
	}
	if probe := (&yaml.Node{Kind: yaml.ScalarNode, Value: v}); probe.ShortTag() != "!!null" {
		n.Tag = ""
	}
	return n
}

func (o *out) null() *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
}

func (o *out) boolean(v bool) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: fmt.Sprint(v)}
}

func (o *out) stringList(vs []string) *yaml.Node {
	n := o.seq(true)
	for _, v := range vs {
		n.Content = append(n.Content, o.str(v))
	}
	return n
}

// set adds a key and its value.
func (b obj) set(key string, v *yaml.Node) {
	b.n.Content = append(b.n.Content, b.o.str(key), v)
}

// opt adds an optional string: left out when empty, or null in long form.
func (b obj) opt(key, v string) {
	switch {
	case v != "":
		b.set(key, b.o.str(v))
	case b.o.long:
		b.set(key, b.o.null())
	}
}

// set1 adds a string only when it is set, in long form too.
func (b obj) set1(key, v string) {
	if v != "" {
		b.set(key, b.o.str(v))
	}
}

// flag adds a boolean: only when true, or always in long form.
func (b obj) flag(key string, v bool) {
	if v || b.o.long {
		b.set(key, b.o.boolean(v))
	}
}

// list adds a list of strings: left out when empty, unless in long form.
func (b obj) list(key string, vs []string) {
	if len(vs) > 0 || b.o.long {
		b.set(key, b.o.stringList(vs))
	}
}

// yaml11Bool are the words YAML 1.1 reads as booleans and YAML 1.2 as strings.
var yaml11Bool = map[string]bool{"y": true, "Y": true, "yes": true, "Yes": true, "YES": true,
	"n": true, "N": true, "no": true, "No": true, "NO": true, "on": true, "On": true, "ON": true,
	"off": true, "Off": true, "OFF": true}
