package main

import (
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

func mustCurrentAll(t *testing.T, dir, cfg string) string {
	t.Helper()
	out, errs, code := migrate(t, dir, "--config", cfg, "--format", "json", "current", "--all")
	if code != 1 { // t3.db is still broken
		t.Fatalf("current --all: exit %d: %s", code, errs)
	}
	return out
}
