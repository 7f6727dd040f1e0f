package retort_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/dbtest"
)

// rollingHistory: a table with rows, an index added, then a column (which
// a rolling upgrade refuses).
func rollingHistory() map[string]rev {
	return map[string]rev{
		"r1": {id: "r1",
			upgrade: "- create_table: {name: items, columns: [{name: id, type: integer, primary_key: true}, {name: price, type: integer}]}\n" +
				"- bulk_insert: {table: items, rows: [{id: 1, price: 10}, {id: 2, price: 20}, {id: 3, price: 30}]}",
			downgrade: "- drop_table: {name: items}"},
		"r2": {id: "r2", down: "r1",
			upgrade:   "- create_index: {name: ix_items_price, table: items, columns: [price]}",
			downgrade: "- drop_index: {name: ix_items_price, table: items}"},
		"r3": {id: "r3", down: "r2",
			upgrade:   "- add_column: {table: items, column: {name: colour, type: varchar(10)}}",
			downgrade: "- drop_column: {table: items, column: colour}"},
	}
}

// TestGaleraRollingUpgrade is issue 18's must-show 2: an index added by a
// rolling schema upgrade (RSU) on the three nodes while readers query
// every node; no read fails, the index is on every node and the version
// table moved once. A column change is refused, nothing run.
func TestGaleraRollingUpgrade(t *testing.T) {
	nodes := dbtest.Galera(t)
	h := rollingHistory()
	r := newRunner(t, nodes[0], history(h["r1"], h["r2"], h["r3"]))
	if err := r.Upgrade(ctx(t), "r1"); err != nil {
		t.Fatal(err)
	}
	// r1 commits on node 1; the other nodes apply it a moment later
	// (Galera certifies synchronously, applies asynchronously). Readers
	// start once every node shows the rows, so that what they measure is
	// the rolling upgrade alone.
	for i, db := range nodes {
		deadline := time.Now().Add(30 * time.Second)
		for {
			var n int
			err := db.QueryRowContext(context.Background(), "SELECT COUNT(*) FROM items WHERE price > 0").Scan(&n)
			if err == nil && n == 3 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("node %d does not show r1's rows after 30 s: %d rows, %v", i+1, n, err)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	// Readers on every node until the upgrade is done.
	stop := make(chan struct{})
	var reads, failures atomic.Int64
	var firstFailure atomic.Value
	var wg sync.WaitGroup
	for _, db := range nodes {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				var n int
				if err := db.QueryRowContext(context.Background(), "SELECT COUNT(*) FROM items WHERE price > 0").Scan(&n); err != nil || n != 3 {
					failures.Add(1)
					firstFailure.CompareAndSwap(nil, fmt.Sprintf("%d rows, error %v", n, err))
				}
				reads.Add(1)
				time.Sleep(time.Millisecond)
			}
		})
	}
	dbs := make([]*sql.DB, len(nodes))
	for i, n := range nodes {
		dbs[i] = n.DB
	}
	err := r.UpgradeRolling(ctx(t), "r2", dbs)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if failures.Load() != 0 || reads.Load() == 0 {
		t.Errorf("%d of %d reads failed during the rolling upgrade (first: %v)", failures.Load(), reads.Load(), firstFailure.Load())
	} else {
		t.Logf("%d reads on 3 nodes during the rolling upgrade, none failed", reads.Load())
	}
	for i, db := range nodes {
		var idx int
		causalRow(t, db, "SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME = 'ix_items_price'", &idx)
		var version string
		causalRow(t, db, "SELECT GROUP_CONCAT(version_num) FROM migrate_version", &version)
		if idx != 1 || version != "r2" {
			t.Errorf("node %d: index rows %d, version %q; want 1, r2", i+1, idx, version)
		}
	}
	err = r.UpgradeRolling(ctx(t), "r3", dbs)
	if !errors.Is(err, retort.ErrNotRolling) {
		t.Fatalf("add_column under RSU: %v, want ErrNotRolling", err)
	}
	if got := heads(t, r); got != "r2" {
		t.Errorf("heads %q after the refusal", got)
	}
}

// TestRollingPlain: on a plain MySQL server a rolling upgrade is refused.
func TestRollingPlain(t *testing.T) {
	db := dbtest.MySQL(t)
	h := rollingHistory()
	r := newRunner(t, db, history(h["r1"], h["r2"]))
	if err := r.Upgrade(ctx(t), "r1"); err != nil {
		t.Fatal(err)
	}
	sdb, _ := openDB(t, db)
	if err := r.UpgradeRolling(ctx(t), "r2", []*sql.DB{sdb}); err == nil {
		t.Fatal("a rolling upgrade ran on a server without wsrep")
	}
	if got := heads(t, r); got != "r1" {
		t.Errorf("heads %q", got)
	}
}
