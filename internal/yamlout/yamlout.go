// Package yamlout writes a yaml.Node tree as the YAML text that
// go.yaml.in/yaml/v3's Encoder (SetIndent(2)) writes for it, byte for byte,
// without its event machinery: the encoder keeps every event of a
// document and allocates per scalar, which made schema.yaml and revision
// files the largest client cost of inspect and revision --autogenerate.
//
// Only the shapes Retort builds are written here (block and flow mappings
// and sequences of printable ASCII scalars, no comments, anchors or
// literal blocks); for anything else [Append] hands the tree to the yaml
// encoder, so the output is always the encoder's.
package yamlout

import (
	"bytes"
	"errors"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// errShape means the tree holds something this package does not write
// itself; the yaml encoder writes the document instead.
var errShape = errors.New("yamlout: shape left to the yaml encoder")

// Append writes n (a document, mapping or sequence node) to buf as one YAML
// document, as yaml.v3's Encoder with an indent of 2 writes it.
func Append(buf *bytes.Buffer, n *yaml.Node) error {
	mark := buf.Len()
	w := writer{buf: buf}
	if err := w.document(n); err == nil {
		return nil
	}
	buf.Truncate(mark)
	return encode(buf, n)
}

// encode is the yaml encoder's rendering of n, the fallback.
func encode(buf *bytes.Buffer, n *yaml.Node) error {
	enc := yaml.NewEncoder(buf)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return fmt.Errorf("yamlout: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("yamlout: %w", err)
	}
	return nil
}

// Flow appends n in flow style, as the encoder writes it inside a flow
// collection ("{a: b, c: [d]}"), and reports false, leaving buf as it was,
// when n holds a shape this package leaves to the encoder.
func Flow(buf *bytes.Buffer, n *yaml.Node) bool {
	mark := buf.Len()
	w := writer{buf: buf}
	if err := w.flow(n); err != nil {
		buf.Truncate(mark)
		return false
	}
	return true
}

// writer appends YAML text to buf.
type writer struct{ buf *bytes.Buffer }

// document writes the root of a document.
func (w writer) document(n *yaml.Node) error {
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) != 1 || hasExtras(n) {
			return errShape
		}
		n = n.Content[0]
	}
	if err := plainNode(n); err != nil {
		return err
	}
	switch {
	case n.Kind == yaml.ScalarNode:
		return errShape
	case n.Style&yaml.FlowStyle != 0 || len(n.Content) == 0:
		if err := w.flow(n); err != nil {
			return err
		}
		w.buf.WriteByte('\n')
		return nil
	case n.Kind == yaml.MappingNode:
		return w.mapping(n, 0, false)
	default:
		return w.sequence(n, 0)
	}
}

// mapping writes a non-empty block mapping whose keys sit at indent; the
// first key follows a sequence's "- " when inline.
func (w writer) mapping(n *yaml.Node, indent int, inline bool) error {
	if len(n.Content)%2 != 0 {
		return errShape
	}
	for i := 0; i < len(n.Content); i += 2 {
		if i > 0 || !inline {
			w.indent(indent)
		}
		if err := w.key(n.Content[i]); err != nil {
			return err
		}
		if err := w.value(n.Content[i+1], indent); err != nil {
			return err
		}
	}
	return nil
}

// value writes a mapping's value after its "key:", through the line's end.
func (w writer) value(v *yaml.Node, indent int) error {
	if err := plainNode(v); err != nil {
		return err
	}
	switch {
	case v.Kind == yaml.ScalarNode:
		w.buf.WriteByte(' ')
		if err := w.scalar(v, false, false); err != nil {
			return err
		}
	case v.Style&yaml.FlowStyle != 0 || len(v.Content) == 0:
		w.buf.WriteByte(' ')
		if err := w.flow(v); err != nil {
			return err
		}
	case v.Kind == yaml.MappingNode:
		w.buf.WriteByte('\n')
		return w.mapping(v, indent+2, false)
	default:
		w.buf.WriteByte('\n')
		return w.sequence(v, indent+2)
	}
	w.buf.WriteByte('\n')
	return nil
}

// sequence writes a non-empty block sequence whose dashes sit at indent.
func (w writer) sequence(n *yaml.Node, indent int) error {
	for _, item := range n.Content {
		if err := plainNode(item); err != nil {
			return err
		}
		w.indent(indent)
		w.buf.WriteString("- ")
		switch {
		case item.Kind == yaml.ScalarNode:
			if err := w.scalar(item, false, false); err != nil {
				return err
			}
		case item.Style&yaml.FlowStyle != 0 || len(item.Content) == 0:
			if err := w.flow(item); err != nil {
				return err
			}
		case item.Kind == yaml.MappingNode:
			if err := w.mapping(item, indent+2, true); err != nil {
				return err
			}
			continue
		default:
			return errShape // a block sequence in a block sequence
		}
		w.buf.WriteByte('\n')
	}
	return nil
}

// indent writes n spaces.
func (w writer) indent(n int) {
	for ; n > 0; n-- {
		w.buf.WriteByte(' ')
	}
}

// key writes a block mapping's key and its colon.
func (w writer) key(k *yaml.Node) error {
	if err := plainNode(k); err != nil {
		return err
	}
	if k.Kind != yaml.ScalarNode || len(k.Value) > 100 {
		return errShape // complex or long keys ("? key")
	}
	if err := w.scalar(k, false, true); err != nil {
		return err
	}
	w.buf.WriteByte(':')
	return nil
}

// flow writes n in flow style.
func (w writer) flow(n *yaml.Node) error {
	if err := plainNode(n); err != nil {
		return err
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return w.scalar(n, true, false)
	case yaml.MappingNode:
		if len(n.Content)%2 != 0 {
			return errShape
		}
		w.buf.WriteByte('{')
		for i := 0; i < len(n.Content); i += 2 {
			if i > 0 {
				w.buf.WriteString(", ")
			}
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode || len(k.Value) > 100 {
				return errShape
			}
			if err := w.scalar(k, true, true); err != nil {
				return err
			}
			w.buf.WriteString(": ")
			if err := w.flow(n.Content[i+1]); err != nil {
				return err
			}
		}
		w.buf.WriteByte('}')
	case yaml.SequenceNode:
		w.buf.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				w.buf.WriteString(", ")
			}
			if err := w.flow(c); err != nil {
				return err
			}
		}
		w.buf.WriteByte(']')
	default:
		return errShape
	}
	return nil
}

// plainNode refuses what the writer leaves to the encoder: comments,
// anchors, aliases, explicit tags and unusual collection tags.
func plainNode(n *yaml.Node) error {
	if hasExtras(n) || n.Style&yaml.TaggedStyle != 0 {
		return errShape
	}
	switch n.Kind {
	case yaml.MappingNode:
		if n.Tag != "" && n.Tag != "!!map" {
			return errShape
		}
	case yaml.SequenceNode:
		if n.Tag != "" && n.Tag != "!!seq" {
			return errShape
		}
	case yaml.ScalarNode:
	default:
		return errShape
	}
	return nil
}

// hasExtras reports comments or an anchor on n.
func hasExtras(n *yaml.Node) bool {
	return n.HeadComment != "" || n.LineComment != "" || n.FootComment != "" || n.Anchor != ""
}
