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
	o := &out{m: m, long: true}
	root := o.document()
	if o.err != nil {
		return nil, o.err
	}
	var buf bytes.Buffer
	if err := writeJSON(&buf, root); err != nil {
		return nil, err
	}
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, buf.Bytes(), "", "  "); err != nil {
		return nil, fmt.Errorf("metadata: writing JSON: %w", err)
	}
	pretty.WriteByte('\n')
	return pretty.Bytes(), nil
}

// writeJSON writes a node tree built by [out] as compact JSON, keeping
// the order of mapping keys.
func writeJSON(buf *bytes.Buffer, n *yaml.Node) error {
	switch n.Kind {
	case yaml.MappingNode:
		buf.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := writeJSON(buf, n.Content[i]); err != nil {
				return err
			}
			buf.WriteByte(':')
			if err := writeJSON(buf, n.Content[i+1]); err != nil {
				return err
			}
		}
		buf.WriteByte('}')
	case yaml.SequenceNode:
		buf.WriteByte('[')
		for i, item := range n.Content {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := writeJSON(buf, item); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!bool", "!!null":
			buf.WriteString(n.Value)
		default:
			enc := json.NewEncoder(buf)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(n.Value); err != nil {
				return fmt.Errorf("metadata: writing JSON: %w", err)
			}
			buf.Truncate(buf.Len() - 1) // Encode ends with a newline
		}
	default:
		return fmt.Errorf("metadata: writing JSON: unexpected YAML node kind %d", n.Kind)
	}
	return nil
}
