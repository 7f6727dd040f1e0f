package retort_test

import (
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/dbtest"
)

// lockedHistory: r1 makes a table and a log; r2, with lock_timeout 500ms
// and 10 retries, logs a row and then alters the table, which a blocker
// holds; mode is appended to the add_column op (", algorithm: INPLACE").
func lockedHistory(mode string) fstest.MapFS {
	return fstest.MapFS{
		"versions/r1_t.yaml": {Data: []byte(`revision: r1
down_revision: null
upgrade:
  - create_table: {name: items, columns: [{name: id, type: bigint, primary_key: true}]}
  - create_table: {name: runs, columns: [{name: note, type: varchar(20)}]}
  - bulk_insert: {table: items, rows: [{id: 1}, {id: 2}]}
`)},
		"versions/r2_t.yaml": {Data: []byte(`revision: r2
down_revision: r1
lock_timeout: 500ms
lock_retries: 10
retry_backoff: 100ms
upgrade:
  - bulk_insert: {table: runs, rows: [{note: r2}]}
  - add_column: {table: items, column: {name: price, type: integer}` + mode + `}
`)},
	}
}

// TestLockTimeoutRetry (issue 17 must-show 3): a blocker holds a lock on
// the table for 3 s; the revision's statement gives up after lock_timeout
// and is retried, each retry reported, until the blocker ends; the
// revision then succeeds. On PostgreSQL the transaction is rolled back and
// retried whole; on MariaDB, whose DDL commits, only the ALTER that timed
// out runs again: either way the log row of r2 is written exactly once.
func TestLockTimeoutRetry(t *testing.T) {
	for _, tc := range []struct{ test, name, mode, retried string }{
		{"postgres", dbtest.DialectPostgres, "", "ADD COLUMN"},
		{"mysql", dbtest.DialectMySQL, "", "ADD COLUMN"},
		// MariaDB probes an online change's lock first (LockWaitProber):
		// the probe gives up, not the ALTER, which never queues.
		{"mysql online", dbtest.DialectMySQL, ", algorithm: INPLACE, lock: NONE", "ADD COLUMN `price` int, ALGORITHM=INPLAC ... (its lock probe)"},
	} {
		name := tc.name
		t.Run(tc.test, func(t *testing.T) {
			db := dbtest.Open(t, name)
			var mu sync.Mutex
			var retries []retort.Event
			var notices []string
			r := newRunner(t, db, lockedHistory(tc.mode), func(o *retort.Options) {
				o.Events = func(e retort.Event) {
					mu.Lock()
					defer mu.Unlock()
					switch e.Kind {
					case retort.Retry:
						retries = append(retries, e)
						t.Log(e.Message)
					case retort.Notice:
						notices = append(notices, e.Message)
					}
				}
			})
			if err := r.Upgrade(ctx(t), "r1"); err != nil {
				t.Fatal(err)
			}
			release := hold(t, db, "items", 3*time.Second)
			err := r.Upgrade(ctx(t), "head")
			if berr := release(); berr != nil {
				t.Fatal(berr)
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(retries) == 0 {
				t.Fatal("no retry reported: the blocker did not block the ALTER")
			}
			for i, e := range retries {
				if e.Attempt != i+1 || e.Revision != "r2" || !strings.Contains(e.Message, tc.retried) || !strings.Contains(e.Message, "gave up waiting for its lock") {
					t.Errorf("retry %d: %+v", i+1, e)
				}
			}
			if got := heads(t, r); got != "r2" {
				t.Errorf("heads %s, want r2", got)
			}
			if n := count(t, db, "runs"); n != 1 {
				t.Errorf("%d log rows, want 1: a statement that had run was run again", n)
			}
			var price any
			if err := db.QueryRow("SELECT price FROM items WHERE id = 1").Scan(&price); err != nil {
				t.Errorf("the new column: %v", err)
			}
			if name == dbtest.DialectMySQL && !strings.Contains(strings.Join(notices, "\n"), "whole seconds") {
				t.Errorf("no notice that 500ms is rounded to a second on MySQL: %q", notices)
			}
			t.Logf("%d retries", len(retries))
		})
	}
}

// hold reads table in an open transaction on a connection of its own,
// which holds a shared lock on it (PostgreSQL ACCESS SHARE, MySQL's shared
// metadata lock) until the transaction ends after d; release waits for
// that and reports the blocker's error.
func hold(t *testing.T, db *dbtest.DB, table string, d time.Duration) (release func() error) {
	t.Helper()
	tx, err := db.BeginTx(ctx(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := tx.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		tx.Rollback()
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		time.Sleep(d)
		done <- tx.Commit()
	}()
	return func() error { return <-done }
}
