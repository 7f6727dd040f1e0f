package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
)

// TestAutogenerateSequences is issue 22's reproduction on PostgreSQL: a
// target whose new table's default reads a sequence (Roundcube's
// nextval(('filestore_seq'::text)::regclass)) gets the sequence created
// first, and the first INSERT after the upgrade works; a schema.yaml whose
// default reads a sequence it does not declare is refused, naming table,
// column and sequence, and leaves no revision file behind: here a target
// that would drop the sequence a kept default reads.
func TestAutogenerateSequences(t *testing.T) {
	db := dbtest.Open(t, dbtest.DialectPostgres)
	dbtest.Exec(t, db, "CREATE TABLE users (user_id serial PRIMARY KEY)")
	dir := filepath.Join(t.TempDir(), "app")
	var out, errs strings.Builder
	if code := run([]string{"init", dir, "--from-database", "--url", db.URL}, &out, &errs); code != 0 {
		t.Fatalf("init: exit %d: %s%s", code, out.String(), errs.String())
	}
	p := &project{t: t, db: db, dir: dir, config: filepath.Join(dir, "migrate.yaml")}
	dev := dbtest.Open(t, dbtest.DialectPostgres)
	target := filepath.Join(dir, "b.sql")
	write := func(path, text string) {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(target, "CREATE TABLE users (user_id serial PRIMARY KEY);\nCREATE SEQUENCE filestore_seq START WITH 1 INCREMENT BY 1 NO MAXVALUE NO MINVALUE CACHE 1;\n"+
		"CREATE TABLE filestore (file_id integer DEFAULT nextval(('filestore_seq'::text)::regclass) NOT NULL PRIMARY KEY, name text);\n")
	stdout, stderr, code := p.run("revision", "--autogenerate", "-m", "files", "--url", db.URL, "--schema", target, "--dev-url", dev.URL)
	if got := stdout + stderr; code != 0 || !strings.Contains(got, "Detected added sequence 'filestore_seq'") {
		t.Fatalf("autogenerate: exit %d:\n%s", code, got)
	}
	p.must("upgrade", "head", "--url", db.URL)
	dbtest.Exec(t, db, "INSERT INTO filestore (name) VALUES ('a')")
	if got := p.must("check", "--url", db.URL, "--schema", target, "--dev-url", dev.URL); !strings.Contains(got, "No new upgrade operations detected") {
		t.Errorf("check after upgrade:\n%s", got)
	}

	files := func() []string {
		names, err := filepath.Glob(filepath.Join(dir, "versions", "*"))
		if err != nil {
			t.Fatal(err)
		}
		return names
	}
	before := files()
	bad := filepath.Join(dir, "bad.yaml")
	write(bad, "tables:\n  - name: users\n    columns:\n      - {name: user_id, type: integer, primary_key: true, identity: serial}\n"+
		"  - name: filestore\n    columns:\n      - {name: file_id, type: integer, primary_key: true, default: \"nextval('filestore_seq'::regclass)\"}\n      - {name: name, type: text}\n"+
		"  - name: notes\n    columns:\n      - {name: id, type: integer, primary_key: true, default: \"nextval('notes_seq'::regclass)\"}\n")
	stdout, stderr, code = p.run("revision", "--autogenerate", "-m", "notes", "--url", db.URL, "--schema", bad)
	want := `table filestore, column file_id: the default nextval('filestore_seq'::regclass) reads sequence filestore_seq, which the schema does not have`
	if got := stdout + stderr; code == 0 || !strings.Contains(got, want) {
		t.Fatalf("autogenerate of a default without its sequence: exit %d, want the error %q:\n%s", code, want, got)
	}
	if after := files(); len(after) != len(before) {
		t.Errorf("a failed autogenerate left a file: %v, was %v", after, before)
	}
}
