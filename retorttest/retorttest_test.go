package retorttest_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	_ "github.com/retortdb/retort/dialect/mysql"
	_ "github.com/retortdb/retort/dialect/postgres"
	_ "github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/retorttest"
)

// TestRun is the three-line use, on SQLite, PostgreSQL and MySQL.
func TestRun(t *testing.T) {
	app := os.DirFS("testdata/app")
	t.Run("sqlite", func(t *testing.T) {
		retorttest.Run(t, retorttest.Options{Schema: "testdata/app/schema.yaml", Migrations: app, Directory: "migrations/versions"})
	})
	t.Run("postgres", func(t *testing.T) {
		db := dbtest.Postgres(t)
		retorttest.Run(t, retorttest.Options{URL: db.URL, Schema: "testdata/app/schema.yaml", Migrations: app, Directory: "migrations/versions"})
	})
	t.Run("mysql", func(t *testing.T) {
		db := dbtest.MySQL(t)
		retorttest.Run(t, retorttest.Options{URL: db.URL, Schema: "testdata/app/schema.yaml", Migrations: app, Directory: "migrations/versions"})
	})
}

const createUsers = `revision: aaaa00000001
down_revision: null
message: create users
upgrade:
  - create_table:
      name: users
      columns:
        - {name: id, type: bigint, primary_key: true, autoincrement: true}
`

// TestVerifyFails checks that each broken promise is caught, named, and
// that a database that is not empty is refused untouched.
func TestVerifyFails(t *testing.T) {
	dir := t.TempDir()
	schema := filepath.Join(dir, "schema.yaml")
	if err := os.WriteFile(schema, []byte("tables:\n  - name: users\n    columns:\n      - {name: id, type: bigint, primary_key: true, autoincrement: true}\n      - {name: email, type: text}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		files fstest.MapFS
		want  []string
	}{
		{"schema differs", fstest.MapFS{"versions/aaaa00000001_create_users.yaml": {Data: []byte(createUsers)}},
			[]string{"after the first upgrade to heads", "does not match", "email"}},
		{"downgrade keeps a table", fstest.MapFS{"versions/aaaa00000001_create_users.yaml": {Data: []byte(
			strings.Replace(createUsers, "upgrade:\n", "downgrade: []\nupgrade:\n", 1) + "        - {name: email, type: text}\n")}},
			[]string{"downgrade to base left table users behind"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			url := "sqlite:///" + filepath.ToSlash(filepath.Join(t.TempDir(), "t.db"))
			err := retorttest.Verify(context.Background(), retorttest.Options{URL: url, Schema: schema, Migrations: tc.files})
			for _, w := range tc.want {
				if err == nil || !strings.Contains(err.Error(), w) {
					t.Fatalf("got %v, want an error containing %q", err, w)
				}
			}
		})
	}
	t.Run("not empty", func(t *testing.T) {
		db := dbtest.SQLite(t)
		dbtest.Exec(t, db, "CREATE TABLE keep_me (id INTEGER PRIMARY KEY)")
		err := retorttest.Verify(context.Background(), retorttest.Options{URL: db.URL, Schema: schema,
			Migrations: fstest.MapFS{"versions/aaaa00000001_create_users.yaml": {Data: []byte(createUsers)}}})
		if err == nil || !strings.Contains(err.Error(), "not empty (table keep_me)") {
			t.Fatalf("got %v, want a refusal naming keep_me", err)
		}
		var n int
		if err := db.DB.QueryRow("SELECT count(*) FROM keep_me").Scan(&n); err != nil {
			t.Fatalf("keep_me is gone: %v", err)
		}
	})
}
