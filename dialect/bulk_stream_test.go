package dialect

import "testing"

func TestAppendTabText(t *testing.T) {
	tests := []struct {
		in        string
		escapeNUL bool
		want      string
	}{
		{"plain café", false, "plain café"},
		{"a\tb\nc\rd\\e", false, `a\tb\nc\rd\\e`},
		{"nul\x00here", true, `nul\0here`},
		{"nul\x00here", false, "nul\x00here"},
	}
	for _, tc := range tests {
		if got := string(AppendTabText(nil, tc.in, tc.escapeNUL)); got != tc.want {
			t.Errorf("AppendTabText(%q, %v) = %q, want %q", tc.in, tc.escapeNUL, got, tc.want)
		}
	}
}
