package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRevisionOnline: revision --autogenerate --online --offline on
// PostgreSQL writes the chained stages (the changes, the index built
// concurrently outside a transaction, the validation), the first with
// --rev-id; --online without --autogenerate is a usage error; SQLite has
// no online forms.
func TestRevisionOnline(t *testing.T) {
	dir := t.TempDir()
	schema := filepath.Join(dir, "schema.yaml")
	base := "tables:\n  - name: teams\n    columns: [{name: id, type: bigint, primary_key: true}]\n" +
		"  - name: items\n    columns: [{name: id, type: bigint, primary_key: true}, {name: team_id, type: bigint}]\n"
	pg := "postgres://u@localhost/db"
	write := func(s string) {
		if err := os.WriteFile(schema, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(base)
	mustMigrate(t, dir, "revision", "--autogenerate", "--offline", "--url", pg, "--schema", schema, "-m", "base", "--rev-id", "r0")
	write(base + "    indexes: [{name: ix_items_team, columns: [team_id]}]\n" +
		"    foreign_keys: [{name: fk_items_team, columns: [team_id], ref_table: teams, ref_columns: [id]}]\n")
	out := mustMigrate(t, dir, "revision", "--autogenerate", "--offline", "--online", "--url", pg, "--schema", schema, "-m", "team", "--rev-id", "r1")
	if n := strings.Count(out, "Generating "); n != 3 {
		t.Fatalf("%d revisions written, want 3:\n%s", n, out)
	}
	history := mustMigrate(t, dir, "history")
	for _, want := range []string{"r0 -> r1, team (online 1/3: the changes)", "team (online 2/3: build indexes concurrently)", "team (online 3/3: validate constraints)"} {
		if !strings.Contains(history, want) {
			t.Errorf("history lacks %q:\n%s", want, history)
		}
	}
	if got := mustMigrate(t, dir, "heads"); strings.Count(got, "(head)") != 1 {
		t.Errorf("heads:\n%s", got)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "migrations", "versions", "*.yaml"))
	var all strings.Builder
	for _, f := range files {
		b, _ := os.ReadFile(f)
		all.Write(b)
	}
	for _, want := range []string{"not_valid: true", "concurrently: true", "transactional: false", "validate_constraint:"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("the revisions lack %q", want)
		}
	}
	if _, errs, code := migrate(t, dir, "revision", "--online", "-m", "x"); code != 2 || !strings.Contains(errs, "give both") {
		t.Errorf("--online alone: exit %d, %s", code, errs)
	}
	if _, errs, code := migrate(t, dir, "revision", "--autogenerate", "--offline", "--online", "--url", "sqlite://", "--schema", schema, "-m", "x"); code != 1 || !strings.Contains(errs, "no online forms") {
		t.Errorf("--online on SQLite: exit %d, %s", code, errs)
	}
}
