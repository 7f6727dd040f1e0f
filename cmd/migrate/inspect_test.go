package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/metadata"
)

// TestInspect runs migrate inspect on each database in every format: yaml
// reads back as a schema.yaml, json parses, sql creates the tables, and
// the version table and the excluded table are left out.
func TestInspect(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
		t.Parallel()
		dbtest.Exec(t, db,
			"CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(80) NOT NULL)",
			"CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER REFERENCES authors (id), title VARCHAR(200))",
			"CREATE TABLE migrate_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
			"CREATE TABLE tmp_scratch (id INTEGER PRIMARY KEY)")
		dir := t.TempDir()
		out := mustMigrate(t, dir, "inspect", "--url", db.URL, "--exclude-table", "tmp_*")
		m, err := metadata.Read("inspect.yaml", []byte(out))
		if err != nil {
			t.Fatalf("inspect output is not a schema.yaml: %v\n%s", err, out)
		}
		var names []string
		for _, tb := range m.Tables {
			names = append(names, tb.Name)
		}
		if strings.Join(names, " ") != "authors books" {
			t.Errorf("tables %v, want [authors books]", names)
		}
		js := mustMigrate(t, dir, "inspect", "--url", db.URL, "--format", "json", "--table", "book*")
		var doc struct{ Tables []struct{ Name string } }
		if err := json.Unmarshal([]byte(js), &doc); err != nil || len(doc.Tables) != 1 || doc.Tables[0].Name != "books" {
			t.Errorf("json (%v):\n%s", err, js)
		}
		// books refers to authors, which --table leaves out: warned.
		_, errs, code := migrate(t, dir, "inspect", "--url", db.URL, "--table", "books")
		if code != 0 || !strings.Contains(errs, "warning: reflect: foreign key") {
			t.Errorf("exit %d, stderr %q: want a warning about the key to authors", code, errs)
		}
		ddl := mustMigrate(t, dir, "inspect", "--url", db.URL, "--format", "sql", "--exclude-table", "tmp_*")
		db2 := dbtest.Open(t, db.Dialect)
		dbtest.Exec(t, db2, ddl)
		again := mustMigrate(t, dir, "inspect", "--url", db2.URL)
		if again != out {
			t.Errorf("the sql dump created another schema:\n%s\nwant:\n%s", again, out)
		}
	})
}

// TestInspectErrors checks usage errors (exit 2), and that a failing
// connection's error does not show the password.
func TestInspectErrors(t *testing.T) {
	t.Setenv("DATABASE_URL", "")
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no url", []string{"inspect"}, exitUsage, "pass --url or set DATABASE_URL"},
		{"bad format", []string{"inspect", "--url", "sqlite://", "--format", "text"}, exitUsage, "yaml, sql, json, mermaid or dot"},
		{"bad scheme", []string{"inspect", "--url", "oracle://u:hunter2@h/db"}, exitUsage, "unknown scheme"},
		{"bad glob", []string{"inspect", "--url", "sqlite://", "--table", "[x"}, exitFailure, "pattern"},
		{"no server", []string{"inspect", "--url", "postgres://u:hunter2@127.0.0.1:1/db?connect_timeout=2"}, exitFailure, "postgres://u:***@127.0.0.1:1/db"},
		{"no server mysql", []string{"inspect", "--url", "mysql://u:hunter2@127.0.0.1:1/db?timeout=2s"}, exitFailure, "mysql://u:***@127.0.0.1:1/db"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, errs, code := migrate(t, dir, tc.args...)
			if code != tc.code || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errs, tc.code, tc.want)
			}
			if strings.Contains(errs, "hunter2") {
				t.Errorf("the password is shown: %s", errs)
			}
		})
	}
	// The root's own --format still checks the other commands.
	if _, errs, code := migrate(t, dir, "heads", "--format", "yaml"); code != exitUsage {
		t.Errorf("heads --format yaml: exit %d, %q", code, errs)
	}
	if _, errs, code := migrate(t, dir, "heads", "--format", "json"); code != exitOK {
		t.Errorf("heads --format json: exit %d, %q", code, errs)
	}
}
