package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
)

// TestGraph draws the branched history of testdata/histories in each
// format: the text is diagram's golden file, the DOT renders.
func TestGraph(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := filepath.Join("..", "..", "testdata", "histories", "branched")
	text := mustMigrate(t, dir, "graph", "--directory", src)
	want, err := os.ReadFile(filepath.Join("..", "..", "diagram", "testdata", "branched.history.text"))
	if err != nil {
		t.Fatal(err)
	}
	// The golden file marks the current revisions; without a database
	// there are none.
	wantText := strings.NewReplacer(", current)", ")").Replace(string(want))
	if text != wantText {
		t.Errorf("migrate graph:\n%s\nwant:\n%s", text, wantText)
	}
	if out := mustMigrate(t, dir, "graph", "--directory", src, "--format", "mermaid"); !strings.HasPrefix(out, "flowchart BT\n") {
		t.Errorf("mermaid output:\n%s", out)
	}
	dot := mustMigrate(t, dir, "graph", "--directory", src, "--format", "dot")
	renderDOT(t, dot)
	if _, errs, code := migrate(t, dir, "graph", "--directory", src, "--format", "json"); code != exitUsage || !strings.Contains(errs, "text, mermaid or dot") {
		t.Errorf("--format json: exit %d, %q; want a usage error", code, errs)
	}
}

// TestInspectDiagram draws Chinook on SQLite as Mermaid and DOT.
func TestInspectDiagram(t *testing.T) {
	t.Parallel()
	db := dbtest.SQLite(t)
	dbtest.LoadSQLFile(t, db, filepath.Join(dbtest.RealWorldDir(t), "chinook.sqlite.sql"))
	dir := t.TempDir()
	mer := mustMigrate(t, dir, "inspect", "--url", db.URL, "--format", "mermaid")
	want, err := os.ReadFile(filepath.Join("..", "..", "diagram", "testdata", "chinook.mermaid"))
	if err != nil {
		t.Fatal(err)
	}
	if mer != string(want) {
		t.Errorf("inspect --format mermaid:\n%s\nwant diagram/testdata/chinook.mermaid:\n%s", mer, want)
	}
	renderDOT(t, mustMigrate(t, dir, "inspect", "--url", db.URL, "--format", "dot"))
}

// renderDOT runs Graphviz on src when dot is installed.
func renderDOT(t *testing.T, src string) {
	t.Helper()
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Log("Graphviz dot is not installed (apt-get install graphviz): DOT output not rendered")
		return
	}
	cmd := exec.Command(dot, "-Tsvg", "-o", os.DevNull)
	cmd.Stdin = strings.NewReader(src)
	if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
		t.Fatalf("dot -Tsvg: %v\n%s", err, out)
	}
}
