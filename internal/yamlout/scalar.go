package yamlout

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// style is how a scalar is written.
type style int

const (
	plain style = iota
	single
	double
)

// scalar writes a scalar as the encoder does, in a flow collection when
// inFlow, as a mapping key when key. It takes printable ASCII on one line;
// anything else is left to the encoder.
func (w writer) scalar(n *yaml.Node, inFlow, key bool) error {
	s, err := scalarStyle(n, inFlow, key)
	if err != nil {
		return err
	}
	v := n.Value
	switch s {
	case plain:
		w.buf.WriteString(v)
	case single:
		w.buf.WriteByte('\'')
		for i := 0; i < len(v); i++ {
			if v[i] == '\'' {
				w.buf.WriteByte('\'')
			}
			w.buf.WriteByte(v[i])
		}
		w.buf.WriteByte('\'')
	case double:
		w.buf.WriteByte('"')
		for i := 0; i < len(v); i++ {
			if v[i] == '"' || v[i] == '\\' {
				w.buf.WriteByte('\\')
			}
			w.buf.WriteByte(v[i])
		}
		w.buf.WriteByte('"')
	}
	return nil
}

// scalarStyle is the encoder's choice of style for n (its node() and
// yaml_emitter_select_scalar_style), for the scalars this package writes.
func scalarStyle(n *yaml.Node, inFlow, key bool) (style, error) {
	v := n.Value
	if !printableASCII(v) {
		return 0, errShape
	}
	requested := plain
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		requested = double
	case n.Style&yaml.SingleQuotedStyle != 0:
		requested = single
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return 0, errShape
	case n.Tag != "":
		// The encoder drops a tag the plain text resolves to, and
		// double-quotes a string that would resolve to another.
		switch got, want := plainTag(v), shortTag(n.Tag); {
		case got == want:
		case want == "!!str":
			requested = double
		default:
			return 0, errShape // the encoder would write the tag
		}
	}
	if requested == double {
		return double, nil
	}
	if n.Tag == "" && requested == plain && v == "" {
		return 0, errShape
	}
	if requested == plain {
		flowOK, blockOK := plainAllowed(v)
		if (inFlow && !flowOK) || (!inFlow && !blockOK) || (v == "" && (inFlow || key)) {
			requested = single
		}
	}
	return requested, nil
}

// plainTag is the tag plain v resolves to. A first byte that starts no
// null, bool, number, timestamp or merge key (the hints of the decoder's
// resolve table) means a string, without the decoder's allocation.
func plainTag(v string) string {
	if v != "" && strings.IndexByte("+-.0123456789yYnNtTfFoO~<", v[0]) < 0 {
		return "!!str"
	}
	probe := yaml.Node{Kind: yaml.ScalarNode, Value: v}
	return probe.ShortTag()
}

// shortTag is tag in its short form ("!!str").
func shortTag(tag string) string {
	const long = "tag:yaml.org,2002:"
	if len(tag) > len(long) && tag[:len(long)] == long {
		return "!!" + tag[len(long):]
	}
	return tag
}

// printableASCII reports whether v is printable ASCII (no tab or line
// break), the only text the writer takes.
func printableASCII(v string) bool {
	for i := 0; i < len(v); i++ {
		if v[i] < 0x20 || v[i] > 0x7e {
			return false
		}
	}
	return true
}

// plainAllowed is yaml_emitter_analyze_scalar's verdict on printable ASCII
// text: may it be written plain in a flow collection, in block context.
func plainAllowed(v string) (flowOK, blockOK bool) {
	if v == "" {
		return false, true
	}
	var flowInd, blockInd bool
	if len(v) >= 3 && (v[:3] == "---" || v[:3] == "...") {
		flowInd, blockInd = true, true
	}
	if v[0] == ' ' || v[len(v)-1] == ' ' {
		return false, false
	}
	precededBySpace := true
	for i := 0; i < len(v); i++ {
		c := v[i]
		followedBySpace := i+1 >= len(v) || v[i+1] == ' '
		if i == 0 {
			switch c {
			case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
				flowInd, blockInd = true, true
			case '?', ':':
				flowInd = true
				blockInd = blockInd || followedBySpace
			case '-':
				if followedBySpace {
					flowInd, blockInd = true, true
				}
			}
		} else {
			switch c {
			case ',', '?', '[', ']', '{', '}':
				flowInd = true
			case ':':
				flowInd = true
				blockInd = blockInd || followedBySpace
			case '#':
				if precededBySpace {
					flowInd, blockInd = true, true
				}
			}
		}
		precededBySpace = c == ' '
	}
	return !flowInd, !blockInd
}
