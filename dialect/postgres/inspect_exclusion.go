package postgres

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/retortdb/retort/metadata"
)

// identRE matches an identifier as PostgreSQL prints it: plain, or quoted.
var identRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([a-z_][a-z0-9_$]*|"(?:[^"]|"")+")$`) })

// parseExclusion reads pg_get_constraintdef of an exclusion constraint:
// EXCLUDE USING method (element WITH operator, ...) [INCLUDE (columns)]
// [WHERE (predicate)] [DEFERRABLE [INITIALLY DEFERRED]]. What it cannot
// read (storage parameters, a tablespace) is an error: the constraint
// would be rebuilt without it.
func parseExclusion(name, def string) (*metadata.Exclusion, error) {
	rest, ok := strings.CutPrefix(def, "EXCLUDE USING ")
	method, rest, ok2 := strings.Cut(rest, " ")
	if !ok || !ok2 {
		return nil, fmt.Errorf("no EXCLUDE USING method")
	}
	inner, rest, err := parenthesised(rest)
	if err != nil {
		return nil, err
	}
	x := &metadata.Exclusion{Name: name, Using: method}
	for _, part := range splitTopLevel(inner) {
		i := strings.LastIndex(part, " WITH ")
		if i < 0 {
			return nil, fmt.Errorf("element %q has no WITH operator", part)
		}
		el, op := part[:i], part[i+len(" WITH "):]
		e := metadata.ExclusionElement{Expression: el, Operator: op}
		if identRE().MatchString(el) {
			e = metadata.ExclusionElement{Column: unquoteIdent(el), Operator: op}
		}
		x.Elements = append(x.Elements, e)
	}
	return x, exclusionTail(x, rest)
}

// exclusionTail reads what follows the elements into x.
func exclusionTail(x *metadata.Exclusion, rest string) error {
	for rest != "" {
		var inner string
		var err error
		switch {
		case strings.HasPrefix(rest, " INCLUDE "):
			if inner, rest, err = parenthesised(rest[len(" INCLUDE "):]); err != nil {
				return err
			}
			for _, c := range splitTopLevel(inner) {
				x.Include = append(x.Include, unquoteIdent(c))
			}
		case strings.HasPrefix(rest, " WHERE "):
			if inner, rest, err = parenthesised(rest[len(" WHERE "):]); err != nil {
				return err
			}
			x.Where = stripOuterParens(inner)
		case strings.HasPrefix(rest, " DEFERRABLE"):
			x.Deferrable, rest = true, rest[len(" DEFERRABLE"):]
		case strings.HasPrefix(rest, " INITIALLY DEFERRED"):
			x.InitiallyDeferred, rest = true, rest[len(" INITIALLY DEFERRED"):]
		default:
			return fmt.Errorf("cannot read %q (storage parameters and tablespaces of an exclusion constraint are not modelled)", strings.TrimSpace(rest))
		}
	}
	return nil
}

// parenthesised splits s, which starts with "(", into what its first
// parenthesis holds and what follows the matching one, minding quotes.
func parenthesised(s string) (inner, rest string, err error) {
	if !strings.HasPrefix(s, "(") {
		return "", "", fmt.Errorf("expected ( at %q", s)
	}
	end := -1
	walkTop(s, func(i, depth int) bool {
		if s[i] == ')' && depth == 0 {
			end = i
		}
		return end >= 0
	})
	if end < 0 {
		return "", "", fmt.Errorf("unbalanced parentheses in %q", s)
	}
	return s[1:end], s[end+1:], nil
}

// splitTopLevel splits s at the commas outside parentheses and quotes,
// each part trimmed.
func splitTopLevel(s string) []string {
	var out []string
	start := 0
	walkTop(s, func(i, depth int) bool {
		if s[i] == ',' && depth == 0 {
			out = append(out, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
		return false
	})
	return append(out, strings.TrimSpace(s[start:]))
}

// walkTop calls visit with each byte of s outside quotes and the depth of
// parentheses after it, until visit returns true.
func walkTop(s string, visit func(i, depth int) bool) {
	depth := 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
			continue
		case c == '\'' || c == '"':
			quote = c
			continue
		case c == '(':
			depth++
		case c == ')':
			depth--
		}
		if visit(i, depth) {
			return
		}
	}
}

// unquoteIdent returns an identifier as PostgreSQL prints it, unquoted.
func unquoteIdent(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
	}
	return s
}

// exclusionRow adds the exclusion constraint of a constraints row to t,
// or warns that it cannot be read and skips it.
func (in *inspector) exclusionRow(t *metadata.Table, name, table, def, comment string) error {
	x, err := parseExclusion(name, def)
	if err != nil {
		in.warn("exclusion constraint %s on %s: %v; skipped (definition %s): keep it with an execute op", name, table, err, def)
		return nil
	}
	x.Comment = comment
	t.Exclusions = append(t.Exclusions, x)
	return nil
}
