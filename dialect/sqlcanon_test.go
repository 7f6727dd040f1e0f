package dialect_test

import (
	"testing"

	"github.com/retortdb/retort/dialect"
)

func TestCanonical(t *testing.T) {
	r := &dialect.CanonRules{FoldCase: true, DropCasts: true, EStrings: true,
		Synonyms: map[string]string{"now/0": "current_timestamp"}}
	for _, c := range []struct{ in, want string }{
		{"role IN ('member', 'admin')", `("role" in ('admin', 'member'))`},
		{"(role)::text = ANY ((ARRAY['member'::character varying, 'admin'::character varying])::text[])", `("role" in ('admin', 'member'))`},
		{"a > 0 AND b < 5 OR c", `((("a" > 0) and ("b" < 5)) or "c")`},
		{"a > 0 AND (b < 5 OR c)", `(("a" > 0) and (("b" < 5) or "c"))`},
		{"NOW()", "current_timestamp"},
		{"CURRENT_TIMESTAMP", "current_timestamp"},
		{"x BETWEEN 1 AND 2", `(("x" >= 1) and ("x" <= 2))`},
		{"-1.50", "-1.5"},
		{`E'a\\b'`, `'a\b'`},
		{"CASE WHEN a THEN 1 ELSE 0 END", `case when "a" then 1 else 0 end`},
		{"(a + b)::numeric", `cast(("a" + "b") as numeric)`},
		{`"Mixed" = 'x'`, `("Mixed" = 'x')`},
	} {
		got, err := dialect.Canonical(c.in, r)
		if err != nil || got.Text != c.want {
			t.Errorf("Canonical(%q) = %q, %v; want %q", c.in, got.Text, err, c.want)
		}
	}
	for _, bad := range []string{"(SELECT 1)", "a +", "'open", "count(*)", "f(x) OVER ()", "((("} {
		if _, err := dialect.Canonical(bad, r); err == nil {
			t.Errorf("Canonical(%q): no error", bad)
		}
	}
}

func FuzzCanonical(f *testing.F) {
	for _, s := range []string{"a IN (1,2)", "x::int[]", "CASE x WHEN 1 THEN 2 END", "a BETWEEN 1 AND 2", "E'\\''"} {
		f.Add(s)
	}
	r := &dialect.CanonRules{FoldCase: true, DropCasts: true, EStrings: true}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := dialect.Canonical(s, r)
		if err != nil {
			return
		}
		again, err := dialect.Canonical(c.Text, r)
		if err != nil || again.Text != c.Text {
			t.Fatalf("not idempotent: %q -> %q -> %q (%v)", s, c.Text, again.Text, err)
		}
	})
}
