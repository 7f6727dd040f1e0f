package dialect

import (
	"strings"
)

// parser is a precedence-climbing parser over the tokens of one expression.
type parser struct {
	toks  []sqlTok
	i     int
	r     *CanonRules
	depth int
}

// Binding powers, low to high.
const (
	precOr = iota + 1
	precAnd
	precNot
	precCompare
	precConcat
	precAdd
	precMul
	precUnary
)

func (p *parser) peek(k int) sqlTok {
	if p.i+k < len(p.toks) {
		return p.toks[p.i+k]
	}
	return sqlTok{}
}

func (p *parser) isWord(k int, w string) bool {
	t := p.peek(k)
	return t.kind == 'w' && strings.EqualFold(t.text, w)
}

func (p *parser) isPunct(k int, s string) bool {
	t := p.peek(k)
	return t.kind == 'p' && t.text == s
}

func (p *parser) expect(s string) error {
	if !p.isPunct(0, s) && !p.isWord(0, s) {
		return ErrCannotCanonicalise
	}
	p.i++
	return nil
}

// opAliases are operators spelled another way on some database.
var opAliases = map[string]string{"!=": "<>", "==": "=", "~~": "like", "!~~": "not like", "~~*": "ilike", "!~~*": "not ilike"}

// infix returns the binary operator at the cursor, its width in tokens and
// its binding power, or a zero power.
func (p *parser) infix() (op string, width, prec int) {
	t := p.peek(0)
	if t.kind == 'p' {
		op := t.text
		if a, ok := opAliases[op]; ok {
			op = a
		}
		switch op {
		case "=", "<>", "<", ">", "<=", ">=", "<=>", "like", "not like", "ilike", "not ilike", "~", "!~", "~*", "!~*":
			return op, 1, precCompare
		case "||":
			return op, 1, precConcat
		case "+", "-", "&", "|", "<<", ">>":
			return op, 1, precAdd
		case "*", "/", "%":
			return op, 1, precMul
		}
		return "", 0, 0
	}
	if t.kind != 'w' {
		return "", 0, 0
	}
	w := strings.ToLower(t.text)
	switch w {
	case "or":
		return "or", 1, precOr
	case "and":
		return "and", 1, precAnd
	case "like", "ilike", "glob", "regexp", "rlike", "in", "between", "is", "isnull", "notnull":
		if w == "rlike" {
			w = "regexp"
		}
		return w, 1, precCompare
	case "not":
		n := strings.ToLower(p.peek(1).text)
		switch n {
		case "like", "ilike", "glob", "regexp", "in", "between":
			return "not " + n, 2, precCompare
		}
	case "mod":
		return "%", 1, precMul
	case "div":
		return w, 1, precMul
	}
	return "", 0, 0
}

// expr parses an expression whose operators bind tighter than min.
func (p *parser) expr(min int) (*Node, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > 200 {
		return nil, ErrCannotCanonicalise
	}
	left, err := p.unary()
	if err != nil {
		return nil, err
	}
	for {
		op, width, prec := p.infix()
		if prec == 0 || prec <= min {
			return left, nil
		}
		p.i += width
		if left, err = p.infixRest(left, op, prec); err != nil {
			return nil, err
		}
	}
}

// infixRest parses what follows a binary operator.
func (p *parser) infixRest(left *Node, op string, prec int) (*Node, error) {
	switch op {
	case "in", "not in":
		if err := p.expect("("); err != nil {
			return nil, err
		}
		list, err := p.list(")")
		if err != nil {
			return nil, err
		}
		return &Node{Kind: NodeIn, Text: op, Args: append([]*Node{left}, list...)}, nil
	case "between", "not between":
		lo, err := p.expr(precAnd)
		if err != nil {
			return nil, err
		}
		if err := p.expect("and"); err != nil {
			return nil, err
		}
		hi, err := p.expr(precCompare)
		if err != nil {
			return nil, err
		}
		return &Node{Kind: NodeBetween, Text: op, Args: []*Node{left, lo, hi}}, nil
	case "isnull", "notnull":
		text := map[string]string{"isnull": "is null", "notnull": "is not null"}[op]
		return &Node{Kind: NodeIsNull, Text: text, Args: []*Node{left}}, nil
	case "is":
		return p.isRest(left)
	}
	if prec == precCompare && (p.isWord(0, "any") || p.isWord(0, "some") || p.isWord(0, "all")) && p.isPunct(1, "(") {
		q := strings.ToLower(p.peek(0).text)
		if q == "some" {
			q = "any"
		}
		p.i += 2
		rhs, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		if err := p.expect(")"); err != nil {
			return nil, err
		}
		return &Node{Kind: NodeAny, Text: op + " " + q, Args: []*Node{left, rhs}}, nil
	}
	right, err := p.expr(prec)
	if err != nil {
		return nil, err
	}
	return &Node{Kind: NodeBinary, Text: op, Args: []*Node{left, right}}, nil
}

// isRest parses what follows IS.
func (p *parser) isRest(left *Node) (*Node, error) {
	not := ""
	if p.isWord(0, "not") {
		not, p.i = "not ", p.i+1
	}
	w := strings.ToLower(p.peek(0).text)
	switch w {
	case "null", "true", "false", "unknown":
		p.i++
		return &Node{Kind: NodeIsNull, Text: "is " + not + w, Args: []*Node{left}}, nil
	case "distinct":
		p.i++
		if err := p.expect("from"); err != nil {
			return nil, err
		}
		right, err := p.expr(precCompare)
		if err != nil {
			return nil, err
		}
		return &Node{Kind: NodeBinary, Text: "is " + not + "distinct from", Args: []*Node{left, right}}, nil
	}
	right, err := p.expr(precCompare) // SQLite: a IS b, a IS NOT b
	if err != nil {
		return nil, err
	}
	return &Node{Kind: NodeBinary, Text: "is " + not + "distinct from", Args: []*Node{left, right}}, nil
}

// unary parses prefix operators, a primary and its postfix casts.
func (p *parser) unary() (*Node, error) {
	if p.isWord(0, "not") {
		p.i++
		x, err := p.expr(precNot)
		if err != nil {
			return nil, err
		}
		return &Node{Kind: NodeUnary, Text: "not", Args: []*Node{x}}, nil
	}
	if t := p.peek(0); t.kind == 'p' && (t.text == "-" || t.text == "+" || t.text == "~") {
		p.i++
		x, err := p.expr(precUnary)
		if err != nil {
			return nil, err
		}
		if x.Kind == NodeNumber && t.text != "~" {
			if t.text == "-" {
				x.Text = negate(x.Text)
			}
			return x, nil
		}
		return &Node{Kind: NodeUnary, Text: t.text, Args: []*Node{x}}, nil
	}
	x, err := p.primary()
	if err != nil {
		return nil, err
	}
	return p.postfix(x)
}

// postfix parses :: casts and COLLATE after a primary.
func (p *parser) postfix(x *Node) (*Node, error) {
	for {
		switch {
		case p.isPunct(0, "::"):
			p.i++
			typ, err := p.typeName()
			if err != nil {
				return nil, err
			}
			x = &Node{Kind: NodeCast, Text: typ, Args: []*Node{x}}
		case p.isWord(0, "collate"):
			p.i++
			t := p.peek(0)
			if t.kind != 'w' && t.kind != 'q' {
				return nil, ErrCannotCanonicalise
			}
			p.i++
			x = &Node{Kind: NodeCollate, Text: strings.ToLower(t.text), Args: []*Node{x}}
		default:
			return x, nil
		}
	}
}

// typeWords continue a multi-word type name.
var typeWords = map[string]bool{"varying": true, "precision": true, "with": true, "without": true, "time": true, "zone": true}

// typeAliases are type names in canonical spelling.
var typeAliases = map[string]string{
	"int": "integer", "int4": "integer", "int2": "smallint", "int8": "bigint", "varchar": "character varying",
	"bool": "boolean", "float8": "double precision", "float4": "real", "decimal": "numeric",
	"char": "character", "bpchar": "character", "timestamptz": "timestamp with time zone",
	"timestamp": "timestamp without time zone", "time": "time without time zone", "timetz": "time with time zone",
}

// typeName parses a type after :: or CAST ... AS.
func (p *parser) typeName() (string, error) {
	t := p.peek(0)
	if t.kind != 'w' && t.kind != 'q' {
		return "", ErrCannotCanonicalise
	}
	p.i++
	name := t.text
	if t.kind == 'w' {
		name = strings.ToLower(name)
	}
	for p.isPunct(0, ".") && (p.peek(1).kind == 'w' || p.peek(1).kind == 'q') {
		name += "." + strings.ToLower(p.peek(1).text)
		p.i += 2
	}
	for p.peek(0).kind == 'w' && typeWords[strings.ToLower(p.peek(0).text)] {
		name += " " + strings.ToLower(p.peek(0).text)
		p.i++
	}
	var args string
	if p.isPunct(0, "(") {
		p.i++
		var parts []string
		for !p.isPunct(0, ")") {
			if p.peek(0).kind != 'n' {
				return "", ErrCannotCanonicalise
			}
			parts = append(parts, p.peek(0).text)
			p.i++
			if p.isPunct(0, ",") {
				p.i++
			}
		}
		p.i++
		args = "(" + strings.Join(parts, ",") + ")"
	}
	for p.peek(0).kind == 'w' && typeWords[strings.ToLower(p.peek(0).text)] {
		name += " " + strings.ToLower(p.peek(0).text)
		p.i++
	}
	arrays := ""
	for p.isPunct(0, "[") && p.isPunct(1, "]") {
		arrays += "[]"
		p.i += 2
	}
	if a, ok := typeAliases[name]; ok {
		name = a
	}
	if strings.HasSuffix(name, " with time zone") || strings.HasSuffix(name, " without time zone") {
		i := strings.Index(name, " with")
		return name[:i] + args + name[i:] + arrays, nil
	}
	return name + args + arrays, nil
}

// list parses comma-separated expressions up to the closing token.
func (p *parser) list(close string) ([]*Node, error) {
	var out []*Node
	if p.isPunct(0, close) {
		p.i++
		return out, nil
	}
	for {
		x, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
		if p.isPunct(0, ",") {
			p.i++
			continue
		}
		if err := p.expect(close); err != nil {
			return nil, err
		}
		return out, nil
	}
}

// niladic are keywords that are functions without parentheses.
var niladic = map[string]bool{"current_timestamp": true, "current_date": true, "current_time": true,
	"localtimestamp": true, "localtime": true, "current_user": true, "session_user": true,
	"current_role": true, "current_catalog": true, "current_schema": true, "user": true}

// primary parses a literal, name, call, parenthesised group, CAST, CASE or
// ARRAY.
func (p *parser) primary() (*Node, error) {
	t := p.peek(0)
	switch t.kind {
	case 'n':
		p.i++
		return &Node{Kind: NodeNumber, Text: canonicalNumber(t.text)}, nil
	case 's':
		p.i++
		return &Node{Kind: NodeString, Text: t.text}, nil
	case 'q':
		return p.name()
	case 'p':
		if t.text != "(" {
			return nil, ErrCannotCanonicalise
		}
		p.i++
		x, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		if p.isPunct(0, ",") { // a row: (a, b)
			p.i++
			rest, err := p.list(")")
			if err != nil {
				return nil, err
			}
			return &Node{Kind: NodeFunc, Text: "row", Args: append([]*Node{x}, rest...)}, nil
		}
		return x, p.expect(")")
	}
	if t.kind != 'w' {
		return nil, ErrCannotCanonicalise
	}
	w := strings.ToLower(t.text)
	switch {
	case w == "true" || w == "false" || w == "null":
		p.i++
		return &Node{Kind: NodeKeyword, Text: w}, nil
	case w == "select" || w == "exists":
		return nil, ErrCannotCanonicalise
	case w == "cast" && p.isPunct(1, "("):
		p.i += 2
		x, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		if err := p.expect("as"); err != nil {
			return nil, err
		}
		typ, err := p.typeName()
		if err != nil {
			return nil, err
		}
		return &Node{Kind: NodeCast, Text: typ, Args: []*Node{x}}, p.expect(")")
	case w == "case":
		return p.caseExpr()
	case w == "array" && p.isPunct(1, "["):
		p.i += 2
		elems, err := p.list("]")
		if err != nil {
			return nil, err
		}
		return &Node{Kind: NodeArray, Args: elems}, nil
	case (w == "interval" || w == "date" || w == "timestamp" || w == "time") && p.peek(1).kind == 's':
		p.i += 2
		typ := typeAliases[w]
		if typ == "" {
			typ = w
		}
		return &Node{Kind: NodeCast, Text: typ, Args: []*Node{{Kind: NodeString, Text: p.toks[p.i-1].text}}}, nil
	case strings.HasPrefix(w, "_") && p.peek(1).kind == 's': // MySQL charset introducer
		p.i += 2
		return &Node{Kind: NodeString, Text: p.toks[p.i-1].text}, nil
	case niladic[w] && !p.isPunct(1, "("):
		p.i++
		return &Node{Kind: NodeFunc, Text: w}, nil
	}
	return p.name()
}

// name parses an identifier (qualified with dots) or a function call.
func (p *parser) name() (*Node, error) {
	t := p.peek(0)
	p.i++
	if t.kind == 'w' && p.isPunct(0, "(") {
		p.i++
		if p.isWord(0, "distinct") || p.isPunct(0, "*") {
			return nil, ErrCannotCanonicalise
		}
		args, err := p.list(")")
		if err != nil {
			return nil, err
		}
		if p.isWord(0, "over") || p.isWord(0, "filter") {
			return nil, ErrCannotCanonicalise
		}
		return &Node{Kind: NodeFunc, Text: strings.ToLower(t.text), Args: args}, nil
	}
	parts := []string{p.identText(t)}
	for p.isPunct(0, ".") && (p.peek(1).kind == 'w' || p.peek(1).kind == 'q') {
		parts = append(parts, p.identText(p.peek(1)))
		p.i += 2
	}
	return &Node{Kind: NodeIdent, Text: strings.Join(parts, ".")}, nil
}

func (p *parser) identText(t sqlTok) string {
	if p.r.IgnoreIdentCase || t.kind == 'w' && p.r.FoldCase {
		return strings.ToLower(t.text)
	}
	return t.text
}

// caseExpr parses CASE [x] WHEN a THEN b ... [ELSE c] END.
func (p *parser) caseExpr() (*Node, error) {
	p.i++
	n := &Node{Kind: NodeCase}
	var operand *Node
	if !p.isWord(0, "when") {
		x, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		operand = x
	}
	n.Args = append(n.Args, operand)
	for p.isWord(0, "when") {
		p.i++
		w, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		if err := p.expect("then"); err != nil {
			return nil, err
		}
		th, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		n.Args = append(n.Args, w, th)
	}
	if p.isWord(0, "else") {
		p.i++
		e, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		n.Text = "else"
		n.Args = append(n.Args, e)
	}
	return n, p.expect("end")
}

// canonicalNumber drops a plus sign, leading zeros and trailing fractional
// zeros: "007" is "7", "1.50" is "1.5", ".5" is "0.5", "2.0" is "2".
func canonicalNumber(s string) string {
	s = strings.ToLower(strings.TrimPrefix(s, "+"))
	mant, exp, hasExp := strings.Cut(s, "e")
	if strings.Contains(mant, ".") {
		mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
	}
	mant = strings.TrimLeft(mant, "0")
	if mant == "" || mant[0] == '.' {
		mant = "0" + mant
	}
	if hasExp {
		return mant + "e" + exp
	}
	return mant
}

func negate(s string) string {
	if strings.HasPrefix(s, "-") {
		return s[1:]
	}
	if s == "0" {
		return s
	}
	return "-" + s
}
