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
)

// basic is testdata's three-revision history: two tables, a column and
// an index, and a revision that inserts a row (which proves it ran once).
func basic() fs.FS { return os.DirFS("testdata") }

func ctx(t testing.TB) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return c
}

// writeTemp writes a migrate.yaml of text into a temp folder.
func writeTemp(t *testing.T, text string) string {
	p := filepath.Join(t.TempDir(), "migrate.yaml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
