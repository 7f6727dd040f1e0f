package dialect

import (
	"errors"
	"strings"
)

// CanonRules are one database's rules for the canonical form of an SQL
// expression (see [Canonical]). The dialects' equiv.go fill them in.
type CanonRules struct {
	// Backslash: a backslash escapes the next character in a string
	// (MySQL); EStrings: E'...' strings take backslash escapes (PostgreSQL).
	Backslash, EStrings bool
	// FoldCase: unquoted identifiers are lower-cased (PostgreSQL); when
	// IgnoreIdentCase is set all identifiers are (MySQL, SQLite columns).
	FoldCase, IgnoreIdentCase bool
	// Synonyms maps a function (lower case, with its argument count as
	// "now/0") to the canonical name it is spelled as; keywords such as
	// CURRENT_TIMESTAMP are functions with no arguments.
	Synonyms map[string]string
	// Known are the functions (canonical, lower case) whose meaning the
	// rules know: two expressions that differ only by known functions are
	// different; one holding an unknown function is undecided.
	Known map[string]bool
	// DropCasts drops casts on literals and column names, which
	// PostgreSQL's catalog adds ('a'::character varying, (role)::text).
	DropCasts bool
	// BoolsAreInts: TRUE and FALSE are the integers 1 and 0 (MySQL and
	// SQLite define them so), and are compared as such.
	BoolsAreInts bool
	// Rewrite, when set, rewrites each node after its arguments (the
	// dialect's own equivalences, such as SQLite's datetime('now')).
	Rewrite func(n *Node) *Node
}

// NodeKind is the kind of a parsed expression node.
type NodeKind int

// The node kinds.
const (
	NodeNumber  NodeKind = iota // Text: the number, canonical
	NodeString                  // Text: the value, unquoted
	NodeIdent                   // Text: the name (folded per the rules), Args none; qualified names joined by "."
	NodeKeyword                 // Text: true, false, null, default
	NodeFunc                    // Text: canonical name; Args
	NodeUnary                   // Text: operator (not, -, +, ~); Args[0]
	NodeBinary                  // Text: operator; Args[0], Args[1]
	NodeCast                    // Text: type, lower case; Args[0]
	NodeIn                      // Text: "in" or "not in"; Args[0] and the list
	NodeBetween                 // Text: "between" or "not between"; Args[0..2]
	NodeIsNull                  // Text: "is null", "is not null", "is true", ...; Args[0]
	NodeArray                   // Args: elements
	NodeCase                    // Args: [operand or nil], when, then, ..., [else]; Text "else" when it has one
	NodeAny                     // Text: "op any" / "op all"; Args[0] lhs, Args[1] rhs
	NodeCollate                 // Text: collation; Args[0]
)

// Node is one parsed expression node.
type Node struct {
	Kind NodeKind
	Text string
	Args []*Node
}

// Canon is the canonical form of one expression.
type Canon struct {
	// Text is the canonical text: fully parenthesised, lower case keywords
	// and functions, strings re-quoted, numbers in their shortest form.
	Text string
	// Root is the parsed expression.
	Root *Node
	// Opaque is set when the expression calls a function the rules do not
	// know: a difference in it cannot be judged offline.
	Opaque bool
}

// ErrCannotCanonicalise is returned by [Canonical] for text its grammar
// does not cover (subqueries, window functions, ...).
var ErrCannotCanonicalise = errors.New("expression outside the comparison grammar")

// Canonical parses an SQL expression and returns its canonical form under
// r. Two expressions with the same canonical text mean the same. The
// grammar is the expression core the three databases share: literals,
// names, function calls, CAST and ::, unary and binary operators with
// their precedence, IN, BETWEEN, IS [NOT] NULL, LIKE, CASE, ARRAY[...] and
// op ANY/ALL (x = ANY (ARRAY[a, b]) is x IN (a, b)).
func Canonical(src string, r *CanonRules) (Canon, error) {
	toks, err := lexSQL(src, r)
	if err != nil {
		return Canon{}, err
	}
	p := &parser{toks: toks, r: r}
	n, err := p.expr(0)
	if err != nil {
		return Canon{}, err
	}
	if p.i != len(p.toks) {
		return Canon{}, ErrCannotCanonicalise
	}
	n = p.finish(n)
	var b strings.Builder
	c := Canon{Root: n}
	print(&b, n, r, &c.Opaque)
	c.Text = b.String()
	return c, nil
}

// Print returns the canonical text of a node tree, and whether it holds an
// unknown function.
func Print(n *Node, r *CanonRules) (string, bool) {
	var b strings.Builder
	var opaque bool
	print(&b, n, r, &opaque)
	return b.String(), opaque
}

// NumberNode returns the number a string literal holds ('0', ' -1.50'), as
// a number node, or nil when it holds none.
func NumberNode(s string) *Node {
	toks, err := lexSQL(strings.TrimSpace(s), &CanonRules{})
	if err != nil {
		return nil
	}
	neg := false
	if len(toks) == 2 && toks[0].kind == 'p' && (toks[0].text == "-" || toks[0].text == "+") {
		neg, toks = toks[0].text == "-", toks[1:]
	}
	if len(toks) != 1 || toks[0].kind != 'n' {
		return nil
	}
	n := canonicalNumber(toks[0].text)
	if neg {
		n = negate(n)
	}
	return &Node{Kind: NodeNumber, Text: n}
}
