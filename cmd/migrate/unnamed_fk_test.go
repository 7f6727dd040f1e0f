package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
)

// TestUnnamedForeignKeySQLite is issue 22's reproduction: a target that
// adds a foreign key without a name (SQLite's usual spelling) used to fail
// autogenerate ("reverse needs the constraint's name"). The key is
// identified by its columns and referenced table: the revision is written,
// upgrade adds it, check is clean, and downgrade removes it, rows kept.
func TestUnnamedForeignKeySQLite(t *testing.T) {
	db := dbtest.Open(t, dbtest.DialectSQLite)
	dbtest.Exec(t, db, "CREATE TABLE users (user_id integer primary key)")
	dbtest.Exec(t, db, "CREATE TABLE posts (id integer primary key, user_id integer)")
	dbtest.Exec(t, db, "INSERT INTO users VALUES (1)")
	dbtest.Exec(t, db, "INSERT INTO posts VALUES (1, 1)")
	dir := filepath.Join(t.TempDir(), "app")
	var out, errs strings.Builder
	if code := run([]string{"init", dir, "--from-database", "--url", db.URL}, &out, &errs); code != 0 {
		t.Fatalf("init: exit %d: %s%s", code, out.String(), errs.String())
	}
	target := filepath.Join(dir, "b.sql")
	if err := os.WriteFile(target, []byte("CREATE TABLE users (user_id integer primary key);\n"+
		"CREATE TABLE posts (id integer primary key, user_id integer REFERENCES users (user_id) ON DELETE CASCADE);\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := &project{t: t, db: db, dir: dir, config: filepath.Join(dir, "migrate.yaml")}
	stdout, stderr, code := p.run("revision", "--autogenerate", "-m", "fk", "--url", db.URL, "--schema", target)
	if got := stdout + stderr; code != 0 || !strings.Contains(got, "Detected added foreign key (user_id) -> users(user_id) on 'posts'") {
		t.Fatalf("autogenerate: exit %d:\n%s", code, got)
	}
	p.must("upgrade", "head", "--url", db.URL)
	if got := p.must("check", "--url", db.URL, "--schema", target); !strings.Contains(got, "No new upgrade operations detected") {
		t.Errorf("check after upgrade:\n%s", got)
	}
	var fks int
	if err := db.QueryRow("SELECT count(*) FROM pragma_foreign_key_list('posts')").Scan(&fks); err != nil || fks != 1 {
		t.Fatalf("foreign keys of posts after upgrade: %d, %v", fks, err)
	}
	p.must("downgrade", "-1", "--url", db.URL)
	var rows int
	if err := db.QueryRow("SELECT (SELECT count(*) FROM pragma_foreign_key_list('posts')), (SELECT count(*) FROM posts)").Scan(&fks, &rows); err != nil {
		t.Fatal(err)
	}
	if fks != 0 || rows != 1 {
		t.Errorf("after downgrade: %d foreign keys, %d rows; want 0 and 1", fks, rows)
	}
}
