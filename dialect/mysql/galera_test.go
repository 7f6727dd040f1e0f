package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
)

// envInt reads a test size from the environment.
func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

func TestGaleraDetect(t *testing.T) {
	t.Run("plain", func(t *testing.T) {
		db := dbtest.MySQL(t)
		g, err := Galera(context.Background(), db)
		require.NoError(t, err)
		assert.False(t, g.On, "the plain test server is not a Galera node")
	})
	t.Run("cluster", func(t *testing.T) {
		for i, db := range dbtest.Galera(t) {
			g, err := Galera(context.Background(), db)
			require.NoError(t, err)
			assert.True(t, g.On, "node %d", i+1)
			assert.Equal(t, 3, g.ClusterSize, "node %d", i+1)
			assert.Equal(t, "TOI", g.OSUMethod)
			assert.NotEmpty(t, g.Node)
		}
	})
}

// TestGaleraLockExclusive proves the row lock is cluster-wide: workers on
// the three nodes each take it many times and, holding it, increment a
// counter by a read and a separate write. Two holders at once lose an
// increment; GET_LOCK, local to a node, loses several per run.
func TestGaleraLockExclusive(t *testing.T) {
	dbs := dbtest.Galera(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	_, err := dbs[0].ExecContext(ctx, "CREATE TABLE counter (id INT PRIMARY KEY, n INT NOT NULL)")
	require.NoError(t, err)
	_, err = dbs[0].ExecContext(ctx, "INSERT INTO counter VALUES (1, 0)")
	require.NoError(t, err)
	workers, rounds := envInt("RETORT_GALERA_WORKERS", 6), envInt("RETORT_GALERA_ROUNDS", 10)
	name := "retort:test:" + dbs[0].Name
	var wg sync.WaitGroup
	errs := make([]error, workers)
	for w := range workers {
		db := dbs[w%len(dbs)]
		wg.Go(func() {
			for range rounds {
				if errs[w] = increment(ctx, db.DB, name); errs[w] != nil {
					return
				}
			}
		})
	}
	wg.Wait()
	for w, err := range errs {
		require.NoError(t, err, "worker %d", w)
	}
	for i, db := range dbs {
		var n int
		require.NoError(t, causal(ctx, db.DB, "SELECT n FROM counter", &n))
		assert.Equal(t, workers*rounds, n, "node %d: every increment under the lock counted once", i+1)
	}
}

// increment takes the lock on db and adds one to the counter, non-atomically.
func increment(ctx context.Context, db *sql.DB, name string) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	unlock, err := testDialect.LockPool(ctx, db, conn, dialect.LockSpec{Name: name, Timeout: time.Minute, Stale: 20 * time.Second})
	if err != nil {
		return err
	}
	var n int
	err = conn.QueryRowContext(ctx, "SELECT n FROM counter WHERE id = 1").Scan(&n)
	if err == nil {
		time.Sleep(2 * time.Millisecond)
		_, err = conn.ExecContext(ctx, "UPDATE counter SET n = ? WHERE id = 1", n+1)
	}
	return errors.Join(err, unlock(ctx))
}

// causal runs a one-row query on a node after it has applied every commit
// of the cluster.
func causal(ctx context.Context, db *sql.DB, query string, dest ...any) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SET SESSION wsrep_sync_wait = 1"); err != nil {
		return err
	}
	defer conn.ExecContext(ctx, "SET SESSION wsrep_sync_wait = 0")
	return conn.QueryRowContext(ctx, query).Scan(dest...)
}

// TestGaleraLockTakeover: a holder that stops its heartbeat (a runner
// killed, or its node) loses the lock to a waiter on another node once
// Stale has passed, and not before; the waiter's timeout names the holder.
func TestGaleraLockTakeover(t *testing.T) {
	dbs := dbtest.Galera(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	name := "retort:takeover:" + dbs[0].Name
	const stale = 2 * time.Second

	aconn, err := dbs[0].Conn(ctx)
	require.NoError(t, err)
	defer aconn.Close()
	a := &rowLock{spec: dialect.LockSpec{Name: name, Timeout: time.Second, Stale: stale}, node: "n1"}
	require.NoError(t, a.take(ctx, dbs[0].DB, aconn))

	bconn, err := dbs[1].Conn(ctx)
	require.NoError(t, err)
	defer bconn.Close()
	// While a beats, b times out and is told who holds the lock.
	_, err = testDialect.LockPool(ctx, dbs[1].DB, bconn, dialect.LockSpec{Name: name, Timeout: 2 * stale, Stale: stale})
	require.ErrorIs(t, err, dialect.ErrLockTimeout)
	assert.Contains(t, err.Error(), a.holder)

	// a dies: its heartbeat stops, its row stays.
	close(a.stop)
	require.NoError(t, <-a.done)
	start := time.Now()
	unlock, err := testDialect.LockPool(ctx, dbs[1].DB, bconn, dialect.LockSpec{Name: name, Timeout: 10 * stale, Stale: stale})
	require.NoError(t, err, "b takes the stale lock over")
	assert.GreaterOrEqual(t, time.Since(start), stale, "not before the heartbeat timeout")

	// a, back, finds its row gone. Its beat may first lose a certification
	// race with b's (Galera reports it as a deadlock); the runner's
	// heartbeat tries again at its next tick, and so does this.
	var res sql.Result
	for try := 0; ; try++ {
		res, err = a.hc.ExecContext(ctx, lockBeatQuery, name, a.holder)
		if err == nil || !raced(err) || try == 20 {
			break
		}
		time.Sleep(stale / 4)
	}
	require.NoError(t, err)
	n, _ := res.RowsAffected()
	assert.Zero(t, n, "a's heartbeat no longer matches the row")
	a.hc.Close()
	require.NoError(t, unlock(ctx))
}

// TestGaleraLockPlain: on a plain server LockPool is GET_LOCK, and no lock
// table is created.
func TestGaleraLockPlain(t *testing.T) {
	db := dbtest.MySQL(t)
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	require.NoError(t, err)
	defer conn.Close()
	name := "retort_test_plain_" + db.Name
	unlock, err := testDialect.LockPool(ctx, db.DB, conn, dialect.LockSpec{Name: name, Timeout: time.Second})
	require.NoError(t, err)
	var used sql.NullInt64
	require.NoError(t, db.QueryRowContext(ctx, "SELECT IS_USED_LOCK(?)", name).Scan(&used))
	assert.True(t, used.Valid, "GET_LOCK holds the lock")
	require.NoError(t, unlock(ctx))
	var tables int
	require.NoError(t, db.QueryRowContext(ctx, fmt.Sprintf(
		"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '%s'", dialect.LockTable)).Scan(&tables))
	assert.Zero(t, tables)
}

// TestGaleraGetLockIsLocal is why the row lock exists: GET_LOCK taken on
// node 1 does not stop node 2 from taking the same lock.
func TestGaleraGetLockIsLocal(t *testing.T) {
	dbs := dbtest.Galera(t)
	ctx := context.Background()
	name := "retort_test_local_" + dbs[0].Name
	a, err := dbs[0].Conn(ctx)
	require.NoError(t, err)
	defer a.Close()
	b, err := dbs[1].Conn(ctx)
	require.NoError(t, err)
	defer b.Close()
	require.NoError(t, testDialect.Lock(ctx, a, name, time.Second))
	require.NoError(t, testDialect.Lock(ctx, b, name, time.Second), "node 2 takes node 1's GET_LOCK too")
	require.NoError(t, testDialect.Unlock(ctx, a, name))
	require.NoError(t, testDialect.Unlock(ctx, b, name))
}
