package main

import (
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUpgradeAll: upgrade --all over a glob of SQLite files with one
// broken file: a summary row per target, the broken one FAILED and named
// on stderr, exit 1; the others at head (current --all --format json).
func TestUpgradeAll(t *testing.T) {
	dir, must := fleetProject(t)
	for _, n := range []string{"t1", "t2", "t3", "t4"} {
		must(os.WriteFile(filepath.Join(dir, "tenants", n+".db"), nil, 0o644))
	}
	must(os.WriteFile(filepath.Join(dir, "tenants", "t3.db"), []byte("not a database"), 0o644))
	cfg := filepath.Join(dir, "migrate.yaml")
	must(os.WriteFile(cfg, []byte("targets:\n  - sqlite:///tenants/*.db\n"), 0o644))

	out, errs, code := migrate(t, dir, "--config", cfg, "upgrade", "head", "--all", "--parallel", "3")
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 || !strings.HasPrefix(lines[0], "TARGET") {
		t.Fatalf("summary:\n%s", out)
	}
	for _, l := range lines[1:] {
		want := "ok"
		if strings.Contains(l, "t3.db") {
			want = "FAILED"
		}
		if !strings.HasSuffix(l, want) {
			t.Errorf("row %q, want %s", l, want)
		}
	}
	if !strings.Contains(errs, "t3.db") || !strings.Contains(errs, "1 of 4 targets failed") {
		t.Errorf("stderr: %s", errs)
	}

	out = mustCurrentAll(t, dir, cfg)
	var rows []fleetJSON
	must(json.Unmarshal([]byte(out), &rows))
	for _, r := range rows {
		if !strings.Contains(r.Target, "t3.db") && (r.Result != "ok" || len(r.From) != 1 || r.From[0] != "a1") {
			t.Errorf("%+v", r)
		}
	}

	if _, errs, code := migrate(t, dir, "--config", cfg, "upgrade", "--all", "--url", "sqlite:///x.db"); code != 2 {
		t.Errorf("--all with --url: exit %d (%s), want a usage error", code, errs)
	}
}

// fleetProject is a project folder with one revision (a1, table items)
// and an empty tenants folder, and a must that fails t on an error.
func fleetProject(t *testing.T) (string, func(error)) {
	t.Helper()
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "migrations", "versions"), 0o755))
	must(os.MkdirAll(filepath.Join(dir, "tenants"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "migrations", "versions", "a1_init.yaml"), []byte(
		"revision: a1\ndown_revision: null\nmessage: init\nupgrade:\n"+
			"  - create_table: {name: items, columns: [{name: id, type: integer, primary_key: true}]}\n"+
			"downgrade:\n  - drop_table: {name: items}\n"), 0o644))
	return dir, must
}

func mustCurrentAll(t *testing.T, dir, cfg string) string {
	t.Helper()
	out, errs, code := migrate(t, dir, "--config", cfg, "--format", "json", "current", "--all")
	if code != 1 { // t3.db is still broken
		t.Fatalf("current --all: exit %d: %s", code, errs)
	}
	return out
}

// TestCheckAll: check --all over a glob of SQLite files: one at head and
// equal, one drifted, one not at head; the summary names each, exit 1;
// with every tenant equal and at head it exits 0.
func TestCheckAll(t *testing.T) {
	dir, must := fleetProject(t)
	must(os.WriteFile(filepath.Join(dir, "schema.yaml"), []byte(
		"tables:\n  - name: items\n    columns:\n      - {name: id, type: integer, primary_key: true}\n"), 0o644))
	cfg := filepath.Join(dir, "migrate.yaml")
	must(os.WriteFile(cfg, []byte("schema: schema.yaml\ntargets:\n  - sqlite:///tenants/*.db\n"), 0o644))
	for _, n := range []string{"t1", "t2", "t3"} {
		must(os.WriteFile(filepath.Join(dir, "tenants", n+".db"), nil, 0o644))
	}
	if _, errs, code := migrate(t, dir, "--config", cfg, "upgrade", "head", "--all"); code != 0 {
		t.Fatalf("upgrade --all: exit %d: %s", code, errs)
	}
	if out, errs, code := migrate(t, dir, "--config", cfg, "check", "--all"); code != 0 {
		t.Fatalf("check --all on an equal fleet: exit %d:\n%s%s", code, out, errs)
	}
	db := sqliteDB(t, filepath.Join(dir, "tenants", "t2.db"))
	if _, err := db.Exec("CREATE TABLE extra (x integer)"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("DELETE FROM migrate_version"); err != nil {
		t.Fatal(err)
	}
	db = sqliteDB(t, filepath.Join(dir, "tenants", "t3.db"))
	if _, err := db.Exec("CREATE TABLE extra (x integer)"); err != nil {
		t.Fatal(err)
	}
	out, errs, code := migrate(t, dir, "--config", cfg, "--format", "json", "check", "--all", "--parallel", "2")
	if code != 1 {
		t.Fatalf("check --all: exit %d, want 1:\n%s%s", code, out, errs)
	}
	var rows []fleetJSON
	must(json.Unmarshal([]byte(out), &rows))
	want := map[string]string{"t1.db": "ok", "t2.db": "NOT AT HEAD", "t3.db": "DRIFT (1 changes)"}
	for _, r := range rows {
		if w := want[filepath.Base(r.Target)]; r.Result != w {
			t.Errorf("%s: %s, want %s", r.Target, r.Result, w)
		}
	}
	if len(rows) != 3 || !strings.Contains(errs, "2 of 3 targets differ") {
		t.Errorf("%d rows; stderr: %s", len(rows), errs)
	}
}

// sqliteDB opens the SQLite file at path, closed when t ends.
func sqliteDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
