package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
)

// TestDerivedDowngradeShown: show, history -v and check say which
// revisions have a derived downgrade (no downgrade: key) and which of
// those would refuse.
func TestDerivedDowngradeShown(t *testing.T) {
	db := dbtest.SQLite(t)
	p := newProject(t, db)
	p.schema("tables:\n  - name: x\n    columns:\n      - {name: id, type: bigint, primary_key: true}\n")
	dir := filepath.Join(p.dir, "migrations", "versions")
	files := map[string]string{
		"a1_x.yaml":    "revision: a1\ndown_revision: null\nmessage: x\nupgrade:\n  - create_table: {name: x, columns: [{name: id, type: bigint, primary_key: true}]}\n",
		"a2_seed.yaml": "revision: a2\ndown_revision: a1\nmessage: seed\nupgrade:\n  - execute: {sql: \"DELETE FROM x\"}\n",
		"a3_none.yaml": "revision: a3\ndown_revision: a2\nmessage: none\nupgrade:\n  - bulk_insert: {table: x, rows: [{id: 1}]}\ndowngrade: []\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out := p.must("show", "a1"); !strings.Contains(out, "Downgrade: derived (no downgrade: key): the reverse of the upgrade") {
		t.Errorf("show a1:\n%s", out)
	}
	if out := p.must("show", "a3"); strings.Contains(out, "Downgrade:") {
		t.Errorf("show a3 (downgrade: []):\n%s", out)
	}
	out := p.must("history", "-v")
	if !strings.Contains(out, "refused: versions/a2_seed.yaml:5: revision a2 has no downgrade: key, and op 1 (execute:") ||
		strings.Count(out, "Downgrade: derived") != 2 {
		t.Errorf("history -v:\n%s", out)
	}
	_, errs, _ := p.run(append([]string{"check"}, p.at()...)...)
	if !strings.Contains(errs, "note: revision a1") || !strings.Contains(errs, "note: revision a2") || strings.Contains(errs, "revision a3") {
		t.Errorf("check's notes:\n%s", errs)
	}
}
