package retort_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/dbtest"
)

// batchHistory: r1 makes items(id, n) with rows ids 1..rows, n = 0; r2
// adds one to every n in batches of size.
func batchHistory(rows, size int) fstest.MapFS {
	fill := fmt.Sprintf(`WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %d) SELECT x, 0 FROM c`, rows)
	digits := "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)"
	// MariaDB stops recursion at 1,000 rows: ids from four digits.
	myFill := fmt.Sprintf("SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 1, 0 FROM %s a, %s b, %s c, %s e WHERE a.d + 10 * b.d + 100 * c.d + 1000 * e.d < %d", digits, digits, digits, digits, rows)
	return fstest.MapFS{
		"versions/r1_t.yaml": {Data: []byte(fmt.Sprintf(`revision: r1
down_revision: null
upgrade:
  - create_table: {name: items, columns: [{name: id, type: bigint, primary_key: true}, {name: n, type: integer}]}
  - execute:
      postgresql: INSERT INTO items SELECT g, 0 FROM generate_series(1, %d) g
      mysql: INSERT INTO items %s
      sqlite: INSERT INTO items %s
`, rows, myFill, fill))},
		"versions/r2_t.yaml": {Data: []byte(fmt.Sprintf(`revision: r2
down_revision: r1
upgrade:
  - batch_update: {table: items, set: n = n + 1, where: n >= 0, batch_size: %d}
downgrade:
  - batch_update: {table: items, set: n = n - 1, batch_size: %d}
`, size, size))},
	}
}

// TestBatchUpdate: a batch_update changes every row once, in batches,
// each reported with rows and rate; the progress table is empty after;
// the downgrade's batches undo it.
func TestBatchUpdate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
		var progress []retort.Event
		r := newRunner(t, db, batchHistory(2500, 300), func(o *retort.Options) {
			o.Events = func(e retort.Event) {
				if e.Kind == retort.Progress && e.Rows >= 0 {
					progress = append(progress, e)
				}
			}
		})
		if err := r.Upgrade(ctx(t), "head"); err != nil {
			t.Fatal(err)
		}
		requireN(t, db, 1, 2500)
		if len(progress) != 9 || progress[8].Rows != 2500 || !strings.Contains(progress[3].Message, "rows/s, ETA") {
			t.Errorf("%d progress events, last %+v", len(progress), progress[len(progress)-1])
		}
		if n := count(t, db, "retort_batch"); n != 0 {
			t.Errorf("%d progress rows left", n)
		}
		if err := r.Downgrade(ctx(t), "r1"); err != nil {
			t.Fatal(err)
		}
		requireN(t, db, 0, 2500)
	})
}

// TestBatchUpdateResumes: a run stopped after three batches (its context
// cancelled, as a killed process stops) resumes after the last committed
// batch: every row is updated exactly once.
func TestBatchUpdateResumes(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
		c, cancel := context.WithCancel(ctx(t))
		batches := 0
		var notices []string
		r := newRunner(t, db, batchHistory(2500, 300), func(o *retort.Options) {
			o.Events = func(e retort.Event) {
				switch {
				case e.Kind == retort.Progress && e.Rows >= 0:
					if batches++; batches == 3 {
						cancel()
					}
				case e.Kind == retort.Notice:
					notices = append(notices, e.Message)
				}
			}
		})
		if err := r.Upgrade(ctx(t), "r1"); err != nil {
			t.Fatal(err)
		}
		if err := r.Upgrade(c, "head"); err == nil {
			t.Fatal("the cancelled run finished")
		}
		if got := heads(t, r); got != "r1" {
			t.Fatalf("heads %s after the stopped run, want r1", got)
		}
		if err := r.Upgrade(ctx(t), "head"); err != nil {
			t.Fatal(err)
		}
		requireN(t, db, 1, 2500)
		if !strings.Contains(strings.Join(notices, "\n"), "resuming after key 900 (900 rows done") {
			t.Errorf("notices: %q", notices)
		}
	})
}

// TestBatchRevisionAlone: a batch op beside a schema op is refused before
// anything runs.
func TestBatchRevisionAlone(t *testing.T) {
	db := dbtest.SQLite(t)
	fs := batchHistory(10, 5)
	fs["versions/r3_t.yaml"] = &fstest.MapFile{Data: []byte(`revision: r3
down_revision: r2
upgrade:
  - add_column: {table: items, column: {name: m, type: integer, nullable: true}}
  - batch_update: {table: items, set: m = n}
downgrade: []
`)}
	r := newRunner(t, db, fs)
	err := r.Upgrade(ctx(t), "head")
	if err == nil || !strings.Contains(err.Error(), "must be alone in its revision") {
		t.Fatalf("error %v", err)
	}
	if got := heads(t, r); got != "" {
		t.Errorf("heads %q: nothing should have run", got)
	}
}

// requireN checks that all rows rows of items have n = want.
func requireN(t *testing.T, db *dbtest.DB, want, rows int) {
	t.Helper()
	var n, other int
	if err := db.QueryRow(fmt.Sprintf("SELECT count(*), sum(CASE WHEN n = %d THEN 0 ELSE 1 END) FROM items", want)).Scan(&n, &other); err != nil {
		t.Fatal(err)
	}
	if n != rows || other != 0 {
		t.Errorf("%d rows, %d with n other than %d", n, other, want)
	}
}
