package retort

import (
	"context"
	"database/sql"
	"errors"

	"github.com/retortdb/retort/dialect"
)

// LockBusyError is a lock probe that gave up after the revision's
// lock_timeout because another session holds the table (a long
// transaction): the statement it guards did not run, and it is retried
// after a backoff like a statement that timed out waiting for its lock.
type LockBusyError struct {
	// SQL is the statement the probe guards, which did not run.
	SQL string
	// Err is the probe's error (MariaDB error 1969).
	Err error
}

// Error says what happened and what to do.
func (e *LockBusyError) Error() string {
	return "the table is locked by another session (a long transaction); the online change did not run: " + e.Err.Error() + "; end that transaction or raise lock_retries"
}

// Unwrap returns the probe's error.
func (e *LockBusyError) Unwrap() error { return e.Err }

// probeLock runs the dialect's lock probe for st, bounded by p's
// lock_timeout, so that st never queues for its table lock behind a long
// transaction (and every reader after it with it). A busy table is a
// *LockBusyError; a dialect without probes, or a statement that needs
// none, returns nil at once.
func (r *Runner) probeLock(ctx context.Context, conn *sql.Conn, p *plannedStep, st dialect.Statement) error {
	lp, ok := r.opts.Dialect.(dialect.LockWaitProber)
	if !ok {
		return nil
	}
	for _, s := range lp.LockWaitProbe(st, r.timeoutsOf(p).LockTimeout) {
		if err := r.exec(ctx, conn, p.id(), s); err != nil {
			if lp.LockBusy(err) {
				return &LockBusyError{SQL: st.SQL, Err: err}
			}
			return err
		}
	}
	return nil
}

// lockBusy reports whether err is a probe that found the table locked.
func lockBusy(err error) bool {
	var lb *LockBusyError
	return errors.As(err, &lb)
}
