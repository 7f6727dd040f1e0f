package metadata

import (
	"bytes"
	"encoding/json"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// WriteJSON renders m as JSON with the structure of schema.yaml, canonical
// and fully spelled out, for programs (inspect --format json): long forms
// only (no column flags), every name, every key (null where a string is
// unset, [] where a list is empty), keys in schema.yaml's order, and the
// naming convention in force. Since JSON is YAML, [Read] reads it back.
func WriteJSON(m *MetaData) ([]byte, error) {
	// The document is written table by table, the same text as its whole
	// node tree, without holding the tree of 1,000 tables at once.
	o := &out{m: m, long: true}
	var buf bytes.Buffer
	buf.Grow(1 << 20)
	buf.WriteByte('{')
	head := o.head()
	pairs := head.Content
	if err := jsonPairs(&buf, pairs); err != nil {
		return nil, err
	}
	if len(pairs) > 0 {
		buf.WriteByte(',')
	}
	o.recycle()
	jsonIndent(&buf, 1)
	buf.WriteString(`"tables": [`)
	for i, t := range m.Tables {
		if i > 0 {
			buf.WriteByte(',')
		}
		jsonIndent(&buf, 2)
		if err := writeJSON(&buf, o.table(t), 2); err != nil {
			return nil, err
		}
		if o.err != nil {
			return nil, o.err
		}
		o.recycle() // the table is written: its nodes can be made again
	}
	if len(m.Tables) > 0 {
		jsonIndent(&buf, 1)
	}
	buf.WriteByte(']')
	if views := o.viewsNode(); views != nil {
		buf.WriteByte(',')
		if err := jsonPairs(&buf, []*yaml.Node{o.str("views"), views}); err != nil {
			return nil, err
		}
	}
	tail := o.mapping(false)
	if o.routinesNodes(tail); len(tail.n.Content) > 0 {
		buf.WriteByte(',')
		if err := jsonPairs(&buf, tail.n.Content); err != nil {
			return nil, err
		}
	}
	if o.err != nil {
		return nil, o.err
	}
	buf.WriteString("\n}\n")
	return buf.Bytes(), nil
}

// jsonPairs writes a top-level mapping's key and value pairs, each on its
// own line, a comma between them.
func jsonPairs(buf *bytes.Buffer, pairs []*yaml.Node) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if i > 0 {
			buf.WriteByte(',')
		}
		jsonIndent(buf, 1)
		if err := writeJSON(buf, pairs[i], 1); err != nil {
			return err
		}
		buf.WriteString(": ")
		if err := writeJSON(buf, pairs[i+1], 1); err != nil {
			return err
		}
	}
	return nil
}

// writeJSON writes a node tree built by [out] as JSON indented by two
// spaces at depth (what json.Indent makes of it), keeping the order of
// mapping keys: written directly, since encoding each scalar and then
// indenting the whole text cost more than building the tree.
func writeJSON(buf *bytes.Buffer, n *yaml.Node, depth int) error {
	switch n.Kind {
	case yaml.MappingNode, yaml.SequenceNode:
		open, end := byte('{'), byte('}')
		if n.Kind == yaml.SequenceNode {
			open, end = '[', ']'
		}
		buf.WriteByte(open)
		if len(n.Content) == 0 {
			buf.WriteByte(end)
			return nil
		}
		step := 1
		if n.Kind == yaml.MappingNode {
			step = 2
		}
		for i := 0; i < len(n.Content); i += step {
			if i > 0 {
				buf.WriteByte(',')
			}
			jsonIndent(buf, depth+1)
			if step == 2 {
				if err := writeJSON(buf, n.Content[i], depth+1); err != nil {
					return err
				}
				buf.WriteString(": ")
			}
			if err := writeJSON(buf, n.Content[i+step-1], depth+1); err != nil {
				return err
			}
		}
		jsonIndent(buf, depth)
		buf.WriteByte(end)
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!bool", "!!null":
			buf.WriteString(n.Value)
		default:
			return jsonString(buf, n.Value)
		}
	default:
		return fmt.Errorf("metadata: writing JSON: unexpected YAML node kind %d", n.Kind)
	}
	return nil
}

// jsonIndent starts a new line indented for depth: one write, from a
// line of spaces long enough for any depth the writer reaches.
func jsonIndent(buf *bytes.Buffer, depth int) {
	if n := 1 + 2*depth; n <= len(jsonNewline) {
		buf.WriteString(jsonNewline[:n])
		return
	}
	buf.WriteString(jsonNewline)
	for depth -= (len(jsonNewline) - 1) / 2; depth > 0; depth-- {
		buf.WriteString("  ")
	}
}

// jsonNewline is a newline and the indentation of depth 16.
const jsonNewline = "\n                                "

// jsonString writes v as a JSON string, as encoding/json does without
// HTML escaping: as it is between quotes when nothing in it needs an
// escape (printable ASCII other than a quote or backslash), else through
// encoding/json.
func jsonString(buf *bytes.Buffer, v string) error {
	plain := true
	for i := 0; i < len(v) && plain; i++ {
		c := v[i]
		plain = c >= 0x20 && c < 0x7f && c != '"' && c != '\\'
	}
	if plain {
		buf.WriteByte('"')
		buf.WriteString(v)
		buf.WriteByte('"')
		return nil
	}
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("metadata: writing JSON: %w", err)
	}
	buf.Truncate(buf.Len() - 1) // Encode ends with a newline
	return nil
}
