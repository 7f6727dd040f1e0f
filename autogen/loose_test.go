package autogen

import "testing"

func TestLooseSQL(t *testing.T) {
	tests := []struct{ a, b string }{
		{"price >= 0", "(price >= (0)::numeric)"},
		{"capacity > -1000", "(capacity > '-1000'::integer)"},
		{"length(title) > 0", "(length((title)::text) > 0)"},
		{`"Name" <> ''`, "(name <> ''::text)"},
	}
	for _, tc := range tests {
		if looseSQL(tc.a) != looseSQL(tc.b) {
			t.Errorf("%q and %q: %q != %q", tc.a, tc.b, looseSQL(tc.a), looseSQL(tc.b))
		}
	}
	if looseSQL("price > 0") == looseSQL("price > 1") {
		t.Error("different checks compare equal")
	}
}
