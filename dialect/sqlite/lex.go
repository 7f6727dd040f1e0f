package sqlite

import "strings"

// The CREATE TABLE and CREATE INDEX text in sqlite_schema is the only place
// SQLite keeps constraint names, CHECK expressions, AUTOINCREMENT and
// deferrable foreign keys. lex.go and parse.go read it back: a tokenizer
// that knows SQLite's quoting (double quotes, [brackets], `backticks`,
// 'strings'), comments and parentheses, and a parser for just the parts of
// the grammar Retort needs. Neither ever panics, whatever the input.

// tokKind is the kind of a token.
type tokKind int

const (
	tokEOF    tokKind = iota
	tokWord           // a bare word: keyword or unquoted identifier
	tokQuoted         // "x", [x] or `x`: always an identifier
	tokString         // 'x'
	tokNumber         // 12, 1.5e3, 0x1F
	tokBlob           // X'00ff'
	tokPunct          // ( ) , ; . and operators
)

// token is one token; start and end index the source, so a parser can copy
// an expression exactly as written.
type token struct {
	kind       tokKind
	text       string // the identifier or string with quotes removed; the word or symbol as written
	start, end int
}

// is reports whether t is the keyword kw (upper case).
func (t token) is(kw string) bool { return t.kind == tokWord && strings.EqualFold(t.text, kw) }

// punct reports whether t is the symbol p.
func (t token) punct(p string) bool { return t.kind == tokPunct && t.text == p }

// ident reports whether t can be a name, and returns it.
func (t token) ident() (string, bool) {
	switch t.kind {
	case tokWord, tokQuoted, tokString:
		return t.text, true
	}
	return "", false
}

// lex splits src into tokens, skipping white space and comments. An
// unterminated quote or comment runs to the end of src.
func lex(src string) []token {
	// One allocation for most statements: CREATE TABLE text runs about
	// five bytes a token.
	toks := make([]token, 0, len(src)/5+4)
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '-' && i+1 < len(src) && src[i+1] == '-':
			j := strings.IndexByte(src[i:], '\n')
			if j < 0 {
				i = len(src)
			} else {
				i += j + 1
			}
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			j := strings.Index(src[i+2:], "*/")
			if j < 0 {
				i = len(src)
			} else {
				i += j + 4
			}
		case c == '"' || c == '`' || c == '\'':
			text, end := quoted(src, i, c)
			kind := tokQuoted
			if c == '\'' {
				kind = tokString
			}
			toks = append(toks, token{kind, text, i, end})
			i = end
		case c == '[':
			j := strings.IndexByte(src[i:], ']')
			end := len(src)
			if j >= 0 {
				end = i + j + 1
			}
			toks = append(toks, token{tokQuoted, strings.TrimSuffix(src[i+1:end], "]"), i, end})
			i = end
		case (c == 'x' || c == 'X') && i+1 < len(src) && src[i+1] == '\'':
			text, end := quoted(src, i+1, '\'')
			toks = append(toks, token{tokBlob, text, i, end})
			i = end
		case isDigit(c) || (c == '.' && i+1 < len(src) && isDigit(src[i+1])):
			end := number(src, i)
			toks = append(toks, token{tokNumber, src[i:end], i, end})
			i = end
		case isWordByte(c):
			end := i
			for end < len(src) && (isWordByte(src[end]) || isDigit(src[end]) || src[end] == '$') {
				end++
			}
			toks = append(toks, token{tokWord, src[i:end], i, end})
			i = end
		default:
			end := i + 1
			if end < len(src) && twoCharOps[src[i:end+1]] {
				end++
			}
			toks = append(toks, token{tokPunct, src[i:end], i, end})
			i = end
		}
	}
	return toks
}

// quoted reads a quoted run starting at src[i] == q, where a doubled q
// stands for one; it returns the unquoted text and the end offset.
func quoted(src string, i int, q byte) (string, int) {
	// Without a doubled quote the text is a slice of src: no copy.
	if k := strings.IndexByte(src[i+1:], q); k >= 0 && (i+2+k >= len(src) || src[i+2+k] != q) {
		return src[i+1 : i+1+k], i + 2 + k
	}
	var b strings.Builder
	j := i + 1
	for j < len(src) {
		if src[j] == q {
			if j+1 < len(src) && src[j+1] == q {
				b.WriteByte(q)
				j += 2
				continue
			}
			return b.String(), j + 1
		}
		b.WriteByte(src[j])
		j++
	}
	return b.String(), len(src)
}

// number returns the end of the numeric literal starting at src[i].
func number(src string, i int) int {
	j := i
	if src[j] == '0' && j+1 < len(src) && (src[j+1] == 'x' || src[j+1] == 'X') {
		j += 2
		for j < len(src) && strings.IndexByte("0123456789abcdefABCDEF", src[j]) >= 0 {
			j++
		}
		return j
	}
	for j < len(src) && (isDigit(src[j]) || src[j] == '.' || src[j] == '_') {
		j++
	}
	if j < len(src) && (src[j] == 'e' || src[j] == 'E') {
		k := j + 1
		if k < len(src) && (src[k] == '+' || src[k] == '-') {
			k++
		}
		if k < len(src) && isDigit(src[k]) {
			j = k
			for j < len(src) && isDigit(src[j]) {
				j++
			}
		}
	}
	return j
}

// twoCharOps are the operators of two characters.
var twoCharOps = map[string]bool{"<=": true, ">=": true, "!=": true, "<>": true, "==": true, "||": true, "<<": true, ">>": true, "->": true}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isWordByte reports whether c can start a bare word: ASCII letters, _ and
// any byte of a multi-byte UTF-8 character (SQLite treats them as letters).
func isWordByte(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80
}
