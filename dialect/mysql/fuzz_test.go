package mysql

import (
	"testing"

	"github.com/retortdb/retort/metadata"
)

// FuzzCanonicalExpr checks that re-spelling SQL text never panics and is
// idempotent, as Normalize needs (it is applied to reflections too).
func FuzzCanonicalExpr(f *testing.F) {
	for _, s := range []string{"length(title) > 0", "(`a` >= 0)", "`a``b` <> 'it''s'", "x in ('a','b')", "'unterminated", "`open", "((a)", "a -> '$.b'", "0.5e10 + .5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := canonicalExpr(s)
		if twice := canonicalExpr(once); twice != once {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, once, twice)
		}
	})
}

// FuzzCanonicalDefault checks defaults and column types the same way.
func FuzzCanonicalDefault(f *testing.F) {
	for _, s := range []string{"NULL", "'x'", "0.00", "current_timestamp(6) on update current_timestamp(6)", "(uuid())", "'it\\'s'", "enum('a','b''c')", "decimal(10,2) unsigned"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, typ := range []metadata.Type{metadata.VarcharType(5), metadata.BooleanType, metadata.NumericType(10, 2), metadata.TimestampType} {
			once := canonicalDefault(s, typ)
			if twice := canonicalDefault(once, typ); twice != once {
				t.Fatalf("%s: not idempotent: %q -> %q -> %q", typ, s, once, twice)
			}
		}
		canonicalType(s)
		parseEnumValues(s)
	})
}
