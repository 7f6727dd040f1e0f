package dialect

import (
	"fmt"
	"strconv"
	"strings"
)

// Inline renders a planned statement for an SQL script (--sql): its
// placeholders replaced by its arguments written with d.Literal. It reads
// the placeholders the expression core writes ($n, or ? in order), outside
// string literals, quoted identifiers and comments; a statement without
// arguments is returned as it is.
func Inline(d Dialect, s Statement) (string, error) {
	if len(s.Args) == 0 {
		return s.SQL, nil
	}
	dollar := d.Placeholder(1) == "$1"
	var b strings.Builder
	next := 0
	text := s.SQL
	for i := 0; i < len(text); {
		if n := skipQuoted(text, i); n > i {
			b.WriteString(text[i:n])
			i = n
			continue
		}
		arg, end := -1, i+1
		switch {
		case dollar && text[i] == '$':
			j := i + 1
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			if j > i+1 {
				n, _ := strconv.Atoi(text[i+1 : j])
				arg, end = n-1, j
			}
		case !dollar && text[i] == '?':
			arg = next
			next++
		}
		if arg < 0 {
			b.WriteByte(text[i])
			i++
			continue
		}
		if arg >= len(s.Args) {
			return "", fmt.Errorf("dialect %s: statement has a placeholder for argument %d but %d arguments: %s", d.Name(), arg+1, len(s.Args), s.SQL)
		}
		lit, err := d.Literal(s.Args[arg])
		if err != nil {
			return "", err
		}
		b.WriteString(lit)
		i = end
	}
	return b.String(), nil
}
