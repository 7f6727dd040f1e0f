package dialect

import (
	"slices"
	"strconv"
	"strings"
)

// finish rewrites the tree bottom up into canonical shape: function
// synonyms, catalog casts dropped (DropCasts), op ANY (ARRAY[...]) as IN,
// TRUE and FALSE as 1 and 0 (BoolsAreInts), then the dialect's own Rewrite.
func (p *parser) finish(n *Node) *Node {
	if n == nil {
		return nil
	}
	for i, a := range n.Args {
		n.Args[i] = p.finish(a)
	}
	switch n.Kind {
	case NodeFunc:
		if s, ok := p.r.Synonyms[n.Text+"/"+strconv.Itoa(len(n.Args))]; ok {
			n.Text = s
		}
	case NodeCast:
		if p.r.DropCasts && isCastFree(n.Args[0]) {
			return n.Args[0]
		}
	case NodeBetween: // PostgreSQL reprints x BETWEEN a AND b as (x >= a) AND (x <= b)
		x, lo, hi := n.Args[0], n.Args[1], n.Args[2]
		if n.Text == "between" {
			n = &Node{Kind: NodeBinary, Text: "and", Args: []*Node{
				{Kind: NodeBinary, Text: ">=", Args: []*Node{x, lo}}, {Kind: NodeBinary, Text: "<=", Args: []*Node{x, hi}}}}
		} else {
			n = &Node{Kind: NodeBinary, Text: "or", Args: []*Node{
				{Kind: NodeBinary, Text: "<", Args: []*Node{x, lo}}, {Kind: NodeBinary, Text: ">", Args: []*Node{x, hi}}}}
		}
	case NodeAny:
		if arr := n.Args[1]; arr.Kind == NodeArray {
			switch n.Text {
			case "= any":
				return &Node{Kind: NodeIn, Text: "in", Args: append([]*Node{n.Args[0]}, arr.Args...)}
			case "<> all":
				return &Node{Kind: NodeIn, Text: "not in", Args: append([]*Node{n.Args[0]}, arr.Args...)}
			}
		}
	case NodeKeyword:
		if p.r.BoolsAreInts && (n.Text == "true" || n.Text == "false") {
			n = &Node{Kind: NodeNumber, Text: map[string]string{"true": "1", "false": "0"}[n.Text]}
		}
	}
	if p.r.Rewrite != nil {
		return p.r.Rewrite(n)
	}
	return n
}

// isCastFree reports whether a cast on n is one a catalog adds: on a
// literal, a name or an array of them.
func isCastFree(n *Node) bool {
	switch n.Kind {
	case NodeNumber, NodeString, NodeIdent, NodeKeyword, NodeArray:
		return true
	}
	return false
}

// print writes the canonical text of n.
func print(b *strings.Builder, n *Node, r *CanonRules, opaque *bool) {
	if n == nil {
		return
	}
	switch n.Kind {
	case NodeNumber, NodeKeyword:
		b.WriteString(n.Text)
	case NodeString:
		b.WriteString("'" + strings.ReplaceAll(n.Text, "'", "''") + "'")
	case NodeIdent:
		for i, part := range strings.Split(n.Text, ".") {
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(`"` + strings.ReplaceAll(part, `"`, `""`) + `"`)
		}
	case NodeFunc:
		if r.Known != nil && !r.Known[n.Text] {
			*opaque = true
		}
		b.WriteString(n.Text)
		if len(n.Args) > 0 || !niladic[n.Text] {
			b.WriteByte('(')
			printList(b, n.Args, r, opaque)
			b.WriteByte(')')
		}
	case NodeUnary:
		b.WriteString("(" + n.Text + " ")
		print(b, n.Args[0], r, opaque)
		b.WriteByte(')')
	case NodeBinary, NodeAny:
		b.WriteByte('(')
		print(b, n.Args[0], r, opaque)
		b.WriteString(" " + n.Text + " ")
		if n.Kind == NodeAny {
			b.WriteByte('(')
		}
		print(b, n.Args[1], r, opaque)
		if n.Kind == NodeAny {
			b.WriteByte(')')
		}
		b.WriteByte(')')
	case NodeCast:
		b.WriteString("cast(")
		print(b, n.Args[0], r, opaque)
		b.WriteString(" as " + n.Text + ")")
	case NodeIn:
		b.WriteByte('(')
		print(b, n.Args[0], r, opaque)
		b.WriteString(" " + n.Text + " (")
		items := make([]string, len(n.Args)-1)
		for i, a := range n.Args[1:] {
			var o bool
			items[i], o = Print(a, r)
			*opaque = *opaque || o
		}
		slices.Sort(items) // the order of an IN list means nothing
		items = slices.Compact(items)
		b.WriteString(strings.Join(items, ", ") + "))")
	case NodeBetween:
		b.WriteByte('(')
		print(b, n.Args[0], r, opaque)
		b.WriteString(" " + n.Text + " ")
		print(b, n.Args[1], r, opaque)
		b.WriteString(" and ")
		print(b, n.Args[2], r, opaque)
		b.WriteByte(')')
	case NodeIsNull:
		b.WriteByte('(')
		print(b, n.Args[0], r, opaque)
		b.WriteString(" " + n.Text + ")")
	case NodeArray:
		b.WriteString("array[")
		printList(b, n.Args, r, opaque)
		b.WriteByte(']')
	case NodeCollate:
		b.WriteByte('(')
		print(b, n.Args[0], r, opaque)
		b.WriteString(" collate " + n.Text + ")")
	case NodeCase:
		printCase(b, n, r, opaque)
	}
}

func printList(b *strings.Builder, list []*Node, r *CanonRules, opaque *bool) {
	for i, a := range list {
		if i > 0 {
			b.WriteString(", ")
		}
		print(b, a, r, opaque)
	}
}

func printCase(b *strings.Builder, n *Node, r *CanonRules, opaque *bool) {
	b.WriteString("case")
	if n.Args[0] != nil {
		b.WriteByte(' ')
		print(b, n.Args[0], r, opaque)
	}
	rest := n.Args[1:]
	var els *Node
	if n.Text == "else" {
		els, rest = rest[len(rest)-1], rest[:len(rest)-1]
	}
	for i := 0; i+1 < len(rest); i += 2 {
		b.WriteString(" when ")
		print(b, rest[i], r, opaque)
		b.WriteString(" then ")
		print(b, rest[i+1], r, opaque)
	}
	if els != nil {
		b.WriteString(" else ")
		print(b, els, r, opaque)
	}
	b.WriteString(" end")
}
