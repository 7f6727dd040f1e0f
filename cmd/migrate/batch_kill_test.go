package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
)

// batchRows is the table size of TestBatchUpdateKilled: 20,000 in a plain
// go test, RETORT_BATCH_ROWS=1000000 for issue 17's must-show run.
func batchRows(t *testing.T) int {
	n := 20000
	if s := os.Getenv("RETORT_BATCH_ROWS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 100 {
			t.Fatalf("RETORT_BATCH_ROWS=%q: want a count of at least 100", s)
		}
	}
	return n
}

// writeBatchHistory: bb01 fills items(id, n = 0) with rows rows; bb02
// adds one to every n, in 100 batches.
func writeBatchHistory(t *testing.T, p *project, rows int) {
	digits := "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)"
	var from, id []string
	for i, scale := 0, 1; scale < rows; i, scale = i+1, scale*10 {
		from = append(from, fmt.Sprintf("%s d%d", digits, i))
		id = append(id, fmt.Sprintf("%d * d%d.d", scale, i))
	}
	sum := strings.Join(id, " + ")
	files := map[string]string{
		"bb0000000001_items.yaml": fmt.Sprintf(`revision: bb0000000001
down_revision: null
message: items
upgrade:
  - create_table: {name: items, columns: [{name: id, type: bigint, primary_key: true}, {name: "n", type: integer}]}
  - execute:
      postgresql: INSERT INTO items SELECT g, 0 FROM generate_series(1, %d) g
      mysql: INSERT INTO items SELECT %s + 1, 0 FROM %s WHERE %s < %d
downgrade:
  - drop_table: {name: items}
`, rows, sum, strings.Join(from, ", "), sum, rows),
		"bb0000000002_backfill.yaml": fmt.Sprintf(`revision: bb0000000002
down_revision: bb0000000001
message: backfill
upgrade:
  - batch_update: {table: items, set: n = n + 1, batch_size: %d}
downgrade: []
`, max(rows/100, 1)),
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(p.dir, "migrations", "versions", name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBatchUpdateKilled is issue 17's must-show 2: the migrate binary is
// SIGKILLed half way through a batch_update; the rerun resumes after the
// last committed batch and every row is updated exactly once (n = 1). The
// rerun's rate (rows/s) is logged.
func TestBatchUpdateKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildMigrate(t)
	rows := batchRows(t)
	for _, name := range []string{dbtest.DialectPostgres, dbtest.DialectMySQL} {
		t.Run(name, func(t *testing.T) {
			db := dbtest.Open(t, name)
			p := newProject(t, db)
			writeBatchHistory(t, p, rows)
			p.must("upgrade", "bb0000000001")
			cmd := exec.Command(bin, "--config", p.config, "upgrade", "head", "-v")
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(stdout)
			for batches := 0; batches < 50 && sc.Scan(); {
				if strings.Contains(sc.Text(), "UPDATE ") && strings.Contains(sc.Text(), "items") {
					batches++
				}
			}
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()
			done := countWhere(t, db, "n = 1")
			if done == 0 || done >= rows || countWhere(t, db, "n = 0")+done != rows {
				t.Fatalf("after SIGKILL: %d of %d rows updated, want some but not all (and every other row untouched)", done, rows)
			}
			if got := p.current(); got != "bb0000000001" {
				t.Errorf("current after SIGKILL: %q", got)
			}
			_, errs, code := p.run("upgrade", "head")
			if code != 0 {
				t.Fatalf("rerun: exit %d: %s", code, errs)
			}
			if n := countWhere(t, db, "n = 1"); n != rows {
				t.Errorf("after the rerun %d of %d rows have n = 1 (others: %d): not exactly once", n, rows, rows-n)
			}
			if !strings.Contains(errs, "resuming after key") {
				t.Errorf("the rerun did not say it resumed: %s", errs)
			}
			t.Logf("killed with %d of %d rows done; rerun: %s", done, rows, regexp.MustCompile(`batch_update items: [0-9]+ rows in .*`).FindString(errs))
		})
	}
}

// countWhere counts the rows of items matching cond.
func countWhere(t *testing.T, db *dbtest.DB, cond string) int {
	t.Helper()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM items WHERE " + cond).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
