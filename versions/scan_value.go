package versions

import (
	"strings"
)

// hval is a header value as scanHeader read it: a scalar (null for a
// plain ~, null or nothing; plain when unquoted) or a sequence of
// non-null scalars.
type hval struct {
	str   string
	null  bool
	plain bool
	seq   bool
	list  []string
}

// headerScanner reads a header, which ends with a line break, line by
// line.
type headerScanner struct {
	src string
	pos int
}

func (s *headerScanner) more() bool { return s.pos < len(s.src) }

// peek returns the next line without its line break.
func (s *headerScanner) peek() string {
	return s.src[s.pos : s.pos+strings.IndexByte(s.src[s.pos:], '\n')]
}

func (s *headerScanner) next() string {
	line := s.peek()
	s.pos += len(line) + 1
	return line
}

// value reads the value of a top-level key; rest is what follows the
// colon on the key's line.
func (s *headerScanner) value(rest string) (hval, bool) {
	v := strings.TrimLeft(rest, " ")
	if v == "" || v[0] == '#' {
		return s.blockValue()
	}
	switch v[0] {
	case '[':
		return scanFlowList(v)
	case '|', '>':
		return s.blockScalar(v)
	case '"', '\'':
		str, after, ok := quoted(v)
		return hval{str: str}, ok && endsValue(after)
	}
	str, ok := plain(v)
	return hval{str: str, plain: true, null: isNullWord(str)}, ok
}

// blockValue reads the value of a key with nothing after its colon: a
// block sequence on the next lines, or null.
func (s *headerScanner) blockValue() (hval, bool) {
	for p := s.pos; p < len(s.src); {
		line := s.src[p : p+strings.IndexByte(s.src[p:], '\n')]
		p += len(line) + 1
		if isBlank(line) || line[0] == '#' {
			continue
		}
		if isItem(strings.TrimLeft(line, " ")) {
			return s.blockSeq()
		}
		if line[0] == ' ' {
			return hval{}, false // an indented scalar or mapping
		}
		break
	}
	return hval{null: true, plain: true}, true
}

// blockSeq reads "- item" lines, all at one indentation.
func (s *headerScanner) blockSeq() (hval, bool) {
	indent := -1
	var items []string
	for s.more() {
		line := s.peek()
		if isBlank(line) || line[0] == '#' {
			s.next()
			continue
		}
		sp := leadingSpaces(line)
		if sp == 0 && !isItem(line) {
			break
		}
		if indent < 0 {
			indent = sp
		}
		if sp != indent || !isItem(line[sp:]) {
			return hval{}, false
		}
		s.next()
		v := strings.TrimLeft(line[sp+1:], " ")
		var str string
		ok := v != ""
		switch {
		case !ok:
		case v[0] == '"' || v[0] == '\'':
			var after string
			str, after, ok = quoted(v)
			ok = ok && endsValue(after)
		default:
			str, ok = plain(v)
			ok = ok && !isNullWord(str)
		}
		if !ok {
			return hval{}, false
		}
		items = append(items, str)
	}
	return hval{seq: true, list: items}, true
}

// scanFlowList reads a one-line "[a, 'b', "c"]".
func scanFlowList(v string) (hval, bool) {
	items := []string{}
	p := skipSpaces(v, 1)
	if p < len(v) && v[p] == ']' {
		return hval{seq: true, list: items}, endsValue(v[p+1:])
	}
	for p < len(v) {
		var item string
		if v[p] == '"' || v[p] == '\'' {
			str, after, ok := quoted(v[p:])
			if !ok {
				return hval{}, false
			}
			item, p = str, len(v)-len(after)
		} else {
			end := p + strings.IndexAny(v[p:], ",]")
			if end < p {
				return hval{}, false
			}
			item = strings.TrimRight(v[p:end], " ")
			if item == "" || isIndicator(item[0]) || strings.ContainsAny(item, "[]{}#:\"'") || isNullWord(item) {
				return hval{}, false
			}
			p = end
		}
		items = append(items, item)
		p = skipSpaces(v, p)
		switch {
		case p < len(v) && v[p] == ',':
			p = skipSpaces(v, p+1)
		case p < len(v) && v[p] == ']':
			return hval{seq: true, list: items}, endsValue(v[p+1:])
		default:
			return hval{}, false
		}
	}
	return hval{}, false // runs on to the next line, or ends with a comma
}

// quoted reads a quoted scalar that ends on its line: single-quoted with
// ” for a quote, or double-quoted without escapes. after is the rest of
// the line.
func quoted(v string) (str, after string, ok bool) {
	q := v[0]
	if q == '"' {
		end := strings.IndexAny(v[1:], "\"\\")
		if end < 0 || v[1+end] != '"' {
			return "", "", false
		}
		return v[1 : 1+end], v[2+end:], true
	}
	var b strings.Builder
	for rest := v[1:]; ; {
		i := strings.IndexByte(rest, '\'')
		if i < 0 {
			return "", "", false
		}
		if i+1 < len(rest) && rest[i+1] == '\'' {
			b.WriteString(rest[:i+1])
			rest = rest[i+2:]
			continue
		}
		if b.Len() == 0 {
			return rest[:i], rest[i+1:], true
		}
		b.WriteString(rest[:i])
		return b.String(), rest[i+1:], true
	}
}

// plain reads a one-line plain scalar in block context, up to a comment.
func plain(v string) (string, bool) {
	if isIndicator(v[0]) {
		return "", false
	}
	if i := strings.Index(v, " #"); i >= 0 {
		v = v[:i]
	}
	v = strings.TrimRight(v, " ")
	return v, !strings.Contains(v, ": ") && !strings.HasSuffix(v, ":")
}

// blockScalar reads a literal (|) or folded (>) scalar with an optional
// chomping indicator, as yaml's scanner does; the indentation is found
// from the first line.
func (s *headerScanner) blockScalar(v string) (hval, bool) {
	literal, chomp := v[0] == '|', 0
	v = v[1:]
	switch {
	case strings.HasPrefix(v, "-"):
		chomp, v = -1, v[1:]
	case strings.HasPrefix(v, "+"):
		chomp, v = 1, v[1:]
	}
	if v != "" && v[0] != ' ' || !endsValue(v) {
		return hval{}, false
	}
	var b strings.Builder
	indent, maxBlank, breaks := 0, 0, 0
	leadingBreak, leadingBlank := false, false
	for s.more() {
		line := s.peek()
		sp := leadingSpaces(line)
		if sp == len(line) { // an empty line
			if indent > 0 && sp > indent {
				return hval{}, false
			}
			maxBlank = max(maxBlank, sp)
			breaks++
			s.next()
			continue
		}
		if sp == 0 {
			break
		}
		if indent == 0 {
			indent = sp
		}
		if sp < indent || maxBlank > indent {
			return hval{}, false
		}
		s.next()
		text := line[indent:]
		// Folding, as yaml_parser_scan_block_scalar does it.
		trailingBlank := text[0] == ' '
		if !literal && leadingBreak && !leadingBlank && !trailingBlank {
			if breaks == 0 {
				b.WriteByte(' ')
			}
		} else if leadingBreak {
			b.WriteByte('\n')
		}
		b.WriteString(strings.Repeat("\n", breaks))
		b.WriteString(text)
		leadingBreak, leadingBlank, breaks = true, trailingBlank, 0
	}
	if indent == 0 {
		return hval{}, false // no content
	}
	if chomp != -1 {
		b.WriteByte('\n')
	}
	if chomp == 1 {
		b.WriteString(strings.Repeat("\n", breaks))
	}
	return hval{str: b.String()}, true
}

// endsValue reports whether what follows a value on its line is nothing,
// or spaces and a comment.
func endsValue(after string) bool {
	if after == "" {
		return true
	}
	if after[0] != ' ' {
		return false
	}
	after = strings.TrimLeft(after, " ")
	return after == "" || after[0] == '#'
}

// isIndicator: a character that cannot start a plain scalar (or that the
// scanner leaves to yaml when it does, such as "-x").
func isIndicator(c byte) bool {
	return strings.IndexByte("-?:,[]{}#&*!|>'\"%@`", c) >= 0
}

func isNullWord(s string) bool {
	switch s {
	case "", "~", "null", "Null", "NULL":
		return true
	}
	return false
}

// isItem: a block sequence entry, "- value" (or "-" alone, a null).
func isItem(s string) bool { return s == "-" || strings.HasPrefix(s, "- ") }

func isBlank(line string) bool { return leadingSpaces(line) == len(line) }

func leadingSpaces(s string) int { return skipSpaces(s, 0) }

func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}
