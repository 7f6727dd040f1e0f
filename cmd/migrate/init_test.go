package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
)

func TestInitRefusesToOverwrite(t *testing.T) {
	for _, existing := range []string{"migrate.yaml", "schema.yaml", "migrations/versions"} {
		t.Run(existing, func(t *testing.T) {
			dir := t.TempDir()
			os.MkdirAll(filepath.Join(dir, filepath.Dir(existing)), 0o755)
			if strings.HasSuffix(existing, ".yaml") {
				os.WriteFile(filepath.Join(dir, existing), []byte("keep: me\n"), 0o644)
			} else {
				os.MkdirAll(filepath.Join(dir, existing), 0o755)
			}
			var out, errs strings.Builder
			if code := run([]string{"init", dir}, &out, &errs); code != 1 || !strings.Contains(errs.String(), "already exists") {
				t.Fatalf("exit %d: %s", code, errs.String())
			}
			if _, err := os.Stat(filepath.Join(dir, "migrate.yaml")); existing != "migrate.yaml" && err == nil {
				t.Error("init wrote migrate.yaml before refusing")
			}
		})
	}
}

// TestInitFromDatabase adopts a database with a table: schema.yaml from
// inspect, a baseline revision, the database stamped at it, check clean.
func TestInitFromDatabase(t *testing.T) {
	for _, name := range dbtest.Dialects {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			db := dbtest.Open(t, name)
			dbtest.Exec(t, db, "CREATE TABLE accounts (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40))")
			dir := filepath.Join(t.TempDir(), "app")
			var out, errs strings.Builder
			if code := run([]string{"init", dir, "--from-database", "--url", db.URL}, &out, &errs); code != 0 {
				t.Fatalf("exit %d: %s%s", code, out.String(), errs.String())
			}
			p := &project{t: t, db: db, dir: dir, config: filepath.Join(dir, "migrate.yaml")}
			if got := p.current(); !strings.HasSuffix(got, "(head)") {
				t.Errorf("current after adoption: %q", got)
			}
			p.checkClean()
			schema, _ := os.ReadFile(filepath.Join(dir, "schema.yaml"))
			if !strings.Contains(string(schema), "accounts") {
				t.Errorf("schema.yaml:\n%s", schema)
			}
		})
	}
}
