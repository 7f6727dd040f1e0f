package retort

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/versions"
)

// ErrNotRolling is wrapped when a revision holds a change a rolling schema
// upgrade cannot make safely.
var ErrNotRolling = errors.New("not safe for a rolling schema upgrade")

// UpgradeRolling applies the revisions up to target as a rolling schema
// upgrade (Galera's RSU): each revision's DDL runs on every node in turn,
// on that node alone (it desyncs while the statement runs; the others keep
// serving), then the version table moves once, replicated as usual. The
// migration lock is the cluster-wide one, taken through Options.DB.
//
// Only changes that old and new schema can both replicate through are
// allowed: create_index and drop_index. Anything else (a column, a table,
// a data step) is refused before any statement runs: under RSU the nodes
// would disagree about the schema while row events flow between them.
func (r *Runner) UpgradeRolling(ctx context.Context, target string, nodes []*sql.DB) error {
	if err := r.needDB(); err != nil {
		return err
	}
	ru, ok := r.opts.Dialect.(dialect.RollingUpgrader)
	if !ok {
		return fmt.Errorf("retort: this dialect has no rolling schema upgrade: run a plain upgrade")
	}
	if len(nodes) == 0 {
		return errors.New("retort: a rolling schema upgrade needs the cluster's nodes")
	}
	return r.locked(ctx, func(conn *sql.Conn) error {
		heads, err := r.readHeads(ctx, conn)
		if err != nil {
			return err
		}
		steps, err := r.steps(versions.Up, heads, target)
		if err != nil || len(steps) == 0 {
			return r.unknownHeads(heads, err)
		}
		m, err := r.modelAt(heads)
		if err != nil {
			return err
		}
		plan, err := r.plan(m, heads, steps)
		if err != nil {
			return err
		}
		for _, p := range plan {
			if err := rollingSafe(p); err != nil {
				return err
			}
		}
		for _, p := range plan {
			if err := r.rollStep(ctx, ru, conn, p, nodes); err != nil {
				return err
			}
		}
		return nil
	})
}

// rollingSafe refuses a step with anything but index changes.
func rollingSafe(p *plannedStep) error {
	if p.step.Revision == nil || len(p.before)+len(p.after) > 0 {
		return fmt.Errorf("revision %s: %w (a stamp step or session settings)", p.id(), ErrNotRolling)
	}
	for i, op := range p.list {
		switch op.(type) {
		case *ops.CreateIndex, *ops.DropIndex:
		default:
			return fmt.Errorf("revision %s, op %d (%T): %w: only create_index and drop_index are; run a plain (TOI) upgrade for it",
				p.id(), i+1, op, ErrNotRolling)
		}
	}
	for _, u := range p.units {
		if u.call != nil || u.file != nil || u.del != nil {
			return fmt.Errorf("revision %s: %w (a data step)", p.id(), ErrNotRolling)
		}
	}
	return nil
}

// rollStep runs one revision's statements on each node in turn, then
// moves the version table on conn.
func (r *Runner) rollStep(ctx context.Context, ru dialect.RollingUpgrader, conn *sql.Conn, p *plannedStep, nodes []*sql.DB) error {
	start := time.Now()
	r.started(p)
	for i, node := range nodes {
		if err := r.rollNode(ctx, ru, node, p); err != nil {
			return fmt.Errorf("revision %s on node %d of %d (nodes 1 to %d have the change and the version table has not moved: undo it there, or make it by hand on the rest and stamp): %w",
				p.id(), i+1, len(nodes), i, err)
		}
		r.emit(Event{Kind: Notice, Revision: p.id(), Message: fmt.Sprintf("rolling upgrade: node %d of %d done", i+1, len(nodes))})
	}
	if err := r.moveHeads(ctx, conn, p); err != nil {
		return err
	}
	r.finished(p, time.Since(start))
	return nil
}

// rollNode runs p's statements on one node under RSU.
func (r *Runner) rollNode(ctx context.Context, ru dialect.RollingUpgrader, node *sql.DB, p *plannedStep) (err error) {
	nc, err := node.Conn(ctx)
	if err != nil {
		return err
	}
	defer nc.Close()
	begin, end, err := ru.Rolling(ctx, nc)
	if err != nil {
		return err
	}
	for _, st := range begin {
		if err := r.exec(ctx, nc, p.id(), st); err != nil {
			return err
		}
	}
	defer func() {
		for _, st := range end {
			if e := r.exec(context.WithoutCancel(ctx), nc, p.id(), st); e != nil && err == nil {
				err = e
			}
		}
	}()
	for _, u := range p.units {
		for _, st := range u.stmts {
			if err := r.exec(ctx, nc, p.id(), st); err != nil {
				return err
			}
		}
	}
	return nil
}
