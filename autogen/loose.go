package autogen

import (
	"regexp"
	"strings"
	"sync"
)

// castRE matches a PostgreSQL cast suffix: ::text, ::character varying,
// ::"Mood", ::numeric(10,2), ::int[].
var castRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`::(?:"[^"]*"|[a-zA-Z_][a-zA-Z0-9_.]*)(?: (?:varying|precision|with time zone|without time zone))?(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])*`)
})

// quotedNumberCastRE matches a number PostgreSQL quoted to cast it:
// '-1000'::integer.
var quotedNumberCastRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`'(-?[0-9]+(?:\.[0-9]+)?)'::`) })

// looseSQL reduces SQL text (a check, an index expression or predicate) to
// a form that survives a database's reprinting of it: casts, parentheses,
// identifier quotes and white space dropped, lower case. PostgreSQL gives
// "price >= 0" back as "(price >= (0)::numeric)": the same, loosely. The
// dialects' Normalize cannot parse SQL, so this is what keeps a reprinted
// expression from being a false change; a real change that differs only
// in casts or parentheses goes unseen.
func looseSQL(s string) string {
	if s == "" {
		return ""
	}
	s = quotedNumberCastRE().ReplaceAllString(s, "$1::")
	s = castRE().ReplaceAllString(s, "")
	return strings.Map(func(r rune) rune {
		switch r {
		case '(', ')', '"', '`', '[', ']', ' ', '\t', '\n', '\r':
			return -1
		}
		return r
	}, strings.ToLower(s))
}
