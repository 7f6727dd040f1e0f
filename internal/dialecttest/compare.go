package dialecttest

import (
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/pmezard/go-difflib/difflib"
	"github.com/stretchr/testify/assert"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// AssertSchema checks that got (an inspection) equals want as d gives it
// back (d.Normalize(want)), and shows a diff of the two as schema.yaml when
// not. The comparison is exact but for two things no dialect can
// normalise without parsing SQL: the order of tables, enums, constraints
// and indexes (sorted by name on both sides), and the spelling of SQL text
// in checks, index expressions and partial index predicates, which
// databases print back in their own form: compared by [LooseSQL].
func AssertSchema(t testing.TB, d dialect.Dialect, want, got *metadata.MetaData) bool {
	t.Helper()
	w := canonical(d.Normalize(want))
	g := canonical(got)
	g.NamingConvention = w.NamingConvention
	wy, err1 := metadata.Write(w)
	gy, err2 := metadata.Write(g)
	if err1 != nil || err2 != nil {
		return assert.Equal(t, w, g, "the inspected schema differs from the normalised model")
	}
	if string(wy) == string(gy) {
		return true
	}
	diff, _ := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A: difflib.SplitLines(string(wy)), B: difflib.SplitLines(string(gy)),
		FromFile: "normalised model", ToFile: "inspected", Context: 3,
	})
	t.Errorf("the inspected schema differs from the normalised model:\n%s", diff)
	return false
}

// canonical returns a copy of m sorted by name and with its SQL text in
// loose form.
func canonical(m *metadata.MetaData) *metadata.MetaData {
	m = m.Clone()
	sort.SliceStable(m.Tables, func(i, j int) bool { return m.Tables[i].QualifiedName() < m.Tables[j].QualifiedName() })
	sort.SliceStable(m.Enums, func(i, j int) bool { return m.Enums[i].QualifiedName() < m.Enums[j].QualifiedName() })
	for _, t := range m.Tables {
		for _, c := range t.Checks {
			c.Expression = LooseSQL(c.Expression)
		}
		for _, ix := range t.Indexes {
			ix.Where = LooseSQL(ix.Where)
			for i, e := range ix.Expressions {
				ix.Expressions[i] = LooseSQL(e)
			}
		}
		sort.SliceStable(t.Uniques, func(i, j int) bool { return t.Uniques[i].Name < t.Uniques[j].Name })
		sort.SliceStable(t.ForeignKeys, func(i, j int) bool { return t.ForeignKeys[i].Name < t.ForeignKeys[j].Name })
		sort.SliceStable(t.Checks, func(i, j int) bool { return t.Checks[i].Name < t.Checks[j].Name })
		sort.SliceStable(t.Indexes, func(i, j int) bool { return t.Indexes[i].Name < t.Indexes[j].Name })
	}
	return m
}

// castRE matches a PostgreSQL cast suffix: ::text, ::character varying,
// ::"Mood", ::numeric(10,2), ::int[].
var castRE = regexp.MustCompile(`::(?:"[^"]*"|[a-zA-Z_][a-zA-Z0-9_.]*)(?: (?:varying|precision|with time zone|without time zone))?(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])*`)

// LooseSQL reduces SQL text to a form that survives a database's
// reprinting: casts, parentheses, identifier quotes and white space
// dropped, lower case. "price >= 0" and PostgreSQL's "(price >= (0)::numeric)"
// are the same loosely. It is for comparisons in tests only.
func LooseSQL(s string) string {
	s = castRE.ReplaceAllString(s, "")
	return strings.Map(func(r rune) rune {
		switch r {
		case '(', ')', '"', '`', '[', ']', ' ', '\t', '\n', '\r':
			return -1
		}
		return r
	}, strings.ToLower(s))
}

// Flatten moves every schema-qualified table and enum of m into the default
// schema (keeping its name; references follow), for dialects without
// schemas.
func Flatten(m *metadata.MetaData) *metadata.MetaData {
	m = m.Clone()
	for _, e := range m.Enums {
		e.Schema = ""
	}
	for _, t := range m.Tables {
		t.Schema = ""
		for _, c := range t.Columns {
			if c.Type.Kind == metadata.EnumKind {
				if _, name, ok := strings.Cut(c.Type.EnumName, "."); ok {
					c.Type.EnumName = name
				}
			}
		}
		for _, fk := range t.ForeignKeys {
			fk.RefSchema = ""
		}
	}
	return m
}

// schemasOf lists the non-default schemas m uses, sorted.
func schemasOf(m *metadata.MetaData) []string {
	seen := map[string]bool{}
	for _, t := range m.Tables {
		seen[t.Schema] = true
	}
	for _, e := range m.Enums {
		seen[e.Schema] = true
	}
	delete(seen, "")
	var out []string
	for s := range seen {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}
