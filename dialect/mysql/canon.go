package mysql

import (
	"regexp"
	"strings"
	"sync"

	"github.com/retortdb/retort/metadata"
)

// The server rewrites the SQL text of defaults and check expressions as it
// stores them (MariaDB quotes string defaults, lower-cases keywords, writes
// length() as octet_length(); MySQL 8 adds parentheses and backticks).
// Reflection and Normalize both pass that text through the functions of
// this file, so a target and what the server made of it meet in the middle.

var currentTimestampRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(current_timestamp|now|localtimestamp|localtime)\s*(\(\s*\d*\s*\))?$`)
})

var currentDateRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^(current_date|curdate)\s*(\(\s*\))?$`) })

var numberRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$`) })

// canonicalDefault returns a server default in canonical spelling for a
// column of type t (canonical already): no default for NULL, the
// CURRENT_TIMESTAMP family as CURRENT_TIMESTAMP, booleans as true/false,
// numbers without trailing zeros, strings re-quoted, outer parentheses off.
func canonicalDefault(def string, t metadata.Type) string {
	s := stripParens(strings.TrimSpace(def))
	if s == "" || strings.EqualFold(s, "null") {
		return ""
	}
	if i := indexOutside(asciiLower(s), " on update "); i >= 0 {
		return canonicalDefault(s[:i], t) + " ON UPDATE " + canonicalDefault(s[i+len(" on update "):], t)
	}
	if currentTimestampRE().MatchString(s) {
		return "CURRENT_TIMESTAMP"
	}
	if currentDateRE().MatchString(s) {
		return "CURRENT_DATE"
	}
	if lit, ok := stringLiteral(s); ok && (isNumericKind(t.Kind) || t.Kind == metadata.Boolean) && numberRE().MatchString(lit) {
		s = lit // '0' on a number column is the number 0
	}
	if numberRE().MatchString(s) {
		s = canonicalNumber(s)
	}
	if t.Kind == metadata.Boolean {
		switch strings.ToLower(s) {
		case "1", "true":
			return "true"
		case "0", "false":
			return "false"
		}
	}
	if numberRE().MatchString(s) {
		return s
	}
	if lit, ok := stringLiteral(s); ok {
		q, err := literals.String(lit)
		if err == nil {
			return q
		}
	}
	r := canonicalExpr(s)
	if indexOutside(asciiLower(r), " on update ") >= 0 {
		return canonicalDefault(r, t) // re-spacing revealed an ON UPDATE
	}
	return r
}

func isNumericKind(k metadata.Kind) bool {
	switch k {
	case metadata.SmallInt, metadata.Integer, metadata.BigInt, metadata.Numeric, metadata.Real, metadata.Double:
		return true
	}
	return false
}

// canonicalNumber drops a plus sign and trailing fractional zeros:
// "0.00" is "0", "+1.50" is "1.5".
func canonicalNumber(s string) string {
	s = strings.TrimPrefix(s, "+")
	if strings.ContainsAny(s, "eE") || !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	switch s {
	case "", "-":
		return "0"
	case "-0":
		return "0"
	}
	if strings.HasPrefix(s, ".") {
		s = "0" + s
	}
	return s
}

// stringLiteral reads s when it is exactly one quoted string literal
// (quotes inside doubled or backslash-escaped), returning its value.
func stringLiteral(s string) (string, bool) {
	if len(s) < 2 || s[0] != '\'' {
		return "", false
	}
	v, end := readString(s, 0)
	if end != len(s) {
		return "", false
	}
	return v, true
}

// readString reads the string literal whose opening quote is s[i] and returns
// its value and the index just past its closing quote (len(s) when open).
func readString(s string, i int) (string, int) {
	var b strings.Builder
	for j := i + 1; j < len(s); j++ {
		switch c := s[j]; {
		case c == '\\' && j+1 < len(s):
			j++
			b.WriteByte(unescape(s[j]))
		case c == '\'' && j+1 < len(s) && s[j+1] == '\'':
			b.WriteByte('\'')
			j++
		case c == '\'':
			return b.String(), j + 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), len(s)
}

// stripParens removes parentheses that wrap the whole of s.
func stripParens(s string) string {
	for len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' && closingParen(s, 0) == len(s)-1 {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}

// closingParen returns the index of the parenthesis closing s[open],
// skipping string literals and quoted identifiers, or -1.
func closingParen(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '\'':
			_, end := readString(s, i)
			i = end - 1
		case '`':
			end := strings.IndexByte(s[i+1:], '`')
			if end < 0 {
				return -1
			}
			i += end + 1
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// indexOutside finds sub in s outside string literals, or returns -1.
func indexOutside(s, sub string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '\'' {
			_, end := readString(s, i)
			i = end - 1
			continue
		}
		if strings.HasPrefix(s[i:], sub) {
			return i
		}
	}
	return -1
}

// keywords are lower-cased in canonical expressions, as MariaDB prints them.
var keywords = map[string]bool{
	"and": true, "or": true, "not": true, "is": true, "null": true, "in": true,
	"between": true, "like": true, "true": true, "false": true, "case": true,
	"when": true, "then": true, "else": true, "end": true, "xor": true, "div": true,
	"mod": true, "regexp": true, "escape": true, "interval": true, "collate": true,
	"distinct": true, "rlike": true, "unknown": true,
}

// functionAliases are spellings the server substitutes.
// PostgreSQL's gen_random_uuid() is MySQL's uuid(), so a model written for
// PostgreSQL keeps its uuid defaults.
var functionAliases = map[string]string{"octet_length": "length", "gen_random_uuid": "uuid"}

var plainIdentRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_$]*$`) })

// canonicalExpr re-spells an SQL expression token by token: identifiers
// that need no quotes lose their backticks, keywords and function names are
// lower case, strings are re-quoted, != is <>, spacing is regular, and
// parentheses around the whole are dropped.
func canonicalExpr(s string) string {
	toks := tokenize(stripParens(strings.TrimSpace(s)))
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && spaceBetween(toks[i-1], t) {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

type tokKind int

const (
	tokWord tokKind = iota
	tokFunc         // a word directly followed by "("
	tokIdent
	tokString
	tokNumber
	tokOp
	tokOpen
	tokClose
	tokComma
)

type token struct {
	kind tokKind
	text string
}

var multiOps = []string{"<=>", "->>", "<=", ">=", "<>", "!=", "||", "&&", "->", ":=", "<<", ">>"}

func tokenize(s string) []token {
	var toks []token
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '\'':
			v, end := readString(s, i)
			q, _ := literals.String(v)
			toks = append(toks, token{tokString, q})
			i = end
		case c == '`':
			end := i + 1
			var name strings.Builder
			for end < len(s) {
				if s[end] == '`' {
					if end+1 < len(s) && s[end+1] == '`' {
						name.WriteByte('`')
						end += 2
						continue
					}
					break
				}
				name.WriteByte(s[end])
				end++
			}
			toks = append(toks, identToken(name.String()))
			i = end + 1
		case c == '(':
			toks = append(toks, token{tokOpen, "("})
			i++
		case c == ')':
			toks = append(toks, token{tokClose, ")"})
			i++
		case c == ',':
			toks = append(toks, token{tokComma, ","})
			i++
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			j := i
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.' || s[j] == 'e' || s[j] == 'E') {
				j++
			}
			toks = append(toks, token{tokNumber, s[i:j]})
			i = j
		case isWordByte(c):
			j := i
			for j < len(s) && isWordByte(s[j]) {
				j++
			}
			toks = append(toks, wordToken(s[i:j], j < len(s) && s[j] == '('))
			i = j
		default:
			op := s[i : i+1]
			for _, m := range multiOps {
				if strings.HasPrefix(s[i:], m) {
					op = m
					break
				}
			}
			if op == "!=" {
				op = "<>"
			}
			toks = append(toks, token{tokOp, op})
			i += len(op)
		}
	}
	return toks
}

func isWordByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// identToken is a quoted identifier, unquoted when it can be.
func identToken(name string) token {
	if plainIdentRE().MatchString(name) && !keywords[strings.ToLower(name)] {
		return token{tokWord, name}
	}
	return token{tokIdent, dialectQuote(name)}
}

// wordToken is a bare word: a keyword or function name (lower case), or
// an identifier (as written).
func wordToken(w string, call bool) token {
	lw := asciiLower(w)
	if call && !keywords[lw] {
		if a, ok := functionAliases[lw]; ok {
			lw = a
		}
		return token{tokFunc, lw}
	}
	if keywords[lw] {
		return token{tokWord, lw}
	}
	return token{tokWord, w}
}

// asciiLower lower-cases ASCII letters only, leaving other bytes (and
// invalid UTF-8) as they are, so re-spelling is idempotent.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func dialectQuote(name string) string { return (&Dialect{}).QuoteIdent(name) }

// spaceBetween decides the spacing of canonical expressions: none inside
// parentheses' edges, before a comma, or between a function and its "(".
func spaceBetween(prev, next token) bool {
	switch {
	case prev.kind == tokOpen, next.kind == tokClose, next.kind == tokComma:
		return false
	case next.kind == tokOpen && prev.kind == tokFunc:
		return false
	}
	return true
}
