package retort

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/versions"
)

// errHeadsMoved: another runner moved the version table between reading
// it and this runner's transaction; the run is planned again.
var errHeadsMoved = errors.New("the version table changed under this run")

// maxReplans bounds how often a run is planned again after other runners
// moved the version table.
const maxReplans = 1000

// Upgrade applies revisions up to target ("head", "heads", an id, a
// label, "+N", ...).
func (r *Runner) Upgrade(ctx context.Context, target string) error {
	return r.migrate(ctx, versions.Up, target)
}

// Downgrade reverts revisions down to target ("base", an id, "-N", ...).
func (r *Runner) Downgrade(ctx context.Context, target string) error {
	return r.migrate(ctx, versions.Down, target)
}

func (r *Runner) migrate(ctx context.Context, dir versions.Direction, target string) error {
	if err := r.needDB(); err != nil {
		return err
	}
	return r.locked(ctx, func(conn *sql.Conn) (err error) {
		defer func() {
			if e := r.resetTimeouts(context.WithoutCancel(ctx), conn); e != nil && err == nil {
				err = e
			}
		}()
		for range maxReplans {
			heads, err := r.readHeads(ctx, conn)
			if err != nil {
				return err
			}
			steps, err := r.steps(dir, heads, target)
			if err != nil {
				return r.unknownHeads(heads, err)
			}
			if len(steps) == 0 {
				return nil
			}
			m, err := r.modelAt(heads)
			if err != nil {
				return err
			}
			plan, err := r.plan(m, heads, steps)
			if err != nil {
				return err
			}
			if err = r.runPlan(ctx, conn, plan); !errors.Is(err, errHeadsMoved) {
				return err
			}
		}
		return errHeadsMoved
	})
}

// unknownHeads explains an error about heads the history lacks.
func (r *Runner) unknownHeads(heads []string, err error) error {
	for _, h := range heads {
		if r.graph.Get(h) == nil {
			return fmt.Errorf("the version table names %s, which is not in this history (a revision file missing, or another project's table?); "+
				"'migrate stamp --purge REV' resets it: %w", h, err)
		}
	}
	return err
}

func (r *Runner) needDB() error {
	if r.opts.DB == nil {
		return errors.New("retort: Options.DB is required to migrate a database")
	}
	return nil
}

// runPlan runs planned steps: each in its own transaction, or runs of
// them in one (transaction: all), or none.
func (r *Runner) runPlan(ctx context.Context, conn *sql.Conn, plan []*plannedStep) error {
	if !r.transactional() {
		for _, p := range plan {
			if err := r.runDirect(ctx, conn, p); err != nil {
				return err
			}
		}
		return nil
	}
	for i := 0; i < len(plan); {
		p := plan[i]
		if p.batched() {
			// Batches commit one by one, each with its progress row.
			if err := r.runDirect(ctx, conn, p); err != nil {
				return err
			}
			i++
			continue
		}
		if !p.transactional() {
			r.emit(Event{Kind: Notice, Revision: p.id(),
				Message: fmt.Sprintf("revision %s runs outside a transaction (transactional: false): a failure can leave it half applied", p.id())})
			if err := r.runDirect(ctx, conn, p); err != nil {
				return err
			}
			i++
			continue
		}
		j := i + 1
		if r.opts.Transaction == All {
			for j < len(plan) && plan[j].transactional() {
				j++
			}
		}
		if err := r.runTx(ctx, conn, plan[i:j]); err != nil {
			return err
		}
		i = j
	}
	return nil
}

// runTx runs steps in one transaction, and again, rolled back, each time
// a statement in it gives up waiting for its lock (lock_retries), unless
// the transaction was committed part way for a statement that cannot run
// in one.
func (r *Runner) runTx(ctx context.Context, conn *sql.Conn, steps []*plannedStep) error {
	var t *txn
	return r.retrying(ctx, "the transaction, rolled back", func() error {
		t = r.newTxn(conn, steps[0].id())
		return r.runTxOnce(ctx, conn, steps, t)
	}, func(err error) (string, versions.Timeouts) {
		p := failedStep(steps, err)
		if t.commits > 0 {
			return p.id(), versions.Timeouts{}
		}
		return p.id(), r.timeoutsOf(p)
	})
}

// runTxOnce runs steps in t's transaction, which begins after their
// BeforeTx statements and checks that the version table still holds the
// heads they were planned from.
func (r *Runner) runTxOnce(ctx context.Context, conn *sql.Conn, steps []*plannedStep, t *txn) (err error) {
	for _, p := range steps {
		for _, st := range p.before {
			if err := r.exec(ctx, conn, p.id(), st); err != nil {
				return err
			}
		}
	}
	defer func() {
		actx := context.WithoutCancel(ctx)
		for _, p := range steps {
			for _, st := range p.after {
				if e := r.exec(actx, conn, p.id(), st); e != nil && err == nil {
					err = e
				}
			}
		}
	}()
	defer func() {
		if err != nil {
			r.session = unknownTimeouts // the rollback undid the SETs
		}
	}()
	defer t.rollback()
	if err := t.begin(ctx, steps[0].id()); err != nil {
		return err
	}
	heads, err := r.readHeads(ctx, t.tx)
	if err != nil {
		return err
	}
	if !sameHeads(heads, steps[0].heads) {
		return errHeadsMoved
	}
	var started []time.Time
	for _, p := range steps {
		started = append(started, time.Now())
		r.started(p)
		if err := r.setTimeouts(ctx, t.x(), p); err != nil {
			return err
		}
		if _, err := r.runUnits(ctx, t, p); err != nil {
			return err
		}
		if err := r.moveHeads(ctx, t.x(), p); err != nil {
			return err
		}
	}
	if err := t.commit(); err != nil {
		return fmt.Errorf("revision %s: commit: %w", steps[len(steps)-1].id(), err)
	}
	for i, p := range steps {
		r.finished(p, time.Since(started[i]))
	}
	return nil
}

func (r *Runner) started(p *plannedStep) {
	r.emit(Event{Kind: RevisionStarted, Revision: p.id(), Message: p.step.String(), Direction: p.step.Direction.String()})
}

func (r *Runner) finished(p *plannedStep, d time.Duration) {
	r.emit(Event{Kind: RevisionFinished, Revision: p.id(), Message: p.step.String(), Direction: p.step.Direction.String(), Duration: d})
}

// runUnits runs a step's statements and calls; on failure it returns the
// index of the op that failed.
func (r *Runner) runUnits(ctx context.Context, t *txn, p *plannedStep) (int, error) {
	for _, u := range p.units {
		if u.batch != nil {
			if t.tx != nil {
				return u.op, fmt.Errorf("revision %s: %s cannot run inside the revision's transaction", p.id(), u.batch.op.Name())
			}
			if err := r.runBatch(ctx, t.conn, p, u.batch); err != nil {
				return u.op, err
			}
			continue
		}
		if u.call != nil {
			if err := r.call(ctx, t, p.id(), u.call); err != nil {
				return u.op, err
			}
			continue
		}
		if u.file != nil {
			if err := r.atomic(ctx, t, p, func(t *txn) error { return r.loadFile(ctx, t, p, u) }); err != nil {
				return u.op, fmt.Errorf("bulk_insert from %s: %w", u.file.File, err)
			}
			continue
		}
		if u.del != nil {
			if err := r.atomic(ctx, t, p, func(t *txn) error { return r.deleteFile(ctx, t, p, u) }); err != nil {
				return u.op, fmt.Errorf("bulk_delete from %s: %w", u.del.File, err)
			}
			continue
		}
		for _, st := range u.stmts {
			if st.Progress == "" {
				st.Progress = indexProgress(p.list, st)
			}
			if st.NoTransaction && t.tx != nil {
				r.emit(Event{Kind: Notice, Revision: p.id(), Message: "committing the transaction to run a statement that cannot run in one: " + oneLine(st.SQL, 80)})
				if err := t.commit(); err != nil {
					return st.Op, err
				}
				if err := r.retryStatement(ctx, conn(t), p, st); err != nil {
					return st.Op, err
				}
				if err := t.begin(ctx, p.id()); err != nil {
					return st.Op, err
				}
				continue
			}
			if t.tx == nil {
				if err := r.retryStatement(ctx, t.conn, p, st); err != nil {
					return st.Op, err
				}
				continue
			}
			if err := r.exec(ctx, t.tx, p.id(), st); err != nil {
				return st.Op, err
			}
		}
	}
	return len(p.list), nil
}

// atomic runs fn in t's transaction, or, where none is open (MySQL, whose
// DDL commits, or transaction: none), in one of its own: a bulk load or
// delete that fails part way (a bad row, a server warning after LOAD DATA)
// leaves no row behind, so a *PartialError's "not applied" is true.
func (r *Runner) atomic(ctx context.Context, t *txn, p *plannedStep, fn func(*txn) error) error {
	if t.tx != nil {
		return fn(t)
	}
	own := r.newTxn(t.conn, p.id())
	defer own.rollback()
	if err := own.begin(ctx, p.id()); err != nil {
		return err
	}
	if err := fn(own); err != nil {
		return err
	}
	return own.commit()
}

// call runs a call op's function in the current transaction, or in one of
// its own.
func (r *Runner) call(ctx context.Context, t *txn, rev string, c *ops.Call) error {
	fn, err := lookupFunc(c.Function)
	if err != nil {
		return fmt.Errorf("revision %s: %w", rev, err)
	}
	start := time.Now()
	defer func() {
		r.emit(Event{Kind: StatementRan, Revision: rev, SQL: "-- call " + c.Function, Duration: time.Since(start)})
	}()
	if t.tx != nil {
		if err := fn(ctx, t.tx); err != nil {
			return fmt.Errorf("revision %s: call %s: %w", rev, c.Function, err)
		}
		return nil
	}
	tx, err := t.conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(ctx, tx); err != nil {
		tx.Rollback()
		return fmt.Errorf("revision %s: call %s: %w", rev, c.Function, err)
	}
	return tx.Commit()
}

func conn(t *txn) *sql.Conn { return t.conn }
