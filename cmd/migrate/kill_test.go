package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/dbtest"
)

// slowHistory: r1 creates a table; r2 creates another, then runs a slow
// statement (a sleep, or millions of inserted rows on SQLite).
func writeSlowHistory(t *testing.T, p *project) {
	files := map[string]string{
		"kk0000000001_items.yaml": `revision: kk0000000001
down_revision: null
message: items
upgrade:
  - create_table: {name: items, columns: [{name: id, type: bigint, primary_key: true}]}
downgrade:
  - drop_table: {name: items}
`,
		"kk0000000002_slow.yaml": `revision: kk0000000002
down_revision: kk0000000001
message: slow
upgrade:
  - create_table: {name: big, columns: [{name: n, type: bigint}]}
  - execute:
      postgresql: SELECT pg_sleep(3)
      mysql: SELECT SLEEP(3)
      sqlite: WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 3000000) INSERT INTO big SELECT x FROM c
  - add_column: {table: items, column: {name: done, type: boolean}}
downgrade:
  - drop_column: {table: items, column: done}
  - drop_table: {name: big}
`,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(p.dir, "migrations", "versions", name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// buildMigrate builds the migrate binary once per test.
func buildMigrate(t *testing.T) string {
	bin := filepath.Join(t.TempDir(), "migrate")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestKillDuringRevision is must-show 2: SIGKILL in the middle of a
// revision leaves the database at the previous revision, with schema and
// version row agreeing, and a rerun finishes.
func TestKillDuringRevision(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildMigrate(t)
	for _, name := range []string{dbtest.DialectSQLite, dbtest.DialectPostgres} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			db := dbtest.Open(t, name)
			p := newProject(t, db)
			writeSlowHistory(t, p)
			cmd := exec.Command(bin, "--config", p.config, "upgrade", "head", "-v")
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				if strings.Contains(sc.Text(), "Running upgrade kk0000000001 -> kk0000000002") {
					break
				}
			}
			time.Sleep(400 * time.Millisecond)
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()
			if got := p.current(); got != "kk0000000001" {
				t.Errorf("current after SIGKILL: %q, want kk0000000001", got)
			}
			if got := mustInspectTables(t, p); got != "items,migrate_version" {
				t.Errorf("tables after SIGKILL: %q (the slow revision's table must be rolled back)", got)
			}
			p.must("upgrade", "head")
			if got := p.current(); got != "kk0000000002 (head)" {
				t.Errorf("current after the rerun: %q", got)
			}
		})
	}
}

// TestInterruptDuringRevision: SIGINT (Ctrl-C) in the middle of a
// revision rolls it back, releases the lock and exits 130, in seconds.
func TestInterruptDuringRevision(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildMigrate(t)
	for _, name := range []string{dbtest.DialectSQLite, dbtest.DialectPostgres} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			db := dbtest.Open(t, name)
			p := newProject(t, db)
			writeSlowHistory(t, p)
			cmd := exec.Command(bin, "--config", p.config, "upgrade", "head", "-v")
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				if strings.Contains(sc.Text(), "Running upgrade kk0000000001 -> kk0000000002") {
					break
				}
			}
			time.Sleep(300 * time.Millisecond)
			start := time.Now()
			cmd.Process.Signal(os.Interrupt)
			go func() {
				for sc.Scan() {
				}
			}()
			cmd.Wait()
			if code := cmd.ProcessState.ExitCode(); code != exitInterrupted || !strings.Contains(stderr.String(), "interrupted") {
				t.Errorf("exit %d: %s", code, stderr.String())
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %s to stop", d)
			}
			if got := p.current(); got != "kk0000000001" {
				t.Errorf("current after SIGINT: %q", got)
			}
			if got := mustInspectTables(t, p); got != "items,migrate_version" {
				t.Errorf("tables after SIGINT: %q", got)
			}
			// The lock was released: a rerun finishes.
			if _, errs, code := p.run("upgrade", "head", "--url", db.URL); code != 0 {
				t.Errorf("rerun: exit %d %s", code, errs)
			}
		})
	}
}
