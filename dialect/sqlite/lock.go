package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/retortdb/retort/dialect"
	"modernc.org/sqlite"
)

// SQLite has no advisory locks: its lock is the database's write lock,
// which a transaction begun with BEGIN IMMEDIATE takes at once and holds
// until it ends. Retort's DSN sets _txlock=immediate, so every transaction
// the runner begins is such a transaction, and a second runner's BEGIN
// waits for the first one's COMMIT (for up to the busy timeout) instead of
// failing later on its first write.
//
// The lock is therefore held per transaction, not for the whole run: with
// transaction: per-migration, another runner may slip in between two
// revisions. The runner must read the version table inside each revision's
// transaction and stop (or skip) when it no longer says what the plan
// assumed; with transaction: all, the one transaction is the lock.

var _ dialect.Locker = (*Dialect)(nil)

// Lock makes conn wait up to timeout for SQLite's write lock (the busy
// timeout), then takes and releases that lock once, so that a database
// another process is migrating fails now, with an error wrapping
// dialect.ErrLockTimeout, rather than midway. name is not used: SQLite's
// lock covers the whole database.
func (*Dialect) Lock(ctx context.Context, conn *sql.Conn, name string, timeout time.Duration) error {
	ms := max(timeout.Milliseconds(), 0)
	// PRAGMA takes no bound parameters; ms is an integer.
	if _, err := conn.ExecContext(ctx, "PRAGMA busy_timeout = "+strconv.FormatInt(ms, 10)); err != nil {
		return fmt.Errorf("sqlite: setting the busy timeout: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return lockError(err, timeout)
	}
	if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
		return fmt.Errorf("sqlite: releasing the write lock: %w", err)
	}
	return nil
}

// Unlock does nothing: the write lock ends with each transaction.
func (*Dialect) Unlock(context.Context, *sql.Conn, string) error { return nil }

// sqliteBusy and sqliteLocked are SQLite's primary result codes for a lock
// held by another connection.
const (
	sqliteBusy   = 5
	sqliteLocked = 6
)

// IsBusy reports whether err is SQLite's SQLITE_BUSY or SQLITE_LOCKED (any
// extended code): another connection holds the lock.
func IsBusy(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		code := se.Code() & 0xff
		return code == sqliteBusy || code == sqliteLocked
	}
	return false
}

// lockError wraps dialect.ErrLockTimeout when err says the database is busy.
func lockError(err error, timeout time.Duration) error {
	if IsBusy(err) {
		return fmt.Errorf("sqlite: another connection held the database's write lock for %s: %w (%v)", timeout, dialect.ErrLockTimeout, err)
	}
	return fmt.Errorf("sqlite: taking the write lock: %w", err)
}
