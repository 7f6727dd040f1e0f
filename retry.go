package retort

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/versions"
)

// DefaultRetryBackoff is the wait before the first retry of a statement
// that gave up waiting for its lock, when neither the revision nor
// migrate.yaml sets retry_backoff; each further retry waits twice as long,
// up to maxRetryBackoff.
const DefaultRetryBackoff = 100 * time.Millisecond

// maxRetryBackoff caps the doubling backoff.
const maxRetryBackoff = 30 * time.Second

// unknownTimeouts marks the session's timeouts as not known (a rolled-back
// PostgreSQL transaction undid its SETs), so the next step sets its own.
var unknownTimeouts = dialect.Timeouts{Lock: -1}

// timeoutsOf is p's timeouts: migrate.yaml's, with the revision header's
// keys over them.
func (r *Runner) timeoutsOf(p *plannedStep) versions.Timeouts {
	t := r.opts.Timeouts
	if p.step.Revision != nil {
		t = t.Over(p.step.Revision.Timeouts)
	}
	return t
}

// setTimeouts puts p's lock_timeout and statement_timeout in force on x,
// the run's connection or its transaction, unless they already are. A
// dialect without session timeouts (SQLite, whose only lock is the
// migration's) says so once per revision that sets them.
func (r *Runner) setTimeouts(ctx context.Context, x execer, p *plannedStep) error {
	t := r.timeoutsOf(p)
	want := dialect.Timeouts{Lock: t.LockTimeout, Statement: t.StatementTimeout}
	if want == r.session {
		return nil
	}
	ts, ok := r.opts.Dialect.(dialect.TimeoutSetter)
	if !ok {
		if want != (dialect.Timeouts{}) {
			r.emit(Event{Kind: Notice, Revision: p.id(), Message: fmt.Sprintf("revision %s: %s has no session lock or statement timeouts; lock_timeout and statement_timeout are not applied", p.id(), r.opts.Dialect.Name())})
		}
		r.session = want
		return nil
	}
	stmts, note := ts.SetTimeouts(want)
	if note != "" {
		r.emit(Event{Kind: Notice, Revision: p.id(), Message: "revision " + p.id() + ": " + note})
	}
	r.session = unknownTimeouts
	for _, st := range stmts {
		if err := r.exec(ctx, x, p.id(), st); err != nil {
			return err
		}
	}
	r.session = want
	return nil
}

// resetTimeouts restores the server's timeouts on conn at the end of a run
// that set any, so the connection goes back to the pool as it came.
func (r *Runner) resetTimeouts(ctx context.Context, conn *sql.Conn) error {
	ts, ok := r.opts.Dialect.(dialect.TimeoutSetter)
	if !ok || r.session == (dialect.Timeouts{}) {
		return nil
	}
	stmts, _ := ts.SetTimeouts(dialect.Timeouts{})
	for _, st := range stmts {
		if err := r.exec(ctx, conn, "", st); err != nil {
			return err
		}
	}
	r.session = dialect.Timeouts{}
	return nil
}

// lockTimedOut reports whether err is a statement that gave up waiting for
// its lock, as the dialect tells.
func (r *Runner) lockTimedOut(err error) bool {
	if lockBusy(err) {
		return true
	}
	ts, ok := r.opts.Dialect.(dialect.TimeoutSetter)
	return ok && ts.LockTimedOut(err)
}

// retrying runs fn, which runs what (a statement, or a transaction rolled
// back as a whole when it fails), and runs it again after a backoff each
// time it fails because a statement gave up waiting for its lock, up to
// the lock_retries of the revision policy names for the error. Each retry
// is reported as a Retry event. fn must have changed nothing when it fails
// so: a statement that timed out was rolled back by the server, and so was
// a transaction it was in. policy returns no retries for a failure that
// cannot be retried whole.
func (r *Runner) retrying(ctx context.Context, what string, fn func() error, policy func(error) (string, versions.Timeouts)) error {

	for attempt := 1; ; attempt++ {
		err := fn()
		if err == nil || !r.lockTimedOut(err) || ctx.Err() != nil {
			return err
		}
		rev, t := policy(err)
		if attempt > t.LockRetries {
			return err
		}
		wait := backoff(t.RetryBackoff, attempt)
		r.emit(Event{Kind: Retry, Revision: rev, Attempt: attempt, Duration: wait,
			Message: fmt.Sprintf("revision %s: %s gave up waiting for its lock; retry %d of %d (%s) in %s", rev, timedOut(err), attempt, t.LockRetries, what, wait)})
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
	}
}

// retryStatement runs one statement of p outside a transaction, retried
// alone when it gives up waiting for its lock (after its Cleanup, if it
// has one): the server rolled it back, and no statement before it runs again (MySQL's DDL, which commits as it
// goes, is retried this way). A statement whose rows are statements
// (ExecRows) is not retried, as some of them may have run.
func (r *Runner) retryStatement(ctx context.Context, conn *sql.Conn, p *plannedStep, st dialect.Statement) error {
	run := func() error {
		if err := r.probeLock(ctx, conn, p, st); err != nil {
			return err
		}
		err := r.exec(ctx, conn, p.id(), st)
		if err != nil && len(st.Cleanup) > 0 {
			actx := context.WithoutCancel(ctx)
			for _, c := range st.Cleanup {
				if cerr := r.exec(actx, conn, p.id(), c); cerr != nil {
					return fmt.Errorf("%w; and cleaning up after it failed too: %v", err, cerr)
				}
			}
		}
		return err
	}
	if st.ExecRows {
		return run()
	}
	return r.retrying(ctx, "the statement alone", run, func(error) (string, versions.Timeouts) {
		return p.id(), r.timeoutsOf(p)
	})
}

// timedOut names the statement of err.
func timedOut(err error) string {
	var lb *LockBusyError
	if errors.As(err, &lb) {
		return oneLine(lb.SQL, 60) + " (its lock probe)"
	}
	var se *StatementError
	if errors.As(err, &se) {
		return oneLine(se.SQL, 60)
	}
	return "a statement"
}

// backoff is the wait before retry attempt (1, 2, ...): base doubled each
// time, capped.
func backoff(base time.Duration, attempt int) time.Duration {
	if base <= 0 {
		base = DefaultRetryBackoff
	}
	d := base
	for i := 1; i < attempt && d < maxRetryBackoff; i++ {
		d *= 2
	}
	return min(d, maxRetryBackoff)
}

// failedStep is the step of steps that err names (a *StatementError's
// revision), or the first.
func failedStep(steps []*plannedStep, err error) *plannedStep {
	var se *StatementError
	if errors.As(err, &se) {
		for _, p := range steps {
			if p.id() == se.Revision {
				return p
			}
		}
	}
	return steps[0]
}
