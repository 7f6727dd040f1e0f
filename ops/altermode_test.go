package ops_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAlterModeValidate: algorithm: and lock: read in either case and
// become upper case; an unknown value, or concurrently with a mode of its
// own, is an error at its place in the file naming the op and what to
// give.
func TestAlterModeValidate(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"lower case is read", "- add_column: {table: t, column: {name: c, type: integer}, algorithm: instant, lock: none}", ""},
		{"unknown algorithm", "- add_column: {table: t, column: {name: c, type: integer}, algorithm: FAST}",
			`add_column t.c: algorithm "FAST" is not one of INSTANT, INPLACE, COPY, DEFAULT`},
		{"unknown lock", "- drop_index: {name: ix, table: t, lock: light}", `drop_index ix: lock "LIGHT" is not one of NONE, SHARED, EXCLUSIVE, DEFAULT`},
		{"concurrently and a mode", "- create_index: {name: ix, table: t, columns: [c], concurrently: true, lock: NONE}",
			"create_index ix: concurrently: already means ALGORITHM=INPLACE, LOCK=NONE on MySQL/MariaDB; give concurrently or algorithm/lock, not both"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			list, err := decodeText("r.yaml", tc.text)
			if tc.want == "" {
				require.NoError(t, err)
				require.Len(t, list, 1)
				require.Contains(t, encodeText(t, list), "algorithm: INSTANT, lock: NONE")
				return
			}
			require.ErrorContains(t, err, "r.yaml:1:")
			require.ErrorContains(t, err, tc.want)
		})
	}
}
