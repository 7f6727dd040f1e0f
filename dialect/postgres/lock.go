package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"time"

	"github.com/retortdb/retort/dialect"
)

// lockPoll is how often Lock retries a held lock.
const lockPoll = 100 * time.Millisecond

// LockKey is the advisory lock key of a lock name: its 64-bit FNV-1a hash,
// so every Retort process agrees on it.
func LockKey(name string) int64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return int64(h.Sum64())
}

// Lock takes a session-level advisory lock on conn (pg_try_advisory_lock,
// retried every 100 ms until timeout; one try when timeout is 0). When
// another session holds it for the whole timeout, the error wraps
// [dialect.ErrLockTimeout] and names the holder's pid and application.
func (p Postgres) Lock(ctx context.Context, conn *sql.Conn, name string, timeout time.Duration) error {
	key := LockKey(name)
	deadline := time.Now().Add(timeout)
	for {
		var got bool
		if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1)`, key).Scan(&got); err != nil {
			return fmt.Errorf("postgresql: taking the migration lock %q: %w", name, err)
		}
		if got {
			return nil
		}
		wait := min(lockPoll, time.Until(deadline))
		if wait <= 0 {
			return fmt.Errorf("postgresql: lock %q: %w after %s; held by %s", name, dialect.ErrLockTimeout, timeout, p.holder(ctx, conn, key))
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("postgresql: waiting for the migration lock %q: %w", name, ctx.Err())
		case <-time.After(wait):
		}
	}
}

// holder describes the session holding the advisory lock key, as far as
// pg_locks and pg_stat_activity tell.
func (p Postgres) holder(ctx context.Context, conn *sql.Conn, key int64) string {
	var pid int64
	var app, addr, since string
	err := conn.QueryRowContext(ctx, `
SELECT a.pid, coalesce(a.application_name, ''), coalesce(host(a.client_addr), 'local'),
       coalesce(to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS TZ'), '')
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND l.classid::text::bigint = $1 AND l.objid::text::bigint = $2 AND l.objsubid = 1
LIMIT 1`, int64(uint64(key)>>32), int64(uint64(key)&0xffffffff)).Scan(&pid, &app, &addr, &since)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return "another session (it may have just released it)"
	case err != nil:
		return "another session"
	}
	if app == "" {
		app = "no application_name"
	}
	return fmt.Sprintf("pid %d (%s, from %s, connected %s)", pid, app, addr, since)
}

// Unlock releases the advisory lock taken by Lock on the same conn.
func (p Postgres) Unlock(ctx context.Context, conn *sql.Conn, name string) error {
	var released bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_advisory_unlock($1)`, LockKey(name)).Scan(&released); err != nil {
		return fmt.Errorf("postgresql: releasing the migration lock %q: %w", name, err)
	}
	if !released {
		return fmt.Errorf("postgresql: releasing the migration lock %q: this session did not hold it", name)
	}
	return nil
}

// LockScope returns conn's current schema, where the version table
// resolves: advisory locks are database-wide, and a schema-per-tenant
// fleet keeps a version table in each schema (see [dialect.LockScoper]).
func (Postgres) LockScope(ctx context.Context, conn *sql.Conn) (string, error) {
	var s sql.NullString
	if err := conn.QueryRowContext(ctx, `SELECT current_schema()`).Scan(&s); err != nil {
		return "", fmt.Errorf("postgresql: reading the current schema for the migration lock: %w", err)
	}
	return s.String, nil
}
