package retort_test

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
)

func TestUpgradeDowngrade(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
		t.Parallel()
		r := newRunner(t, db, basic())
		steps := []struct {
			name, dir, target, heads, tables string
		}{
			{"to head", "up", "head", "r3", "items,migrate_version,runs"},
			{"down one", "down", "-1", "r2", "items,migrate_version"},
			{"again to head", "up", "head", "r3", "items,migrate_version,runs"},
			{"to base", "down", "base", "", "migrate_version"},
			{"up two", "up", "+2", "r2", "items,migrate_version"},
			{"nothing to do", "up", "r2", "r2", "items,migrate_version"},
		}
		for _, s := range steps {
			var err error
			if s.dir == "up" {
				err = r.Upgrade(ctx(t), s.target)
			} else {
				err = r.Downgrade(ctx(t), s.target)
			}
			if err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			if got := heads(t, r); got != s.heads {
				t.Errorf("%s: heads %q, want %q", s.name, got, s.heads)
			}
			if got := tables(t, db); got != s.tables {
				t.Errorf("%s: tables %q, want %q", s.name, got, s.tables)
			}
		}
	})
}

// TestConcurrentUpgrade is must-show 3: eight runners, each with its own
// pool, upgrade one database at once; every revision runs once.
func TestConcurrentUpgrade(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
		t.Parallel()
		const n = 8
		runners := make([]*retort.Runner, n)
		for i := range runners {
			runners[i] = newRunner(t, db, basic())
		}
		var wg sync.WaitGroup
		errs := make([]error, n)
		for i, r := range runners {
			wg.Go(func() { errs[i] = r.Upgrade(ctx(t), "head") })
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("runner %d: %v", i, err)
			}
		}
		if got := count(t, db, "runs"); got != 1 {
			t.Errorf("the inserting revision ran %d times", got)
		}
		if got := heads(t, runners[0]); got != "r3" {
			t.Errorf("heads %q", got)
		}
	})
}

// holdLock takes the migration lock from another session until the test ends.
func holdLock(t *testing.T, db *dbtest.DB) {
	sdb, d := openDB(t, db)
	conn, err := sdb.Conn(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if db.Dialect == dbtest.DialectSQLite {
		// SQLite's lock is the write transaction itself.
		if _, err := conn.ExecContext(ctx(t), "BEGIN IMMEDIATE"); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.ExecContext(context.Background(), "ROLLBACK") })
		return
	}
	name := "retort:migrate_version"
	if s, ok := d.(dialect.LockScoper); ok { // the runner's lock names the version table's schema
		scope, err := s.LockScope(ctx(t), conn)
		if err != nil {
			t.Fatal(err)
		}
		name = "retort:" + scope + ".migrate_version"
	}
	if err := d.(dialect.Locker).Lock(ctx(t), conn, name, time.Second); err != nil {
		t.Fatal(err)
	}
}

func TestLockTimeout(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
		t.Parallel()
		r := newRunner(t, db, basic(), func(o *retort.Options) { o.LockTimeout = 300 * time.Millisecond })
		if err := r.Upgrade(ctx(t), "r1"); err != nil {
			t.Fatal(err)
		}
		holdLock(t, db)
		start := time.Now()
		err := r.Upgrade(ctx(t), "head")
		if !errors.Is(err, retort.ErrLocked) || !errors.Is(err, dialect.ErrLockTimeout) {
			t.Fatalf("got %v, want ErrLocked", err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("waited %s for a 300ms lock timeout", d)
		}
	})
}

// failing is basic's first revision, then one whose third op fails.
func failing() map[string]rev {
	return map[string]rev{
		"r2": {id: "r2", down: "r1",
			upgrade: "- create_table: {name: extra, columns: [{name: id, type: integer}]}\n" +
				"- add_column: {table: items, column: {name: colour, type: varchar(10)}}\n" +
				"- execute: {sql: INSERT INTO no_such_table VALUES (1)}\n" +
				"- create_table: {name: never, columns: [{name: id, type: integer}]}",
			downgrade: "- drop_table: {name: never}\n- drop_column: {table: items, column: colour}\n- drop_table: {name: extra}"},
	}
}

// TestFailure: a failing revision rolls back where DDL is transactional;
// on MySQL it is a PartialError (must-show 4), and Compensate undoes ops 1-2.
func TestFailure(t *testing.T) {
	for _, compensate := range []bool{false, true} {
		t.Run(map[bool]string{false: "report", true: "compensate"}[compensate], func(t *testing.T) {
			dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
				t.Parallel()
				fsys := history(rev{id: "r1",
					upgrade:   `- create_table: {name: items, columns: [{name: id, type: bigint, primary_key: true}]}`,
					downgrade: `- drop_table: {name: items}`}, failing()["r2"])
				r := newRunner(t, db, fsys, func(o *retort.Options) { o.Compensate = compensate })
				err := r.Upgrade(ctx(t), "head")
				if got := heads(t, r); got != "r1" {
					t.Errorf("heads %q after a failure, want r1", got)
				}
				var se *retort.StatementError
				if !errors.As(err, &se) || !strings.Contains(se.SQL, "no_such_table") {
					t.Errorf("error %v does not carry the statement", err)
				}
				if db.Dialect != dbtest.DialectMySQL {
					if got := tables(t, db); got != "items,migrate_version" {
						t.Errorf("tables after rollback: %s", got)
					}
					return
				}
				var pe *retort.PartialError
				if !errors.As(err, &pe) {
					t.Fatalf("got %T %v, want *PartialError", err, err)
				}
				if len(pe.Applied) != 2 || len(pe.Failed) != 2 || pe.Revision != "r2" {
					t.Errorf("applied %d, failed %d, want 2 and 2", len(pe.Applied), len(pe.Failed))
				}
				if !strings.Contains(err.Error(), "failed at op 3 of 4") {
					t.Errorf("message: %v", err)
				}
				want := "extra,items,migrate_version"
				if compensate {
					want = "items,migrate_version"
					if !pe.Compensated {
						t.Errorf("not compensated: %v", pe.CompensateErr)
					}
				}
				if got := tables(t, db); got != want {
					t.Errorf("tables: %s, want %s", got, want)
				}
			})
		})
	}
}

var blockCalls atomic.Bool

func init() {
	retort.Register("test_seed", func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "INSERT INTO runs (note) VALUES ('call')")
		return err
	})
	retort.Register("test_block", func(ctx context.Context, tx *sql.Tx) error {
		if blockCalls.Load() {
			<-ctx.Done()
			return ctx.Err()
		}
		return nil
	})
}

func TestCallOp(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
		t.Parallel()
		fsys := history(rev{id: "c1",
			upgrade:   "- create_table: {name: runs, columns: [{name: note, type: varchar(20)}]}\n- call: test_seed",
			downgrade: `- drop_table: {name: runs}`})
		r := newRunner(t, db, fsys)
		if err := r.Upgrade(ctx(t), "head"); err != nil {
			t.Fatal(err)
		}
		if got := count(t, db, "runs"); got != 1 {
			t.Errorf("call ran %d times", got)
		}
	})
}

// TestCancel: an interrupted revision rolls back and the lock is released.
func TestCancel(t *testing.T) {
	for _, name := range []string{dbtest.DialectSQLite, dbtest.DialectPostgres} {
		t.Run(name, func(t *testing.T) {
			db := dbtest.Open(t, name)
			fsys := history(rev{id: "k1",
				upgrade:   "- create_table: {name: runs, columns: [{name: note, type: varchar(20)}]}\n- call: test_block",
				downgrade: `- drop_table: {name: runs}`})
			r := newRunner(t, db, fsys)
			blockCalls.Store(true)
			c, cancel := context.WithTimeout(ctx(t), 300*time.Millisecond)
			defer cancel()
			err := r.Upgrade(c, "head")
			blockCalls.Store(false)
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("got %v", err)
			}
			if got := tables(t, db); got != "migrate_version" {
				t.Errorf("tables after the interrupt: %s", got)
			}
			r2 := newRunner(t, db, fsys, func(o *retort.Options) { o.LockTimeout = time.Second })
			if err := r2.Upgrade(ctx(t), "head"); err != nil {
				t.Fatalf("rerun: %v", err)
			}
		})
	}
}

func TestTransactionAll(t *testing.T) {
	db := dbtest.SQLite(t)
	fsys := basic()
	fsys["versions/r4_test.yaml"] = history(rev{id: "r4", down: "r3", upgrade: "- execute: {sql: SELECT * FROM nowhere}"})["versions/r4_test.yaml"]
	r := newRunner(t, db, fsys, func(o *retort.Options) { o.Transaction = retort.All })
	if err := r.Upgrade(ctx(t), "head"); err == nil {
		t.Fatal("no error")
	}
	if got := tables(t, db); got != "migrate_version" {
		t.Errorf("transaction all left %s", got)
	}
}
