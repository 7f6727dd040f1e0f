package retort

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"time"

	"github.com/retortdb/retort/dialect"
)

// unlockTimeout bounds releasing the lock after a run, even an
// interrupted one.
const unlockTimeout = 10 * time.Second

// locked runs fn on one connection holding the migration lock, with the
// version table created.
func (r *Runner) locked(ctx context.Context, fn func(conn *sql.Conn) error) (err error) {
	conn, err := r.opts.DB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("connecting: %w", err)
	}
	defer conn.Close()
	name, err := r.lockName(ctx, conn)
	if err != nil {
		return err
	}
	if pl, ok := r.opts.Dialect.(dialect.PoolLocker); ok {
		unlock, err := pl.LockPool(ctx, r.opts.DB, conn, dialect.LockSpec{Name: name, Timeout: r.opts.LockTimeout, Stale: r.opts.LockStale})
		if err != nil {
			if errors.Is(err, dialect.ErrLockTimeout) {
				return fmt.Errorf("%w: %w", ErrLocked, err)
			}
			return err
		}
		defer func() {
			uctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), unlockTimeout)
			defer cancel()
			if uerr := unlock(uctx); uerr != nil {
				conn.Raw(func(any) error { return driver.ErrBadConn })
				if err == nil && ctx.Err() == nil {
					err = uerr
				}
			}
		}()
	} else if l, ok := r.opts.Dialect.(dialect.Locker); ok {
		if err := l.Lock(ctx, conn, name, r.opts.LockTimeout); err != nil {
			if errors.Is(err, dialect.ErrLockTimeout) {
				return fmt.Errorf("%w: %w", ErrLocked, err)
			}
			return err
		}
		defer func() {
			uctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), unlockTimeout)
			defer cancel()
			if uerr := l.Unlock(uctx, conn, name); uerr != nil {
				// A session that may still hold the lock must not go back
				// to the pool: closing it releases the lock.
				conn.Raw(func(any) error { return driver.ErrBadConn })
				if err == nil && ctx.Err() == nil {
					err = uerr
				}
			}
		}()
	}
	if err := r.vt.Ensure(ctx, conn); err != nil {
		return err
	}
	return fn(conn)
}
