package mysql

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/retortdb/retort/dialect"
)

const (
	getLockQuery     = `SELECT GET_LOCK(?, ?)`
	releaseLockQuery = `SELECT RELEASE_LOCK(?)`
	// lockHolderQuery names the session holding a lock, for the timeout
	// message; it reads the process list, which a user without PROCESS
	// sees only for its own sessions.
	lockHolderQuery = `SELECT l.id, COALESCE(p.USER, ''), COALESCE(p.HOST, ''), COALESCE(p.TIME, 0)
FROM (SELECT IS_USED_LOCK(?) AS id) l
LEFT JOIN information_schema.PROCESSLIST p ON p.ID = l.id`
)

// maxLockName is the longest lock name MySQL takes (64 characters).
const maxLockName = 64

// lockName keeps a lock name within MySQL's limit: a longer one is cut
// and ends with a hash of the whole, so distinct names stay distinct.
func lockName(name string) string {
	if len(name) <= maxLockName {
		return name
	}
	sum := sha256.Sum256([]byte(name))
	return name[:maxLockName-17] + "_" + hex.EncodeToString(sum[:8])
}

// Lock takes the named user-level lock with GET_LOCK on conn, waiting up
// to timeout (whole seconds at least one; MySQL's lock waits are in
// seconds). When another session holds it the whole time, the error wraps
// [dialect.ErrLockTimeout] and names that session (its connection id,
// user, host and how long it has been at its current statement).
func (*Dialect) Lock(ctx context.Context, conn *sql.Conn, name string, timeout time.Duration) error {
	name = lockName(name)
	secs := max(timeout.Seconds(), 0)
	var got sql.NullInt64
	if err := conn.QueryRowContext(ctx, getLockQuery, name, secs).Scan(&got); err != nil {
		return fmt.Errorf("mysql: taking the migration lock %q: %w", name, err)
	}
	switch {
	case !got.Valid:
		return fmt.Errorf("mysql: taking the migration lock %q: GET_LOCK failed (out of memory, or the session was killed)", name)
	case got.Int64 == 1:
		return nil
	}
	return fmt.Errorf("mysql: migration lock %q not taken after %s: %s: %w", name, timeout, holder(ctx, conn, name), dialect.ErrLockTimeout)
}

// holder describes who holds a lock, as far as the server says.
func holder(ctx context.Context, conn *sql.Conn, name string) string {
	var id sql.NullInt64
	var user, host string
	var secs int64
	err := conn.QueryRowContext(ctx, lockHolderQuery, name).Scan(&id, &user, &host, &secs)
	switch {
	case err != nil:
		return fmt.Sprintf("the holder is unknown (%v)", err)
	case !id.Valid:
		return "it was released just now; try again"
	case user == "":
		return fmt.Sprintf("held by connection %d (not visible in the process list without the PROCESS privilege)", id.Int64)
	}
	return fmt.Sprintf("held by connection %d (%s@%s, busy for %ds); wait for it to finish, or KILL %d if it is stuck", id.Int64, user, host, secs, id.Int64)
}

// Unlock releases the lock that Lock took on the same conn.
func (*Dialect) Unlock(ctx context.Context, conn *sql.Conn, name string) error {
	name = lockName(name)
	var released sql.NullInt64
	if err := conn.QueryRowContext(ctx, releaseLockQuery, name).Scan(&released); err != nil {
		return fmt.Errorf("mysql: releasing the migration lock %q: %w", name, err)
	}
	switch {
	case !released.Valid:
		return fmt.Errorf("mysql: releasing the migration lock %q: no such lock", name)
	case released.Int64 == 0:
		return fmt.Errorf("mysql: releasing the migration lock %q: another session holds it, not this one", name)
	}
	return nil
}

// LockScope returns conn's current database: GET_LOCK names are
// server-wide, so the runner's lock names its version table's database
// (see [dialect.LockScoper]).
func (*Dialect) LockScope(ctx context.Context, conn *sql.Conn) (string, error) {
	var db sql.NullString
	if err := conn.QueryRowContext(ctx, `SELECT DATABASE()`).Scan(&db); err != nil {
		return "", fmt.Errorf("mysql: reading the current database for the migration lock: %w", err)
	}
	return db.String, nil
}
