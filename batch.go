package retort

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/versions"
)

// batchJob is one batch_update or batch_delete, resolved against the model.
type batchJob struct {
	op    ops.Op
	index int    // the op's position in the revision
	table string // quoted, for SQL
	name  string // as the revision names it, for messages
	key   string // the quoted primary key column
	ints  bool   // the key is an integer column (else text)
	size  int
	sleep time.Duration
	// body is the UPDATE or DELETE without its key range: "UPDATE t SET
	// s WHERE (w)" or "DELETE FROM t WHERE 1 = 1".
	body string
}

// batchOp returns the batch op of o, or nil.
func batchOp(o ops.Op) ops.Op {
	switch o.(type) {
	case *ops.BatchUpdate, *ops.BatchDelete:
		return o
	}
	return nil
}

// checkBatchRevision refuses a revision that mixes batch ops with others:
// a batch op commits as it goes and a rerun after a crash resumes it, so
// the revision runs again from its first op, and other ops would run twice.
func checkBatchRevision(p *plannedStep) error {
	var batch, other ops.Op
	for _, o := range p.list {
		if batchOp(o) != nil {
			batch = o
		} else if other == nil {
			other = o
		}
	}
	if batch != nil && other != nil {
		return fmt.Errorf("revision %s: %s runs in transactions of its own and resumes after a crash, so it must be alone in its revision (with other batch ops only): move %s to a revision of its own", p.id(), batch.Name(), other.Name())
	}
	return nil
}

// batchJobOf resolves o's table and key in m.
func (r *Runner) batchJobOf(m *metadata.MetaData, o ops.Op, index int) (*batchJob, error) {
	d := r.opts.Dialect
	j := &batchJob{op: o, index: index}
	var ref ops.TableRef
	var where string
	switch o := o.(type) {
	case *ops.BatchUpdate:
		ref, where, j.size, j.sleep = o.TableRef, o.Where, o.Size(), o.Sleep
	case *ops.BatchDelete:
		ref, where, j.size, j.sleep = o.TableRef, o.Where, o.Size(), o.Sleep
	}
	t := m.Table(ref.Schema, ref.Table)
	switch {
	case t == nil:
		return nil, fmt.Errorf("%s %s: the table is not in the schema at this revision", o.Name(), ref.Table)
	case t.PrimaryKey == nil || len(t.PrimaryKey.Columns) != 1:
		return nil, fmt.Errorf("%s %s: batches are ranges of a primary key of one column, which the table does not have: use an execute, or add such a key first", o.Name(), ref.Table)
	}
	col := t.Column(t.PrimaryKey.Columns[0])
	switch col.Type.Kind {
	case metadata.SmallInt, metadata.Integer, metadata.BigInt:
		j.ints = true
	case metadata.Varchar, metadata.Char, metadata.Text:
	default:
		return nil, fmt.Errorf("%s %s: batches are ranges of an integer or text primary key, not of %s %s: use an execute", o.Name(), ref.Table, col.Name, col.Type.Kind)
	}
	j.table, j.name = dialect.QualifiedName(d, ref.Schema, ref.Table), ref.Table
	j.key = d.QuoteIdent(col.Name)
	if where == "" {
		where = "1 = 1"
	}
	if u, ok := o.(*ops.BatchUpdate); ok {
		j.body = fmt.Sprintf("UPDATE %s SET %s WHERE (%s)", j.table, u.Set, where)
	} else {
		j.body = fmt.Sprintf("DELETE FROM %s WHERE (%s)", j.table, where)
	}
	return j, nil
}

// batchState is how far a job got: the last key of its last committed
// batch (nil before the first) and the rows it changed.
type batchState struct {
	last  any
	rows  int64
	done  bool
	found bool // a progress row exists
}

// runBatch runs a batch op on conn: batch after batch, each in a
// transaction of its own with its progress row, starting after the last
// committed batch of an earlier, interrupted run.
func (r *Runner) runBatch(ctx context.Context, conn *sql.Conn, p *plannedStep, j *batchJob) error {
	if err := r.exec(ctx, conn, p.id(), dialect.Statement{SQL: r.batchTableDDL(), Op: j.index}); err != nil {
		return err
	}
	st, err := r.batchProgress(ctx, conn, p, j)
	if err != nil || st.done {
		return err
	}
	if st.found {
		r.emit(Event{Kind: Notice, Revision: p.id(), Message: fmt.Sprintf("%s %s: resuming after key %v (%d rows done by an earlier run)", j.op.Name(), j.name, st.last, st.rows)})
	}
	total, err := r.batchRemaining(ctx, conn, j, st)
	if err != nil {
		return err
	}
	meter := newRateMeter(st.rows, total)
	for !st.done {
		err := r.retrying(ctx, "the batch, rolled back", func() error {
			next, err := r.batchOnce(ctx, conn, p, j, st)
			if err == nil {
				st = next
			}
			return err
		}, func(error) (string, versions.Timeouts) { return p.id(), r.timeoutsOf(p) })
		if err != nil {
			return err
		}
		r.emit(Event{Kind: Progress, Revision: p.id(), Rows: st.rows, Message: fmt.Sprintf("%s %s: %s", j.op.Name(), j.name, meter.report(st.rows))})
		if !st.done && j.sleep > 0 {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(j.sleep):
			}
		}
	}
	r.emit(Event{Kind: Notice, Revision: p.id(), Message: fmt.Sprintf("%s %s: %s", j.op.Name(), j.name, meter.summary(st.rows))})
	return nil
}

// batchOnce runs the batch after st.last in a transaction of its own and
// returns the state it committed.
func (r *Runner) batchOnce(ctx context.Context, conn *sql.Conn, p *plannedStep, j *batchJob, st batchState) (batchState, error) {
	t := r.newTxn(conn, p.id())
	defer t.rollback()
	if err := t.begin(ctx, p.id()); err != nil {
		return st, err
	}
	hi, err := r.batchBound(ctx, t.tx, j, st.last)
	if err != nil {
		return st, &StatementError{Revision: p.id(), SQL: "-- the upper key of a batch of " + j.table, Err: err}
	}
	sqlText, args := r.batchRange(j.body, j.key, st.last, hi)
	start := time.Now()
	res, err := t.tx.ExecContext(ctx, sqlText, args...)
	r.emit(Event{Kind: StatementRan, Revision: p.id(), SQL: sqlText, Duration: time.Since(start)})
	if err != nil {
		return st, &StatementError{Revision: p.id(), SQL: sqlText, Err: err}
	}
	n, _ := res.RowsAffected()
	next := batchState{last: hi, rows: st.rows + n, done: hi == nil, found: true}
	if hi == nil {
		next.last = st.last
	}
	if err := r.saveBatch(ctx, t.tx, p, j, st.found, next); err != nil {
		return st, err
	}
	if err := t.commit(); err != nil {
		return st, fmt.Errorf("revision %s: %s %s: commit of a batch: %w", p.id(), j.op.Name(), j.table, err)
	}
	return next, nil
}

// batchBound returns the key that ends the batch after last: the size-th
// key after it, or nil when fewer rows are left (the last batch, open
// ended, takes them and any inserted meanwhile).
func (r *Runner) batchBound(ctx context.Context, tx *sql.Tx, j *batchJob, last any) (any, error) {
	d := r.opts.Dialect
	q := fmt.Sprintf("SELECT %s FROM %s", j.key, j.table)
	var args []any
	if last != nil {
		q += fmt.Sprintf(" WHERE %s > %s", j.key, d.Placeholder(1))
		args = append(args, last)
	}
	q += fmt.Sprintf(" ORDER BY %s LIMIT 1 OFFSET %d", j.key, j.size-1)
	var hi any
	err := tx.QueryRowContext(ctx, q, args...).Scan(&hi)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if b, ok := hi.([]byte); ok {
		hi = string(b)
	}
	return hi, err
}

// batchRange adds the key range (last, hi] to body.
func (r *Runner) batchRange(body, key string, last, hi any) (string, []any) {
	d := r.opts.Dialect
	var args []any
	if last != nil {
		args = append(args, last)
		body += fmt.Sprintf(" AND %s > %s", key, d.Placeholder(len(args)))
	}
	if hi != nil {
		args = append(args, hi)
		body += fmt.Sprintf(" AND %s <= %s", key, d.Placeholder(len(args)))
	}
	return body, args
}

// keyText is a key as the progress row keeps it.
func keyText(k any) (sql.NullString, error) {
	switch k := k.(type) {
	case nil:
		return sql.NullString{}, nil
	case int64:
		return sql.NullString{String: strconv.FormatInt(k, 10), Valid: true}, nil
	case string:
		return sql.NullString{String: k, Valid: true}, nil
	}
	return sql.NullString{}, fmt.Errorf("a primary key value of type %T: batches need an integer or text key", k)
}
