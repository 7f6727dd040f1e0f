package retort

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/retortdb/retort/dialect"
)

// batchTableDDL creates the progress table where it is missing. Its
// columns are ones every dialect spells alike.
func (r *Runner) batchTableDDL() string {
	q := r.opts.Dialect.QuoteIdent
	return fmt.Sprintf("CREATE TABLE IF NOT EXISTS %s (%s varchar(255) NOT NULL, %s varchar(16) NOT NULL, %s integer NOT NULL, "+
		"%s varchar(1024), %s bigint NOT NULL, %s integer NOT NULL, PRIMARY KEY (%s, %s, %s))",
		q(dialect.BatchTable), q("revision"), q("direction"), q("op"), q("last_key"), q("rows_done"), q("finished"),
		q("revision"), q("direction"), q("op"))
}

// batchWhere is the progress table's WHERE for one op of p, from
// placeholder n on, with its arguments.
func (r *Runner) batchWhere(p *plannedStep, op, n int) (string, []any) {
	d := r.opts.Dialect
	q := d.QuoteIdent
	return fmt.Sprintf("%s = %s AND %s = %s AND %s = %s", q("revision"), d.Placeholder(n), q("direction"), d.Placeholder(n+1), q("op"), d.Placeholder(n+2)),
		[]any{p.id(), p.step.Direction.String(), op}
}

// batchProgress reads how far an earlier run of the op got.
func (r *Runner) batchProgress(ctx context.Context, conn *sql.Conn, p *plannedStep, j *batchJob) (batchState, error) {
	q := r.opts.Dialect.QuoteIdent
	where, args := r.batchWhere(p, j.index, 1)
	query := fmt.Sprintf("SELECT %s, %s, %s FROM %s WHERE %s", q("last_key"), q("rows_done"), q("finished"), q(dialect.BatchTable), where)
	var last sql.NullString
	var st batchState
	var finished int
	err := conn.QueryRowContext(ctx, query, args...).Scan(&last, &st.rows, &finished)
	if errors.Is(err, sql.ErrNoRows) {
		return batchState{}, nil
	}
	if err != nil {
		return st, &StatementError{Revision: p.id(), SQL: query, Err: err}
	}
	st.found, st.done = true, finished != 0
	if last.Valid {
		st.last = last.String
		if j.ints {
			n, err := strconv.ParseInt(last.String, 10, 64)
			if err != nil {
				return st, fmt.Errorf("revision %s: %s: progress key %q is not an integer", p.id(), dialect.BatchTable, last.String)
			}
			st.last = n
		}
	}
	return st, nil
}

// saveBatch records st in the batch's transaction.
func (r *Runner) saveBatch(ctx context.Context, tx *sql.Tx, p *plannedStep, j *batchJob, exists bool, st batchState) error {
	d := r.opts.Dialect
	q := d.QuoteIdent
	last, err := keyText(st.last)
	if err != nil {
		return fmt.Errorf("revision %s: %s %s: %w", p.id(), j.op.Name(), j.table, err)
	}
	finished := 0
	if st.done {
		finished = 1
	}
	var query string
	var args []any
	if exists {
		where, wargs := r.batchWhere(p, j.index, 4)
		query = fmt.Sprintf("UPDATE %s SET %s = %s, %s = %s, %s = %s WHERE %s", q(dialect.BatchTable),
			q("last_key"), d.Placeholder(1), q("rows_done"), d.Placeholder(2), q("finished"), d.Placeholder(3), where)
		args = append([]any{last, st.rows, finished}, wargs...)
	} else {
		_, wargs := r.batchWhere(p, j.index, 1)
		query = fmt.Sprintf("INSERT INTO %s (%s, %s, %s, %s, %s, %s) VALUES (%s, %s, %s, %s, %s, %s)", q(dialect.BatchTable),
			q("revision"), q("direction"), q("op"), q("last_key"), q("rows_done"), q("finished"),
			d.Placeholder(1), d.Placeholder(2), d.Placeholder(3), d.Placeholder(4), d.Placeholder(5), d.Placeholder(6))
		args = append(wargs, last, st.rows, finished)
	}
	if _, err := tx.ExecContext(ctx, query, args...); err != nil {
		return &StatementError{Revision: p.id(), SQL: query, Err: err}
	}
	return nil
}

// clearBatches deletes p's progress rows, in the transaction that moves
// the version table past p.
func (r *Runner) clearBatches(ctx context.Context, x execer, p *plannedStep) error {
	q := r.opts.Dialect.QuoteIdent
	d := r.opts.Dialect
	query := fmt.Sprintf("DELETE FROM %s WHERE %s = %s AND %s = %s", q(dialect.BatchTable), q("revision"), d.Placeholder(1), q("direction"), d.Placeholder(2))
	return r.exec(ctx, x, p.id(), dialect.Statement{SQL: query, Args: []any{p.id(), p.step.Direction.String()}, Op: -1})
}

// batchRemaining counts the rows after the last committed batch, for the
// ETA (an index-only count of the key).
func (r *Runner) batchRemaining(ctx context.Context, conn *sql.Conn, j *batchJob, st batchState) (int64, error) {
	query := fmt.Sprintf("SELECT count(*) FROM %s", j.table)
	var args []any
	if st.last != nil {
		query += fmt.Sprintf(" WHERE %s > %s", j.key, r.opts.Dialect.Placeholder(1))
		args = append(args, st.last)
	}
	var n int64
	err := conn.QueryRowContext(ctx, query, args...).Scan(&n)
	return n, err
}

// rateMeter turns rows done into rows/s and an ETA.
type rateMeter struct {
	start       time.Time
	base, total int64 // rows done before this run; rows left at its start
}

func newRateMeter(base, total int64) *rateMeter {
	return &rateMeter{start: time.Now(), base: base, total: total}
}

// report is "120000 rows, 98000 rows/s, ETA 9s".
func (m *rateMeter) report(rows int64) string {
	done := rows - m.base
	el := time.Since(m.start).Seconds()
	if el <= 0 || done <= 0 {
		return fmt.Sprintf("%d rows", rows)
	}
	rate := float64(done) / el
	eta := time.Duration(float64(max(m.total-done, 0)) / rate * float64(time.Second)).Round(time.Second)
	return fmt.Sprintf("%d rows, %.0f rows/s, ETA %s", rows, rate, eta)
}

// summary is "1000000 rows in 8.2s (122000 rows/s)".
func (m *rateMeter) summary(rows int64) string {
	el := time.Since(m.start)
	rate := 0.0
	if el > 0 {
		rate = float64(rows-m.base) / el.Seconds()
	}
	return fmt.Sprintf("%d rows in %s (%.0f rows/s this run)", rows, el.Round(time.Millisecond), rate)
}
