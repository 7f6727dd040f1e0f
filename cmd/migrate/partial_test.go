package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
)

// writeFailingHistory: p1 creates items; p2's third op of four fails.
func writeFailingHistory(t *testing.T, p *project) {
	files := map[string]string{
		"pp0000000001_items.yaml": `revision: pp0000000001
down_revision: null
message: items
upgrade:
  - create_table: {name: items, columns: [{name: id, type: bigint, primary_key: true}]}
downgrade:
  - drop_table: {name: items}
`,
		"pp0000000002_fails.yaml": `revision: pp0000000002
down_revision: pp0000000001
message: fails at op 3
upgrade:
  - create_table: {name: extra, columns: [{name: id, type: integer}]}
  - add_column: {table: items, column: {name: colour, type: varchar(10)}}
  - execute: {sql: INSERT INTO no_such_table VALUES (1)}
  - create_table: {name: never, columns: [{name: id, type: integer}]}
downgrade:
  - drop_table: {name: never}
  - drop_column: {table: items, column: colour}
  - drop_table: {name: extra}
`,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(p.dir, "migrations", "versions", name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestMySQLPartialFailure is must-show 4 through the command line: ops 1-2
// reported applied, 3-4 not, the version unchanged, the reverse ops
// printed; --compensate brings the schema back to the previous revision.
func TestMySQLPartialFailure(t *testing.T) {
	for _, compensate := range []bool{false, true} {
		t.Run(map[bool]string{false: "report", true: "compensate"}[compensate], func(t *testing.T) {
			t.Parallel()
			db := dbtest.MySQL(t)
			p := newProject(t, db)
			writeFailingHistory(t, p)
			p.must("upgrade", "pp0000000001")
			args := []string{"upgrade", "head"}
			if compensate {
				args = append(args, "--compensate")
			}
			_, errs, code := p.run(args...)
			for _, want := range []string{"revision pp0000000002 failed at op 3 of 4", "applied (committed", "create_table: {name: extra",
				"add_column: {table: items", "not applied:", "execute:", "no_such_table"} {
				if !strings.Contains(errs, want) {
					t.Errorf("stderr lacks %q:\n%s", want, errs)
				}
			}
			if code != 1 {
				t.Errorf("exit %d", code)
			}
			if got := p.current(); got != "pp0000000001" {
				t.Errorf("current %q, want the previous revision", got)
			}
			tables := mustInspectTables(t, p)
			if compensate {
				if !strings.Contains(errs, "compensated") || tables != "items,migrate_version" {
					t.Errorf("after --compensate: tables %s\n%s", tables, errs)
				}
				if out := p.must("inspect", "--url", db.URL); strings.Contains(out, "colour") {
					t.Errorf("the added column survived --compensate:\n%s", out)
				}
				return
			}
			if !strings.Contains(errs, "drop_column") || !strings.Contains(errs, "drop_table: {name: extra") || tables != "extra,items,migrate_version" {
				t.Errorf("reverse ops not printed, or tables %s:\n%s", tables, errs)
			}
		})
	}
}
