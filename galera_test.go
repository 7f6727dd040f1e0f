package retort_test

import (
	"database/sql"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/dbtest"
)

// galeraSize reads a test size from the environment.
func galeraSize(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// loggingHistory: r0 creates a log table; each of revisions r1..rN inserts
// its id into the log (a data step first, which GET_LOCK on Galera lets two
// runners both apply), then creates a table.
func loggingHistory(n int) fstest.MapFS {
	revs := []rev{{id: "r00",
		upgrade:   `- create_table: {name: log, columns: [{name: id, type: bigint, primary_key: true, autoincrement: true}, {name: rev, type: varchar(10)}]}`,
		downgrade: `- drop_table: {name: log}`}}
	for i := 1; i <= n; i++ {
		id := fmt.Sprintf("r%02d", i)
		revs = append(revs, rev{id: id, down: revs[len(revs)-1].id,
			upgrade: fmt.Sprintf("- execute: {sql: \"INSERT INTO log (rev) VALUES ('%s')\"}\n"+
				"- create_table: {name: t%02d, columns: [{name: id, type: integer, primary_key: true}]}", id, i),
			downgrade: fmt.Sprintf("- drop_table: {name: t%02d}", i)})
	}
	return history(revs...)
}

// TestGaleraConcurrentUpgrade is issue 18's must-show 1: runners spread
// over the three nodes of a Galera cluster upgrade one database at once;
// every revision is applied exactly once and the version table is the same
// on every node. RETORT_GALERA_RUNNERS and RETORT_GALERA_REVISIONS size it.
func TestGaleraConcurrentUpgrade(t *testing.T) {
	nodes := dbtest.Galera(t)
	runners, revisions := galeraSize("RETORT_GALERA_RUNNERS", 8), galeraSize("RETORT_GALERA_REVISIONS", 20)
	fsys := loggingHistory(revisions)
	rs := make([]*retort.Runner, runners)
	for i := range rs {
		rs[i] = newRunner(t, nodes[i%len(nodes)], fsys, func(o *retort.Options) {
			o.LockTimeout = 2 * time.Minute
			o.LockStale = 20 * time.Second
		})
	}
	var wg sync.WaitGroup
	errs := make([]error, runners)
	for i, r := range rs {
		wg.Go(func() { errs[i] = r.Upgrade(ctx(t), "head") })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("runner %d (node %d): %v", i, i%len(nodes)+1, err)
		}
	}
	want := fmt.Sprintf("r%02d", revisions)
	for i, db := range nodes {
		var rows, distinct int
		var version string
		causalRow(t, db, "SELECT COUNT(*), COUNT(DISTINCT rev) FROM log", &rows, &distinct)
		causalRow(t, db, "SELECT GROUP_CONCAT(version_num) FROM migrate_version", &version)
		if rows != revisions || distinct != revisions {
			t.Errorf("node %d: %d log rows for %d revisions (%d distinct): a revision ran twice", i+1, rows, revisions, distinct)
		}
		if version != want {
			t.Errorf("node %d: version table %q, want %q", i+1, version, want)
		}
	}
}

// causalRow reads one row on a node once it has applied every commit.
func causalRow(t *testing.T, db *dbtest.DB, query string, dest ...any) {
	t.Helper()
	conn, err := db.Conn(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx(t), "SET SESSION wsrep_sync_wait = 1"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx(t), "SET SESSION wsrep_sync_wait = 0")
	if err := conn.QueryRowContext(ctx(t), query).Scan(dest...); err != nil && err != sql.ErrNoRows {
		t.Fatalf("%s: %v", strings.Fields(query)[1], err)
	}
}
