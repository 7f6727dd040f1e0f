package fleet_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/retortdb/retort/dialect/mysql"
	_ "github.com/retortdb/retort/dialect/postgres"
	_ "github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/internal/dbtest"
)

// basic is testdata's three-revision history: two tables, a column and
// an index, and a revision that inserts a row (which proves it ran once).
func basic() fs.FS { return os.DirFS("testdata") }

func ctx(t testing.TB) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return c
}

// count counts a table's rows.
func count(t testing.TB, db *dbtest.DB, table string) int {
	t.Helper()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// writeTemp writes a migrate.yaml of text into a temp folder.
func writeTemp(t *testing.T, text string) string {
	p := filepath.Join(t.TempDir(), "migrate.yaml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
