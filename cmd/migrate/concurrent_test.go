package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
)

// TestConcurrentProcesses is must-show 3 with processes: eight migrate
// upgrade head at once on one database all exit 0, and the revision that
// inserts a row ran once.
func TestConcurrentProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildMigrate(t)
	for _, name := range dbtest.Dialects {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			db := dbtest.Open(t, name)
			p := newProject(t, db)
			files := map[string]string{
				"ee0000000001_runs.yaml": "revision: ee0000000001\ndown_revision: null\nmessage: runs\nupgrade:\n" +
					"  - create_table: {name: runs, columns: [{name: note, type: varchar(20)}]}\ndowngrade:\n  - drop_table: {name: runs}\n",
				"ee0000000002_insert.yaml": "revision: ee0000000002\ndown_revision: ee0000000001\nmessage: insert\nupgrade:\n" +
					"  - bulk_insert: {table: runs, rows: [{note: once}]}\n  - add_column: {table: runs, column: {name: n, type: integer}}\n" +
					"downgrade:\n  - drop_column: {table: runs, column: {name: n, type: integer}}\n",
				"ee0000000003_more.yaml": "revision: ee0000000003\ndown_revision: ee0000000002\nmessage: more\nupgrade:\n" +
					"  - execute: {sql: \"INSERT INTO runs (note) VALUES ('three')\"}\ndowngrade: []\n",
			}
			for f, text := range files {
				if err := os.WriteFile(filepath.Join(p.dir, "migrations", "versions", f), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var wg sync.WaitGroup
			outs := make([][]byte, 8)
			errs := make([]error, 8)
			for i := range 8 {
				wg.Go(func() {
					outs[i], errs[i] = exec.Command(bin, "--config", p.config, "upgrade", "head").CombinedOutput()
				})
			}
			wg.Wait()
			for i := range 8 {
				if errs[i] != nil {
					t.Errorf("process %d: %v\n%s", i, errs[i], outs[i])
				}
			}
			var once, three int
			db.QueryRow("SELECT count(*) FROM runs WHERE note = 'once'").Scan(&once)
			db.QueryRow("SELECT count(*) FROM runs WHERE note = 'three'").Scan(&three)
			if once != 1 || three != 1 {
				t.Errorf("inserting revisions ran %d and %d times", once, three)
			}
			if got := p.current(); got != "ee0000000003 (head)" {
				t.Errorf("current: %q", got)
			}
		})
	}
}
