package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
)

// TestLintCommand runs migrate lint on a revision that rewrites a table:
// exit 1 at the default --fail-on error, a workflow annotation with
// --format github, exit 0 with --fail-on none, and the rule silenced by
// the revision's lint: {ignore: [...]} key.
func TestLintCommand(t *testing.T) {
	dev := dbtest.Postgres(t)
	dir := t.TempDir()
	vdir := filepath.Join(dir, "migrations", "versions")
	os.MkdirAll(vdir, 0o755)
	os.WriteFile(filepath.Join(vdir, "1.yaml"), []byte(`revision: "000000000001"
down_revision: null
upgrade:
  - create_table: {name: t, columns: [{name: id, type: bigint, primary_key: true}, {name: a, type: integer}]}
downgrade: []
`), 0o644)
	second := `revision: "000000000002"
down_revision: "000000000001"
%s
upgrade:
  - alter_column: {table: t, column: a, type: bigint, existing_type: integer}
downgrade: []
`
	os.WriteFile(filepath.Join(vdir, "2.yaml"), []byte(strings.Replace(second, "%s\n", "", 1)), 0o644)
	out, errs, code := migrate(t, dir, "lint", "--base", "000000000001", "--dev-url", dev.URL, "--format", "github")
	if code != 1 || !strings.Contains(out, "::error file="+filepath.Join(dir, "migrations")+"/versions/2.yaml,line=4,title=table-rewrite::") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	if _, errs, code := migrate(t, dir, "lint", "--base", "000000000001", "--dev-url", dev.URL, "--fail-on", "none"); code != 0 {
		t.Fatalf("--fail-on none: exit %d: %s", code, errs)
	}
	os.WriteFile(filepath.Join(vdir, "2.yaml"), []byte(strings.Replace(second, "%s", "lint: {ignore: [table-rewrite]}", 1)), 0o644)
	if out, errs, code := migrate(t, dir, "lint", "--base", "000000000001", "--dev-url", dev.URL); code != 0 || strings.Contains(out, "table-rewrite") {
		t.Fatalf("ignored: exit %d\n%s\n%s", code, out, errs)
	}
}
