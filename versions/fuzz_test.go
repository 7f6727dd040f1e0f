package versions

import (
	"errors"
	"slices"
	"testing"
)

// FuzzParse feeds arbitrary bytes to the revision-file parsers, as YAML
// and as .sql. A file either parses into a revision with a valid id that
// survives writing and reading back, or fails with a *FileError; it never
// panics. The seed corpus is testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Add([]byte("revision: a1\ndown_revision: null\nupgrade: []\ndowngrade: []\n"), false)
	f.Add([]byte("-- revision: a1\n-- down_revision: none\n-- upgrade\nSELECT 1;\n-- downgrade\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, sql bool) {
		name := "versions/x.yaml"
		if sql {
			name = "versions/x.sql"
		}
		r, err := Parse(name, data)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || !errors.Is(err, ErrInvalidFile) {
				t.Fatalf("error %v (%T) is not a *FileError", err, err)
			}
			return
		}
		if err := ValidateID(r.ID); err != nil {
			t.Fatalf("parsed an invalid id: %v", err)
		}
		out, err := Marshal(r)
		if err != nil {
			return // e.g. SQL that the .sql form cannot hold as written
		}
		back, err := Parse(name, out)
		if err != nil {
			t.Fatalf("reading back %q: %v", out, err)
		}
		if back.ID != r.ID || !slices.Equal(back.DownRevisions, r.DownRevisions) ||
			!slices.Equal(back.BranchLabels, r.BranchLabels) || !slices.Equal(back.DependsOn, r.DependsOn) ||
			back.Transactional != r.Transactional || len(back.Upgrade) != len(r.Upgrade) {
			t.Fatalf("round trip changed the revision:\n%q\nbecame\n%q", data, out)
		}
	})
}
