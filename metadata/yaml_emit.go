package metadata

import (
	"bytes"
	"fmt"
	"strconv"
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
	arena []yaml.Node
	ptrs  []*yaml.Node // where the arena's mappings and lists start their Content
}

// node returns a new node, n's copy, from o's arena: the nodes of a table
// come from a few slices instead of one allocation each.
func (o *out) node(n yaml.Node) *yaml.Node {
	if len(o.arena) == cap(o.arena) {
		o.arena = make([]yaml.Node, 0, max(256, 2*cap(o.arena)))
	}
	o.arena = append(o.arena, n)
	return &o.arena[len(o.arena)-1]
}

// content returns an empty Content with room for n nodes, from o's
// arena: an append past n moves it out, leaving its neighbours alone.
func (o *out) content(n int) []*yaml.Node {
	if len(o.ptrs)+n > cap(o.ptrs) {
		o.ptrs = make([]*yaml.Node, 0, max(1024, 2*cap(o.ptrs)))
	}
	start := len(o.ptrs)
	o.ptrs = o.ptrs[:start+n]
	return o.ptrs[start : start : start+n]
}

// recycle lets the arena's current slice be used again: every node o has
// made so far must be unreachable by then (written and dropped).
func (o *out) recycle() {
	clear(o.arena)
	o.arena = o.arena[:0]
	clear(o.ptrs)
	o.ptrs = o.ptrs[:0]
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

// mappingRoom and seqRoom are the Content a new mapping and list get
// room for: a column of WriteJSON has 17 keys, a table's lists a few items.
const (
	mappingRoom = 36
	seqRoom     = 4
)

func (o *out) mapping(flow bool) obj {
	n := o.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: o.content(mappingRoom)})
	if flow && o.short() {
		n.Style = yaml.FlowStyle
	}
	return obj{o, n}
}

func (o *out) seq(flow bool) *yaml.Node {
	n := o.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: o.content(seqRoom)})
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
	n := o.node(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v})
	if (len(v) <= 3 && yaml11Bool[v]) || (!o.embed && strings.Contains(v, "'") && !plainInFlow(v)) {
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
	if !plainNull(v) {
		n.Tag = ""
	}
	return n
}

// plainNull reports whether v written plain reads as null: the decoder's
// spellings of null, and nothing else.
func plainNull(v string) bool {
	switch v {
	case "", "~", "null", "Null", "NULL":
		return true
	}
	return false
}

func (o *out) null() *yaml.Node {
	return o.node(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"})
}

func (o *out) boolean(v bool) *yaml.Node {
	return o.node(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v)})
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

// yaml11Bool are the words YAML 1.1 reads as booleans and YAML 1.2 as
// strings; none is longer than three letters.
var yaml11Bool = map[string]bool{"y": true, "Y": true, "yes": true, "Yes": true, "YES": true,
	"n": true, "N": true, "no": true, "No": true, "NO": true, "on": true, "On": true, "ON": true,
	"off": true, "Off": true, "OFF": true}
