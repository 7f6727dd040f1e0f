package dialect

import "strings"

// sqlTok is one token of an expression.
type sqlTok struct {
	kind byte // 'w' word, 'q' quoted identifier, 's' string, 'n' number, 'p' punctuation or operator
	text string
}

var sqlOps = []string{"<=>", "!~~*", "!~~", "~~*", "!~*", "->>", "::", "<=", ">=", "<>", "!=", "||", "==", "~~", "!~", "~*", "->", "<<", ">>", "&&"}

// lexSQL splits an expression into tokens.
func lexSQL(s string, r *CanonRules) ([]sqlTok, error) {
	var toks []sqlTok
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			i++
		case c == '-' && i+1 < len(s) && s[i+1] == '-':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case c == '\'' || (c == 'E' || c == 'e') && r.EStrings && i+1 < len(s) && s[i+1] == '\'':
			back := r.Backslash
			if c != '\'' {
				back, i = true, i+1
			}
			v, end, ok := readQuoted(s, i, '\'', back)
			if !ok {
				return nil, ErrCannotCanonicalise
			}
			toks = append(toks, sqlTok{'s', v})
			i = end
		case c == '"' || c == '`':
			v, end, ok := readQuoted(s, i, c, false)
			if !ok {
				return nil, ErrCannotCanonicalise
			}
			toks = append(toks, sqlTok{'q', v})
			i = end
		case c == '[' && !r.EStrings && !r.Backslash:
			end := strings.IndexByte(s[i:], ']')
			if end < 0 {
				return nil, ErrCannotCanonicalise
			}
			toks = append(toks, sqlTok{'q', s[i+1 : i+end]})
			i += end + 1
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			j, dot := i, false
			for j < len(s) && (isDigit(s[j]) || s[j] == '.' && !dot) {
				dot = dot || s[j] == '.'
				j++
			}
			if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
				k := j + 1
				if k < len(s) && (s[k] == '+' || s[k] == '-') {
					k++
				}
				if k < len(s) && isDigit(s[k]) {
					for j = k; j < len(s) && isDigit(s[j]); j++ {
					}
				}
			}
			toks = append(toks, sqlTok{'n', s[i:j]})
			i = j
		case isWordStart(c):
			j := i
			for j < len(s) && (isWordStart(s[j]) || isDigit(s[j]) || s[j] == '$') {
				j++
			}
			toks = append(toks, sqlTok{'w', s[i:j]})
			i = j
		default:
			op := s[i : i+1]
			for _, m := range sqlOps {
				if strings.HasPrefix(s[i:], m) {
					op = m
					break
				}
			}
			toks = append(toks, sqlTok{'p', op})
			i += len(op)
		}
	}
	return toks, nil
}

// readQuoted reads the quoted text opening at s[i] (doubled quotes, and
// with back set backslash escapes), returning its value and the index past
// its close.
func readQuoted(s string, i int, q byte, back bool) (string, int, bool) {
	var b strings.Builder
	for j := i + 1; j < len(s); j++ {
		c := s[j]
		switch {
		case back && c == '\\' && j+1 < len(s):
			j++
			b.WriteByte(unescapeByte(s[j]))
		case c == q && j+1 < len(s) && s[j+1] == q:
			b.WriteByte(q)
			j++
		case c == q:
			return b.String(), j + 1, true
		default:
			b.WriteByte(c)
		}
	}
	return "", len(s), false
}

func unescapeByte(c byte) byte {
	switch c {
	case 'n':
		return '\n'
	case 't':
		return '\t'
	case 'r':
		return '\r'
	case '0':
		return 0
	case 'b':
		return '\b'
	case 'Z':
		return 26
	}
	return c
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isWordStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
