package mysql

import (
	"context"
	"crypto/rand"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"time"

	gomysql "github.com/go-sql-driver/mysql"

	"github.com/retortdb/retort/dialect"
)

// On a Galera cluster GET_LOCK is local to one node: two runners on two
// nodes would both take it. There the migration lock is a row of
// dialect.LockTable, an InnoDB table, and a runner holds the lock once its
// write of the row has COMMITTED: Galera certifies a commit against every
// other node's writes to the same row, so of two runners that both read the
// row free, only one commits and the other gets a deadlock error (row locks
// of SELECT ... FOR UPDATE are node-local until commit; the commit is the
// proof). Galera commits in the cluster's total order, so once the lock
// row is committed on a node, the previous holder's revisions (committed
// before it released the row) are there too.
//
// The holder bumps the row's beat counter every Stale/4 on a connection
// of its own. A waiter that sees the counter unchanged for Stale (measured
// on its own clock, so no clocks are compared) takes the row over with an
// UPDATE conditioned on the holder and beat it saw. A holder whose
// heartbeat finds the row taken over kills its migration connection, so it
// stops at its next statement.
const (
	lockTableDDL = "CREATE TABLE IF NOT EXISTS `" + dialect.LockTable + "` (" +
		"`name` VARCHAR(191) NOT NULL PRIMARY KEY, " +
		"`holder` VARCHAR(255) NOT NULL, " +
		"`beat` BIGINT NOT NULL, " +
		"`heartbeat` DATETIME(6) NOT NULL" +
		") ENGINE=InnoDB"
	lockReadQuery   = "SELECT `holder`, `beat`, `heartbeat` FROM `" + dialect.LockTable + "` WHERE `name` = ? FOR UPDATE"
	lockInsertQuery = "INSERT INTO `" + dialect.LockTable + "` (`name`, `holder`, `beat`, `heartbeat`) VALUES (?, ?, 0, UTC_TIMESTAMP(6))"
	lockTakeQuery   = "UPDATE `" + dialect.LockTable + "` SET `holder` = ?, `beat` = `beat` + 1, `heartbeat` = UTC_TIMESTAMP(6) " +
		"WHERE `name` = ? AND `holder` = ? AND `beat` = ?"
	lockBeatQuery = "UPDATE `" + dialect.LockTable + "` SET `beat` = `beat` + 1, `heartbeat` = UTC_TIMESTAMP(6) " +
		"WHERE `name` = ? AND `holder` = ?"
	lockFreeQuery = "UPDATE `" + dialect.LockTable + "` SET `holder` = '', `beat` = `beat` + 1, `heartbeat` = UTC_TIMESTAMP(6) " +
		"WHERE `name` = ? AND `holder` = ?"
)

// lockPoll is how often a waiter reads the lock row again.
const lockPoll = 100 * time.Millisecond

// LockPool takes the migration lock: GET_LOCK on a plain server, the lock
// row on a Galera cluster (see [Galera]).
func (d *Dialect) LockPool(ctx context.Context, db *sql.DB, conn *sql.Conn, spec dialect.LockSpec) (func(context.Context) error, error) {
	g, err := Galera(ctx, conn)
	if err != nil {
		return nil, err
	}
	if !g.On {
		if err := d.Lock(ctx, conn, spec.Name, spec.Timeout); err != nil {
			return nil, err
		}
		return func(ctx context.Context) error { return d.Unlock(ctx, conn, spec.Name) }, nil
	}
	if spec.Stale <= 0 {
		spec.Stale = dialect.DefaultLockStale
	}
	l := &rowLock{spec: spec, node: g.Node}
	if err := l.take(ctx, db, conn); err != nil {
		return nil, err
	}
	return l.release, nil
}

// rowLock is a migration lock held as a row of dialect.LockTable.
type rowLock struct {
	spec   dialect.LockSpec
	node   string
	holder string
	hc     *sql.Conn // the heartbeat's connection
	target int64     // the migration connection's id, killed if the lock is lost
	stop   chan struct{}
	done   chan error
}

// newHolder names this runner: host, pid, node and a random part.
func newHolder(node string) string {
	host, _ := os.Hostname()
	var b [6]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("%s:%d@%s/%s", host, os.Getpid(), node, hex.EncodeToString(b[:]))
}

// take waits for the row and starts the heartbeat.
func (l *rowLock) take(ctx context.Context, db *sql.DB, conn *sql.Conn) error {
	if err := conn.QueryRowContext(ctx, `SELECT CONNECTION_ID()`).Scan(&l.target); err != nil {
		return fmt.Errorf("mysql: reading the connection id: %w", err)
	}
	hc, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("mysql: connecting for the lock heartbeat: %w", err)
	}
	if err := l.acquire(ctx, hc); err != nil {
		hc.Raw(func(any) error { return driver.ErrBadConn })
		hc.Close()
		return err
	}
	l.hc, l.stop, l.done = hc, make(chan struct{}), make(chan error, 1)
	go l.heartbeat()
	return nil
}

// acquire loops until the row is this runner's or the timeout passes.
func (l *rowLock) acquire(ctx context.Context, hc *sql.Conn) error {
	// Causal reads: each read of the row sees every commit the cluster
	// has certified, so a waiter does not wait on a stale view.
	if _, err := hc.ExecContext(ctx, `SET SESSION wsrep_sync_wait = 1`); err != nil {
		return fmt.Errorf("mysql: setting wsrep_sync_wait for the lock: %w", err)
	}
	if _, err := hc.ExecContext(ctx, lockTableDDL); err != nil {
		return fmt.Errorf("mysql: creating the lock table %s: %w", dialect.LockTable, err)
	}
	l.holder = newHolder(l.node)
	deadline := time.Now().Add(l.spec.Timeout)
	var seen observed
	for {
		st, err := l.try(ctx, hc, &seen)
		if err != nil {
			return err
		}
		if st.got {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("mysql: migration lock %q (row of %s on Galera) not taken after %s: held by %s, last heartbeat %s UTC; "+
				"it is taken over after %s without a heartbeat: %w",
				l.spec.Name, dialect.LockTable, l.spec.Timeout, st.holder, st.heartbeat, l.spec.Stale, dialect.ErrLockTimeout)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(lockPoll):
		}
	}
}

// observed is what a waiter last saw of the row, and since when (its own
// clock): the beat unchanged for Stale makes the holder stale.
type observed struct {
	holder string
	beat   int64
	since  time.Time
}

// attempt is the outcome of one try.
type attempt struct {
	got       bool
	holder    string
	heartbeat string
}

// try runs one transaction: read the row; insert it, take it when free or
// stale; commit. A failed commit (Galera's certification failure, a
// deadlock, a duplicate insert) is a lost race, not an error.
func (l *rowLock) try(ctx context.Context, hc *sql.Conn, seen *observed) (attempt, error) {
	tx, err := hc.BeginTx(ctx, nil)
	if err != nil {
		return attempt{}, fmt.Errorf("mysql: taking the migration lock %q: %w", l.spec.Name, err)
	}
	defer tx.Rollback()
	var holder, hb string
	var beat int64
	err = tx.QueryRowContext(ctx, lockReadQuery, l.spec.Name).Scan(&holder, &beat, &hb)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err = tx.ExecContext(ctx, lockInsertQuery, l.spec.Name, l.holder)
	case err != nil:
		return l.lost(err)
	case holder == "" || l.stale(seen, holder, beat):
		var res sql.Result
		res, err = tx.ExecContext(ctx, lockTakeQuery, l.holder, l.spec.Name, holder, beat)
		if err == nil {
			if n, _ := res.RowsAffected(); n != 1 {
				return attempt{holder: holder, heartbeat: hb}, nil
			}
		}
	default:
		return attempt{holder: holder, heartbeat: hb}, nil
	}
	if err == nil {
		err = tx.Commit()
	}
	if err != nil {
		return l.lost(err)
	}
	return attempt{got: true}, nil
}

// stale reports whether the holder's beat has not moved for Stale.
func (l *rowLock) stale(seen *observed, holder string, beat int64) bool {
	now := time.Now()
	if seen.holder != holder || seen.beat != beat || seen.since.IsZero() {
		*seen = observed{holder: holder, beat: beat, since: now}
		return false
	}
	return now.Sub(seen.since) >= l.spec.Stale
}

// lost sorts a failed statement: a lost race (try again) or an error.
func (l *rowLock) lost(err error) (attempt, error) {
	if raced(err) {
		return attempt{holder: "a runner that won the race just now", heartbeat: "now"}, nil
	}
	return attempt{}, fmt.Errorf("mysql: taking the migration lock %q: %w", l.spec.Name, err)
}

// raced reports the errors of a lost race for the row: deadlock (Galera's
// certification failure surfaces as one), lock wait timeout, duplicate key.
func raced(err error) bool {
	var me *gomysql.MySQLError
	if !errors.As(err, &me) {
		return false
	}
	switch me.Number {
	case 1213, 1205, 1062:
		return true
	}
	return false
}

// heartbeat bumps the beat until release; a beat that finds the row taken
// over kills the migration connection.
func (l *rowLock) heartbeat() {
	t := time.NewTicker(l.spec.Stale / 4)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			l.done <- nil
			return
		case <-t.C:
		}
		ctx, cancel := context.WithTimeout(context.Background(), l.spec.Stale/2)
		res, err := l.hc.ExecContext(ctx, lockBeatQuery, l.spec.Name, l.holder)
		cancel()
		if err != nil {
			continue // a lost race with a waiter's read, or a node in trouble: try at the next tick
		}
		if n, _ := res.RowsAffected(); n == 0 {
			ctx, cancel := context.WithTimeout(context.Background(), l.spec.Stale/2)
			_, _ = l.hc.ExecContext(ctx, fmt.Sprintf("KILL CONNECTION %d", l.target))
			cancel()
			<-l.stop
			l.done <- fmt.Errorf("mysql: the migration lock %q was taken over by another runner after this one went %s without a heartbeat; "+
				"the run was stopped: check the version table (migrate current) before running again", l.spec.Name, l.spec.Stale)
			return
		}
	}
}

// release stops the heartbeat and frees the row.
func (l *rowLock) release(ctx context.Context) error {
	close(l.stop)
	herr := <-l.done
	defer func() {
		// The session has wsrep_sync_wait set: it does not go back to the pool.
		l.hc.Raw(func(any) error { return driver.ErrBadConn })
		l.hc.Close()
	}()
	if herr != nil {
		return herr
	}
	res, err := l.free(ctx)
	if err != nil {
		return fmt.Errorf("mysql: releasing the migration lock %q: %w; it is taken over after %s", l.spec.Name, err, l.spec.Stale)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("mysql: releasing the migration lock %q: another runner took it over (this one went %s without a heartbeat)", l.spec.Name, l.spec.Stale)
	}
	return nil
}

// free deletes the lock row. On Galera the DELETE can lose a certification
// race with a waiter's attempt on the same row, which MariaDB reports as a
// deadlock: the row is still ours, so free tries again, a few times, as the
// heartbeat does at its next tick.
func (l *rowLock) free(ctx context.Context) (sql.Result, error) {
	for try := 1; ; try++ {
		res, err := l.hc.ExecContext(ctx, lockFreeQuery, l.spec.Name, l.holder)
		if err == nil || !raced(err) || try == 10 {
			return res, err
		}
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(time.Duration(try) * 20 * time.Millisecond):
		}
	}
}
