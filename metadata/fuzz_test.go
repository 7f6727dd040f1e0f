package metadata

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// fuzzSeeds are small documents for FuzzRead besides the corpus files in
// testdata/fuzz/FuzzRead (which hold the fixture).
var fuzzSeeds = []string{
	"",
	"tables: []",
	"{}",
	"tables:\n  - name: t\n    columns:\n      - {name: id, type: bigint, primary_key: true}\n",
	"enums: {mood: [a, b]}\ntables:\n  - {name: t, columns: [{name: m, type: enum(mood), default: \"'a'\"}]}\n",
	"tables:\n  - name: a\n    columns: [{name: id, type: int, primary_key: true}]\n  - name: b\n    columns: [{name: a_id, type: integer, references: a.id, on_delete: cascade, index: true}]\n",
	`{"tables": [{"name": "x", "columns": [{"name": "y", "type": "text", "nullable": false}]}]}`,
	"naming_convention: {ix: 'i_%(column_0_N_name)s'}\ntables: [{name: t, columns: [{name: c, type: text, unique: true}], indexes: [{columns: [c]}]}]\n",
}

// FuzzRead checks that Read never panics, and that a model it accepts
// survives Write and Read unchanged, in both YAML and JSON.
func FuzzRead(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Read("fuzz.yaml", data)
		if err != nil {
			return
		}
		for _, write := range []func(*MetaData) ([]byte, error){Write, WriteJSON} {
			out, err := write(m)
			require.NoError(t, err)
			back, err := Read("written.yaml", out)
			require.NoError(t, err, "written:\n%s", out)
			require.Equal(t, m, back, "written:\n%s", out)
		}
	})
}

// writeSeed stores data as a corpus file of FuzzRead, for -update.
func writeSeed(t *testing.T, name string, data []byte) {
	dir := filepath.Join("testdata", "fuzz", "FuzzRead")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	seed := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", data)
	require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(seed), 0o644))
}
