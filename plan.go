package retort

import (
	"errors"
	"fmt"
	"slices"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/versions"
)

// unit is a run of planned statements, or one call op or one bulk_insert
// or bulk_delete from a file between them.
type unit struct {
	stmts []dialect.Statement // Op indexes are positions in the revision's list
	call  *ops.Call
	file  *ops.BulkInsert    // rows streamed from a file at run time
	del   *ops.BulkDelete    // rows of a file deleted by key at run time
	batch *batchJob          // a batch_update or batch_delete
	key   []string           // the key columns del matches rows on
	model *metadata.MetaData // the schema file's rows are planned against
	op    int                // the call's or the file's position
}

// plannedStep is one revision (or stamp step) of a run, planned.
type plannedStep struct {
	step          versions.Step
	list          []ops.Op // the ops the step runs
	units         []unit
	before, after []dialect.Statement // BeforeTx and AfterTx statements
	heads, next   []string            // version-table heads before and after
	changes       []versions.HeadChange
	// derived: list is the revision's derived downgrade (no downgrade: key)
	derived bool
}

// id is the step's revision id, or "" for a stamp step.
func (p *plannedStep) id() string {
	if p.step.Revision == nil {
		return ""
	}
	return p.step.Revision.ID
}

// batched reports whether the step runs batch ops, which commit batch by
// batch: it runs outside the revision transaction.
func (p *plannedStep) batched() bool {
	for _, u := range p.units {
		if u.batch != nil {
			return true
		}
	}
	return false
}

// transactional reports whether the revision may run in a transaction.
func (p *plannedStep) transactional() bool {
	return p.step.Revision == nil || p.step.Revision.Transactional
}

// modelAt folds the history up to heads: the schema the database has when
// its version table holds heads.
func (r *Runner) modelAt(heads []string) (*metadata.MetaData, error) {
	m := metadata.New()
	seen := map[string]bool{}
	for _, h := range heads {
		steps, err := r.graph.Upgrade(nil, h)
		if err != nil {
			return nil, fmt.Errorf("folding the history to %s: %w", h, err)
		}
		for _, s := range steps {
			if seen[s.Revision.ID] {
				continue
			}
			seen[s.Revision.ID] = true
			if err := fold(m, s.Revision.Upgrade); err != nil {
				return nil, fmt.Errorf("folding revision %s (%s): %w", s.Revision.ID, s.Revision.Path, err)
			}
		}
	}
	return m, nil
}

// fold applies ops to m, skipping those that cannot be folded (execute).
func fold(m *metadata.MetaData, list []ops.Op) error {
	if err := ops.ApplyAll(m, list); err != nil && !errors.Is(err, ops.ErrNotFoldable) {
		return err
	}
	return nil
}

// steps computes the steps from heads to target.
func (r *Runner) steps(dir versions.Direction, heads []string, target string) ([]versions.Step, error) {
	if dir == versions.Down {
		return r.graph.Downgrade(heads, target)
	}
	return r.graph.Upgrade(heads, target)
}

// plan plans every step from heads, folding m (the model at heads) along.
func (r *Runner) plan(m *metadata.MetaData, heads []string, steps []versions.Step) ([]*plannedStep, error) {
	out := make([]*plannedStep, 0, len(steps))
	for _, s := range steps {
		p := &plannedStep{step: s, heads: heads}
		var err error
		if p.next, p.changes, err = r.graph.MoveHeads(heads, s); err != nil {
			return nil, err
		}
		if s.Revision != nil {
			p.list = s.Revision.Upgrade
			if s.Direction == versions.Down {
				if s.Revision.DowngradeErr != nil {
					return nil, s.Revision.DowngradeErr
				}
				p.list, p.derived = s.Revision.Downgrade, s.Revision.DowngradeDerived
			}
			if err := r.planOps(m, p); err != nil {
				var ie *versions.IrreversibleError
				if errors.As(err, &ie) {
					return nil, err
				}
				return nil, fmt.Errorf("planning %s (%s): %w", s, s.Revision.Path, err)
			}
			if err := checkBatchRevision(p); err != nil {
				return nil, fmt.Errorf("%w (%s)", err, s.Revision.Path)
			}
		}
		out = append(out, p)
		heads = p.next
	}
	return out, nil
}

// planOps plans p.list against m, split at call ops, and folds it onto m.
func (r *Runner) planOps(m *metadata.MetaData, p *plannedStep) error {
	start := 0
	flush := func(end int) error {
		if start == end {
			return nil
		}
		stmts, err := r.opts.Dialect.Plan(m, p.list[start:end])
		if err != nil {
			return err
		}
		var body []dialect.Statement
		for _, st := range stmts {
			st.Op += start
			switch {
			case st.BeforeTx:
				p.before = append(p.before, st)
			case st.AfterTx:
				p.after = append(p.after, st)
			default:
				body = append(body, st)
			}
		}
		p.units = append(p.units, unit{stmts: body})
		return fold(m, p.list[start:end])
	}
	for i, o := range p.list {
		u := unit{op: i}
		if d, ok := o.(*ops.BulkDelete); ok && p.derived {
			// The reverse of a bulk_insert must find its rows by a key.
			if err := flush(i); err != nil {
				return err
			}
			start = i
			if _, err := deleteKey(m, d); err != nil {
				if t := m.Table(d.Schema, d.Table); t != nil && d.Key == "" {
					err = fmt.Errorf("bulk_insert into %s: the table has no primary key and the op names no key:, so its rows cannot be told from other rows", d.Table)
				}
				return p.step.Revision.Irreversible(len(p.list)-1-i, err)
			}
		}
		switch o := o.(type) {
		case *ops.BatchUpdate, *ops.BatchDelete:
			if err := flush(i); err != nil {
				return err
			}
			job, err := r.batchJobOf(m, o, i)
			if err != nil {
				return fmt.Errorf("op %d: %w", i+1, err)
			}
			p.units = append(p.units, unit{batch: job, op: i})
			start = i + 1
			continue
		case *ops.Call:
			u.call = o
		case *ops.BulkInsert:
			if o.File == "" {
				continue
			}
			u.file = o
		case *ops.BulkDelete:
			if o.File == "" {
				continue
			}
			u.del = o
		default:
			continue
		}
		if err := flush(i); err != nil {
			return err
		}
		if u.del != nil {
			var err error
			if u.key, err = deleteKey(m, u.del); err != nil {
				return fmt.Errorf("op %d (bulk_delete %s from %s): %w", i+1, u.del.Table, u.del.File, err)
			}
		}
		if u.file != nil || u.del != nil {
			u.model = m.Clone()
		}
		p.units = append(p.units, u)
		start = i + 1
	}
	return flush(len(p.list))
}

// sameHeads compares two head lists as sets.
func sameHeads(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
