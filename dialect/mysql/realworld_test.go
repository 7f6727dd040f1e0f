package mysql

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
)

// TestRealWorld loads each MySQL schema of testdata/realworld, inspects
// it, creates the inspected model in a second database and inspects that:
// the two inspections must be equal (issue 4's must-show 5 for MySQL).
func TestRealWorld(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(dbtest.RealWorldDir(t), "*.mysql.sql"))
	if len(files) == 0 {
		t.Fatalf("no *.mysql.sql in %s", dbtest.RealWorldDir(t))
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			t.Parallel()
			src := dbtest.MySQL(t)
			dbtest.LoadSQLFile(t, src, requalify(t, path, src.Name))
			first := inspect(t, src)
			for _, w := range first.Warnings {
				t.Log(w)
			}
			dst := dbtest.MySQL(t)
			run(t, dst, metadata.New(), dialect.CreateOps(first.MetaData)...)
			second := inspect(t, dst)
			dialecttest.AssertSchema(t, testDialect, first.MetaData, second.MetaData)
			requireSameSchema(t, first.MetaData, second.MetaData)
		})
	}
}

// requalify returns a copy of the script at path with Sakila's hard-coded
// "sakila." qualifiers pointing at the test's database instead.
func requalify(t *testing.T, path, db string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), filepath.Base(path))
	text := strings.ReplaceAll(string(b), "sakila.", testDialect.QuoteIdent(db)+".")
	if err := os.WriteFile(out, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}
