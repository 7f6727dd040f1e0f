package sqlite

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestLexQuoted checks the unquoting of identifiers and strings, with and
// without doubled quotes (the fast path slices the source, the other
// copies), and the end offsets the parser copies expressions by.
func TestLexQuoted(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []token
	}{
		{"plain identifier", `"abc" x`, []token{{tokQuoted, "abc", 0, 5}, {tokWord, "x", 6, 7}}},
		{"empty identifier", `""`, []token{{tokQuoted, "", 0, 2}}},
		{"doubled quote", `"a""b"`, []token{{tokQuoted, `a"b`, 0, 6}}},
		{"only a quote", `""""`, []token{{tokQuoted, `"`, 0, 4}}},
		{"doubled quote at the end", `"a"""`, []token{{tokQuoted, `a"`, 0, 5}}},
		{"string", `'it''s', 'x'`, []token{{tokString, "it's", 0, 7}, {tokPunct, ",", 7, 8}, {tokString, "x", 9, 12}}},
		{"backticks", "`a`", []token{{tokQuoted, "a", 0, 3}}},
		{"blob", `X'00ff'`, []token{{tokBlob, "00ff", 0, 7}}},
		{"unterminated", `"abc`, []token{{tokQuoted, "abc", 0, 4}}},
		{"unterminated after a doubled quote", `'a''`, []token{{tokString, "a'", 0, 4}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, lex(tc.src))
		})
	}
}
