package dialect

import (
	"sort"
	"strings"
)

func (c *compiler) raw(s *Raw) {
	if s.Binds == nil {
		c.write(s.SQL)
		return
	}
	used := map[string]bool{}
	text := s.SQL
	for i := 0; i < len(text); {
		if n := skipQuoted(text, i); n > i {
			c.write(text[i:n])
			i = n
			continue
		}
		ch := text[i]
		if ch != ':' {
			c.write(text[i : i+1])
			i++
			continue
		}
		if i+1 < len(text) && text[i+1] == ':' { // PostgreSQL cast
			c.write("::")
			i += 2
			continue
		}
		j := i + 1
		for j < len(text) && isBindChar(text[j], j == i+1) {
			j++
		}
		if j == i+1 {
			c.write(":")
			i++
			continue
		}
		name := text[i+1 : j]
		v, ok := s.Binds[name]
		if !ok {
			c.fail("raw SQL uses :%s, which has no value in Binds", name)
			return
		}
		used[name] = true
		c.value(v)
		i = j
	}
	var unused []string
	for name := range s.Binds {
		if !used[name] {
			unused = append(unused, name)
		}
	}
	if len(unused) > 0 {
		sort.Strings(unused)
		c.fail("raw SQL does not use bind(s) %s", strings.Join(unused, ", "))
	}
}

func isBindChar(b byte, first bool) bool {
	switch {
	case b == '_', b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z':
		return true
	case b >= '0' && b <= '9':
		return !first
	}
	return false
}

// skipQuoted returns the end of the quoted span (string literal, quoted
// identifier, comment or dollar-quoted body) starting at i, or i when none
// starts there. An unterminated span runs to the end of the text.
func skipQuoted(text string, i int) int {
	closeAt := func(from int, end string) int {
		k := strings.Index(text[from:], end)
		if k < 0 {
			return len(text)
		}
		return from + k + len(end)
	}
	switch text[i] {
	case '\'', '"', '`':
		q := text[i]
		for j := i + 1; j < len(text); j++ {
			if text[j] == q {
				if j+1 < len(text) && text[j+1] == q { // doubled quote
					j++
					continue
				}
				return j + 1
			}
		}
		return len(text)
	case '-':
		if strings.HasPrefix(text[i:], "--") {
			return closeAt(i, "\n")
		}
	case '/':
		if strings.HasPrefix(text[i:], "/*") {
			return closeAt(i+2, "*/")
		}
	case '$':
		// $tag$ ... $tag$ (tag empty or an identifier).
		j := i + 1
		for j < len(text) && isBindChar(text[j], j == i+1) {
			j++
		}
		if j < len(text) && text[j] == '$' {
			tag := text[i : j+1]
			return closeAt(j+1, tag)
		}
	}
	return i
}
