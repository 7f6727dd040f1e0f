package yamlout

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"go.yaml.in/yaml/v3"
)

// tricky are scalars whose quoting the encoder decides in every way it
// can: plain, single-quoted, double-quoted, and left to the encoder.
var tricky = []string{
	"", "a", "name", "varchar(255)", "numeric(12,2)", "true", "True", "yes", "no", "on", "off",
	"null", "Null", "~", "0", "1", "-1", "1.5", "1e3", ".inf", "-.inf", ".nan", "0x1F", "0o17",
	"2026-11-24", "2026-11-24T00:00:00Z", "'x'", "\"x\"", "it's", "a: b", "a:b", "a #b", "a#b",
	"#a", "-a", "- a", "-", "--", "---", "...x", "?a", "? a", ":a", "a:", "a,b", "[a]", "{a}",
	"*a", "&a", "!a", "|a", ">a", "%a", "@a", "`a", " a", "a ", "a  b", "a\\b", "CURRENT_TIMESTAMP",
	"now()", "nextval('s'::regclass)", "<<", "=", "a\tb", "a\nb", "é", "x\u2028", "%(table_name)s",
	"12:30", "1_000", "+1", "0.", "-0", "y", "N", "ON", "Off",
}

// tree builds a random node tree of depth at most d from r.
func tree(r *rand.Rand, d int) *yaml.Node {
	if d == 0 || r.IntN(3) == 0 {
		n := &yaml.Node{Kind: yaml.ScalarNode, Value: tricky[r.IntN(len(tricky))]}
		switch r.IntN(6) {
		case 0:
		case 1:
			n.Style = yaml.DoubleQuotedStyle
			n.Tag = "!!str"
		case 2:
			n.Style = yaml.SingleQuotedStyle
		default:
			n.Tag = "!!str"
		}
		return n
	}
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	if r.IntN(2) == 0 {
		n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
	}
	if r.IntN(3) == 0 {
		n.Style = yaml.FlowStyle
	}
	for k := r.IntN(4); k > 0; k-- {
		if n.Kind == yaml.MappingNode {
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: tricky[r.IntN(len(tricky))]})
		}
		n.Content = append(n.Content, tree(r, d-1))
	}
	return n
}

// TestAppendMatchesEncoder compares Append with the yaml encoder on random
// trees of tricky scalars, and counts how many it wrote itself so that the
// fallback does not silently take them all.
func TestAppendMatchesEncoder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	own := 0
	const trees = 5000
	for i := range trees {
		n := tree(r, 4)
		if n.Kind == yaml.ScalarNode {
			continue
		}
		var want, got bytes.Buffer
		if err := encode(&want, n); err != nil {
			continue // the encoder refuses it too (a duplicate key is fine; others)
		}
		if err := Append(&got, n); err != nil {
			t.Fatalf("tree %d: %v", i, err)
		}
		if got.String() != want.String() {
			t.Fatalf("tree %d:\ngot:\n%s\nwant:\n%s", i, got.String(), want.String())
		}
		var direct bytes.Buffer
		if (writer{buf: &direct}).document(n) == nil {
			own++
		}
	}
	t.Logf("written directly: %d of %d", own, trees)
	if own < trees/4 {
		t.Errorf("Append wrote %d of %d trees itself; the rest fell back to the encoder", own, trees)
	}
}

// TestScalarStyles pins the style of each tricky scalar, tagged !!str, in
// flow and in block context, against the encoder.
func TestScalarStyles(t *testing.T) {
	for _, v := range tricky {
		for _, flow := range []bool{false, true} {
			list := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq",
				Content: []*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}}}
			if flow {
				list.Style = yaml.FlowStyle
			}
			doc := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
				{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}, list}}
			var want, got bytes.Buffer
			if err := encode(&want, doc); err != nil {
				t.Fatalf("%q: %v", v, err)
			}
			if err := Append(&got, doc); err != nil {
				t.Fatalf("%q: %v", v, err)
			}
			if got.String() != want.String() {
				t.Errorf("%q (flow %v): got %q, want %q", v, flow, got.String(), want.String())
			}
		}
	}
}

// TestFlow compares Flow with the encoder's rendering of a flow list.
func TestFlow(t *testing.T) {
	for _, v := range tricky {
		list := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle,
			Content: []*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}}}
		b, err := yaml.Marshal(list)
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if !Flow(&got, list) {
			continue
		}
		if got.String()+"\n" != string(b) {
			t.Errorf("%q: got %q, want %q", v, got.String(), b)
		}
	}
}

// FuzzAppend compares Append with the encoder on trees grown from a seed.
func FuzzAppend(f *testing.F) {
	f.Add(uint64(1), uint64(2))
	f.Add(uint64(7), uint64(99))
	f.Fuzz(func(t *testing.T, a, b uint64) {
		n := tree(rand.New(rand.NewPCG(a, b)), 5)
		if n.Kind == yaml.ScalarNode {
			return
		}
		var want, got bytes.Buffer
		if encode(&want, n) != nil {
			return
		}
		if err := Append(&got, n); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Fatalf("got:\n%s\nwant:\n%s", got.String(), want.String())
		}
	})
}
