package retort

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/retortdb/retort/ops"
)

// runDirect runs a step without a transaction (MySQL, transaction: none,
// or a transactional: false revision). The version table moves after
// the ops; a failure part way is a *PartialError.
func (r *Runner) runDirect(ctx context.Context, conn *sql.Conn, p *plannedStep) (err error) {
	heads, err := r.readHeads(ctx, conn)
	if err != nil {
		return err
	}
	if !sameHeads(heads, p.heads) {
		return errHeadsMoved
	}
	actx := context.WithoutCancel(ctx)
	for _, st := range p.before {
		if err := r.exec(ctx, conn, p.id(), st); err != nil {
			return err
		}
	}
	defer func() {
		for _, st := range p.after {
			if e := r.exec(actx, conn, p.id(), st); e != nil && err == nil {
				err = e
			}
		}
	}()
	start := time.Now()
	r.started(p)
	if err := r.setTimeouts(ctx, conn, p); err != nil {
		return err
	}
	t := &txn{conn: conn}
	if failed, err := r.runUnits(ctx, t, p); err != nil {
		return r.partial(actx, conn, p, failed, err)
	}
	if err := r.moveHeadsDirect(ctx, conn, p); err != nil {
		return err
	}
	r.finished(p, time.Since(start))
	return nil
}

// moveHeadsDirect moves the version table after a step run without a
// transaction; a step of batch ops deletes its progress rows in the same
// transaction, so a crash leaves either both or neither.
func (r *Runner) moveHeadsDirect(ctx context.Context, conn *sql.Conn, p *plannedStep) error {
	if !p.batched() {
		return r.moveHeads(ctx, conn, p)
	}
	t := r.newTxn(conn, p.id())
	defer t.rollback()
	if err := t.begin(ctx, p.id()); err != nil {
		return err
	}
	if err := r.moveHeads(ctx, t.tx, p); err != nil {
		return err
	}
	if err := r.clearBatches(ctx, t.tx, p); err != nil {
		return err
	}
	return t.commit()
}

// partial builds the *PartialError of a step that failed at op failed,
// and compensates when asked.
func (r *Runner) partial(ctx context.Context, conn *sql.Conn, p *plannedStep, failed int, err error) error {
	if ctx.Err() != nil && errors.Is(err, ctx.Err()) && failed == 0 {
		return err
	}
	pe := &PartialError{Revision: p.id(), Applied: p.list[:failed], Failed: p.list[failed:], Err: err}
	pe.Compensation = compensation(pe.Applied)
	if pe.Compensation != nil && len(pe.Applied) > 0 && r.opts.Compensate {
		if cerr := r.compensate(ctx, conn, p, pe.Applied, pe.Compensation); cerr != nil {
			pe.CompensateErr = cerr
		} else {
			pe.Compensated = true
		}
	}
	return pe
}

// compensation is the reverse of applied, last op first; nil when an op
// cannot be reversed.
func compensation(applied []ops.Op) []ops.Op {
	out := make([]ops.Op, 0, len(applied))
	for i := len(applied) - 1; i >= 0; i-- {
		rev, err := applied[i].Reverse()
		if err != nil {
			return nil
		}
		out = append(out, rev)
	}
	return out
}

// compensate plans the reverse ops against the model after the applied
// ones and runs them.
func (r *Runner) compensate(ctx context.Context, conn *sql.Conn, p *plannedStep, applied, reverse []ops.Op) error {
	m, err := r.modelAt(p.heads)
	if err != nil {
		return err
	}
	if err := fold(m, applied); err != nil {
		return fmt.Errorf("folding the applied ops: %w", err)
	}
	c := &plannedStep{step: p.step, list: reverse, heads: p.heads}
	if err := r.planOps(m, c); err != nil {
		return fmt.Errorf("planning the compensation: %w", err)
	}
	r.emit(Event{Kind: Notice, Revision: p.id(), Message: fmt.Sprintf("compensating: running the reverse of %d applied ops", len(applied))})
	for _, st := range c.before {
		if err := r.exec(ctx, conn, p.id(), st); err != nil {
			return err
		}
	}
	_, err = r.runUnits(ctx, &txn{conn: conn}, c)
	for _, st := range c.after {
		if e := r.exec(ctx, conn, p.id(), st); e != nil && err == nil {
			err = e
		}
	}
	return err
}
