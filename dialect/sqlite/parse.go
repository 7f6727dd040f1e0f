package sqlite

import (
	"errors"
	"fmt"
	"strings"
)

// parsedTable is what a CREATE TABLE statement says beyond what SQLite's
// pragmas report: constraint names, CHECK expressions, AUTOINCREMENT,
// deferrable keys. Column-level constraints are lifted to table level.
type parsedTable struct {
	Name         string
	Columns      []parsedColumn
	PrimaryKey   *parsedKey
	Uniques      []parsedKey
	Checks       []parsedCheck
	ForeignKeys  []parsedFK
	WithoutRowid bool
	Strict       bool
	Virtual      bool // CREATE VIRTUAL TABLE: nothing else is parsed
	AsSelect     bool // CREATE TABLE ... AS SELECT: nothing else is parsed
}

// parsedColumn is one column definition.
type parsedColumn struct {
	Name          string
	Type          string // the declared type as written, "" for none
	AutoIncrement bool
	Collate       string
	Generated     bool
	// GeneratedExpr is a generated column's expression as written, its
	// parentheses left out.
	GeneratedExpr string
	// Clauses are the column's PRIMARY KEY, NOT NULL and DEFAULT clauses
	// in the order written (metadata clause kinds).
	Clauses []string
}

// parsedKey is a PRIMARY KEY or UNIQUE constraint.
type parsedKey struct {
	Name    string
	Columns []string
}

// parsedCheck is a CHECK constraint; Column is set for a column constraint.
type parsedCheck struct {
	Name   string
	Expr   string
	Column string
}

// parsedFK is a FOREIGN KEY constraint or a column's REFERENCES clause.
type parsedFK struct {
	Name              string
	Columns           []string
	RefTable          string
	RefColumns        []string
	OnDelete          string
	OnUpdate          string
	Deferrable        bool
	InitiallyDeferred bool
}

// parsedIndex is a CREATE INDEX statement. Keys are, in order, the plain
// column names and the other keys as written (expressions, or a column with
// COLLATE or DESC).
type parsedIndex struct {
	Name   string
	Table  string
	Unique bool
	Keys   []indexKey
	Where  string
}

// indexKey is one key of an index: a column, or an expression as written.
type indexKey struct {
	Column string
	Expr   string
}

// errSyntax is wrapped by every parse error.
var errSyntax = errors.New("sqlite: cannot parse schema SQL")

// parser walks the tokens of one statement.
type parser struct {
	src  string
	toks []token
	pos  int
}

func newParser(src string) *parser { return &parser{src: src, toks: lex(src)} }

func (p *parser) peek() token { return p.at(p.pos) }

func (p *parser) at(i int) token {
	if i < len(p.toks) {
		return p.toks[i]
	}
	return token{kind: tokEOF, start: len(p.src), end: len(p.src)}
}

func (p *parser) next() token {
	t := p.peek()
	if p.pos < len(p.toks) {
		p.pos++
	}
	return t
}

// accept consumes the keywords kws if they come next, all of them.
func (p *parser) accept(kws ...string) bool {
	for i, kw := range kws {
		if !p.at(p.pos + i).is(kw) {
			return false
		}
	}
	p.pos += len(kws)
	return true
}

func (p *parser) acceptPunct(s string) bool {
	if p.peek().punct(s) {
		p.pos++
		return true
	}
	return false
}

func (p *parser) errorf(format string, args ...any) error {
	return fmt.Errorf("%w: %s at offset %d", errSyntax, fmt.Sprintf(format, args...), p.peek().start)
}

func (p *parser) expect(kws ...string) error {
	if !p.accept(kws...) {
		return p.errorf("want %s", strings.Join(kws, " "))
	}
	return nil
}

func (p *parser) expectPunct(s string) error {
	if !p.acceptPunct(s) {
		return p.errorf("want %q", s)
	}
	return nil
}

// name reads an identifier, and skips a schema qualifier before it.
func (p *parser) name() (string, error) {
	n, ok := p.next().ident()
	if !ok {
		p.pos--
		return "", p.errorf("want a name")
	}
	if p.acceptPunct(".") {
		if n, ok = p.next().ident(); !ok {
			return "", p.errorf("want a name after the schema")
		}
	}
	return n, nil
}

// skipGroup skips a parenthesised group whose "(" comes next, and returns
// the text inside it as written.
func (p *parser) skipGroup() (string, error) {
	open := p.peek()
	if err := p.expectPunct("("); err != nil {
		return "", err
	}
	for depth := 1; ; {
		t := p.next()
		switch {
		case t.kind == tokEOF:
			return "", p.errorf("unbalanced parentheses")
		case t.punct("("):
			depth++
		case t.punct(")"):
			if depth--; depth == 0 {
				return strings.TrimSpace(p.src[open.end:t.start]), nil
			}
		}
	}
}

// nameList reads "(a, b COLLATE x DESC, ...)" and returns the names.
func (p *parser) nameList() ([]string, error) {
	if err := p.expectPunct("("); err != nil {
		return nil, err
	}
	var names []string
	for {
		n, err := p.name()
		if err != nil {
			return nil, err
		}
		names = append(names, n)
		for !p.peek().punct(",") && !p.peek().punct(")") {
			if p.peek().kind == tokEOF {
				return nil, p.errorf("unterminated list")
			}
			if p.peek().punct("(") {
				if _, err := p.skipGroup(); err != nil {
					return nil, err
				}
				continue
			}
			p.next() // COLLATE x, ASC, DESC
		}
		if p.acceptPunct(")") {
			return names, nil
		}
		p.next()
	}
}

// skipConflict skips "ON CONFLICT <resolution>".
func (p *parser) skipConflict() {
	if p.accept("ON", "CONFLICT") {
		p.next()
	}
}

// exprUntil returns the text from the current token up to (not including)
// the first token at depth zero that is a "," or an unmatched ")" or for
// which stop is true, and leaves the parser there.
func (p *parser) exprUntil(stop func(token) bool) (string, error) {
	from := p.pos
	text := func() string {
		if p.pos == from {
			return ""
		}
		return strings.TrimSpace(p.src[p.toks[from].start:p.toks[p.pos-1].end])
	}
	for depth := 0; ; {
		t := p.peek()
		switch {
		case t.kind == tokEOF:
			if depth != 0 {
				return "", p.errorf("unbalanced parentheses")
			}
			return text(), nil
		case t.punct("("):
			depth++
		case t.punct(")"):
			if depth == 0 {
				return text(), nil
			}
			depth--
		case depth == 0 && (t.punct(",") || stop(t)):
			return text(), nil
		}
		p.next()
	}
}
