package autogen_test

import (
	"path/filepath"
	"testing"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/metadata"
)

// TestHandWrittenRealWorld is must-show 4: the real-world schema loaded
// from its own SQL file (written by another tool) against a schema.yaml
// written by hand (testdata/handwritten) in the spellings a person uses:
// no change, no note, offline and online.
func TestHandWrittenRealWorld(t *testing.T) {
	for _, tc := range []struct{ sql, yaml, dialect string }{
		{"chinook.postgresql.sql", "chinook.postgresql.schema.yaml", dbtest.DialectPostgres},
		{"chinook.sqlite.sql", "chinook.schema.yaml", dbtest.DialectSQLite},
		{"chinook.mysql.sql", "chinook.schema.yaml", dbtest.DialectMySQL},
	} {
		t.Run(tc.sql, func(t *testing.T) {
			t.Parallel()
			b := bedOf(tc.dialect)
			db := dbtest.Open(t, tc.dialect)
			if err := loadScript(db, filepath.Join(dbtest.RealWorldDir(t), tc.sql), ""); err != nil {
				t.Fatal(err)
			}
			target, err := metadata.ReadFile(filepath.Join("testdata", "handwritten", tc.yaml))
			if err != nil {
				t.Fatal(err)
			}
			current := inspect(t, b, db, nil)
			off, err := autogen.Compare(target, current, b.d, autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			on, err := autogen.CompareOnline(ctx(t), db.DB, target, current, b.d, autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for mode, res := range map[string]*autogen.Result{"offline": off, "online": on} {
				if len(res.Ops) > 0 || len(res.Notes) > 0 {
					t.Errorf("%s: %d changes:\n%s\nnotes: %v", mode, len(res.Ops), describe(res.Ops), res.Notes)
				}
			}
			t.Logf("%d tables: offline %d changes, online %d changes", len(target.Tables), len(off.Ops), len(on.Ops))
		})
	}
}
