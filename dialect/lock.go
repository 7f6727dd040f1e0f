package dialect

import (
	"context"
	"database/sql"
	"time"
)

// LockTable is the table a dialect whose server-side lock does not span a
// cluster keeps its migration lock rows in (MySQL on Galera: GET_LOCK is
// local to one node). Reflection and comparison leave it out, as they do
// the version table.
const LockTable = "retort_lock"

// DefaultLockStale is how long a [PoolLocker]'s lock may go without a
// heartbeat before another runner takes it over, when [LockSpec.Stale] is
// zero. It must be longer than the longest statement that blocks the
// holder's heartbeat (on Galera, a TOI DDL statement blocks every write of
// the cluster while it runs).
const DefaultLockStale = 2 * time.Minute

// LockSpec names a migration lock and how to wait for it.
type LockSpec struct {
	// Name is the lock's name (one per version table).
	Name string
	// Timeout is how long to wait for a lock another runner holds.
	Timeout time.Duration
	// Stale is how long a holder may go without a heartbeat before its
	// lock is taken over; DefaultLockStale when zero.
	Stale time.Duration
}

// PoolLocker is implemented by dialects whose migration lock may need the
// pool as well as the migration's connection: a lock with a heartbeat
// kept on a connection of its own (MySQL on a Galera cluster). The runner
// prefers it to [Locker]. LockPool takes the lock for the run on conn and
// returns the function that releases it; the error wraps ErrLockTimeout
// when another runner held the lock for the whole timeout.
type PoolLocker interface {
	LockPool(ctx context.Context, db *sql.DB, conn *sql.Conn, spec LockSpec) (unlock func(context.Context) error, err error)
}

// LockScoper is implemented by dialects whose named locks reach wider
// than the home of one version table: MySQL's GET_LOCK names are
// server-wide, while each database on the server keeps its own version
// table; a PostgreSQL advisory lock is database-wide, while a
// schema-per-tenant fleet keeps a version table in each schema. Without a
// scope, every database (or schema) of a server would wait for the one
// migrating. LockScope returns the schema (MySQL: database) where conn's
// unqualified names, and so the version table, resolve; the runner names
// its lock after the version table qualified with it, the same name an
// explicit version schema gives.
type LockScoper interface {
	LockScope(ctx context.Context, conn *sql.Conn) (string, error)
}
