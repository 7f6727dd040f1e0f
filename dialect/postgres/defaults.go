package postgres

import (
	"regexp"
	"strings"
	"sync"
)

var (
	castLiteralRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^('(?:[^']|'')*')::([a-zA-Z_ "().,0-9\[\]]+)$`) })
	numberRE      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$`) })
	parenNumberRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\((-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\)$`) })
	nullCastRE    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?i)null(?:::.+)?$`) })
)

// numericCasts are the casts after which a quoted number is just a number.
var numericCasts = map[string]bool{
	"smallint": true, "integer": true, "bigint": true, "numeric": true,
	"real": true, "double precision": true,
}

// sqlKeywords are defaults PostgreSQL prints in upper case.
var sqlKeywords = map[string]bool{
	"CURRENT_TIMESTAMP": true, "CURRENT_DATE": true, "CURRENT_TIME": true,
	"LOCALTIMESTAMP": true, "LOCALTIME": true, "CURRENT_USER": true,
	"SESSION_USER": true, "CURRENT_ROLE": true, "CURRENT_CATALOG": true,
	"CURRENT_SCHEMA": true,
}

// NormalizeDefault returns a server default as pg_get_expr prints a simple
// one, and maps what it prints back to the plain form schema.yaml uses: a
// cast literal as the literal ('x'::text is 'x', 'ok'::mood is 'ok', and
// '-1'::integer is -1), true and false in lower case, CURRENT_TIMESTAMP and
// its kin in upper case, NULL as no default. Other expressions are left as
// they are.
func NormalizeDefault(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || nullCastRE().MatchString(s) {
		return ""
	}
	if m := castLiteralRE().FindStringSubmatch(s); m != nil {
		lit, cast := m[1], strings.Trim(m[2], `"`)
		if i := strings.IndexByte(cast, '('); i >= 0 {
			cast = strings.TrimSpace(cast[:i])
		}
		inner := lit[1 : len(lit)-1]
		if numericCasts[cast] && numberRE().MatchString(inner) {
			return inner
		}
		return lit
	}
	if m := parenNumberRE().FindStringSubmatch(s); m != nil {
		return m[1]
	}
	switch u := strings.ToUpper(s); {
	case u == "TRUE" || u == "FALSE":
		return strings.ToLower(s)
	case sqlKeywords[u]:
		return u
	}
	return s
}

// stripOuterParens removes parentheses that enclose the whole expression
// (as PostgreSQL adds around a check), once per level.
func stripOuterParens(s string) string {
	for len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' && closingParen(s, 0) == len(s)-1 {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}

// closingParen returns the index of the parenthesis closing the one at i,
// skipping quoted text, or -1.
func closingParen(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '\'', '"':
			q := s[j]
			for j++; j < len(s) && s[j] != q; j++ {
			}
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}
