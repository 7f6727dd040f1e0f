package retort

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/retortdb/retort/dialect"
)

// execer is what a *sql.Conn and a *sql.Tx share.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// errCheckFailed is the error of a FailIfRows statement that returned a row.
var errCheckFailed = errors.New("check failed: the statement returned rows")

// exec runs one statement by its flags (dialect.Statement), reporting it.
func (r *Runner) exec(ctx context.Context, x execer, rev string, s dialect.Statement) error {
	if s.Progress != "" {
		r.emit(Event{Kind: Progress, Revision: rev, Message: s.Progress, Rows: -1})
	}
	start := time.Now()
	err := r.execFlags(ctx, x, s)
	r.emit(Event{Kind: StatementRan, Revision: rev, SQL: s.SQL, Duration: time.Since(start)})
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("revision %s: %w", rev, ctx.Err())
		}
		return &StatementError{Revision: rev, SQL: s.SQL, Err: err}
	}
	return nil
}

func (r *Runner) execFlags(ctx context.Context, x execer, s dialect.Statement) error {
	if !s.FailIfRows && !s.ExecRows {
		_, err := x.ExecContext(ctx, s.SQL, s.Args...)
		return err
	}
	rows, err := x.QueryContext(ctx, s.SQL, s.Args...)
	if err != nil {
		return err
	}
	var texts []string
	for rows.Next() {
		if s.FailIfRows {
			rows.Close()
			return errCheckFailed
		}
		var text string
		if err := rows.Scan(&text); err != nil {
			rows.Close()
			return err
		}
		texts = append(texts, text)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, text := range texts {
		if _, err := x.ExecContext(ctx, text); err != nil {
			return fmt.Errorf("replaying %q: %w", oneLine(text, 200), err)
		}
	}
	return nil
}

// moveHeads runs a step's version-table changes, checking that each
// update and delete matched its row.
func (r *Runner) moveHeads(ctx context.Context, x execer, p *plannedStep) error {
	stmts, err := r.vt.Statements(p.changes)
	if err != nil {
		return err
	}
	for i, st := range stmts {
		start := time.Now()
		res, err := x.ExecContext(ctx, st.SQL, st.Args...)
		r.emit(Event{Kind: StatementRan, Revision: p.id(), SQL: st.SQL, Duration: time.Since(start)})
		if err != nil {
			return &StatementError{Revision: p.id(), SQL: st.SQL, Err: err}
		}
		if n, err := res.RowsAffected(); err == nil && n != 1 {
			return fmt.Errorf("version table: %s matched %d rows, not 1: another runner changed it (is its lock_timeout or version_table different?)", p.changes[i], n)
		}
	}
	return nil
}

// readHeads reads the version table.
func (r *Runner) readHeads(ctx context.Context, x execer) ([]string, error) {
	start := time.Now()
	heads, err := r.vt.Heads(ctx, x)
	r.emit(Event{Kind: StatementRan, SQL: "-- read the version table", Duration: time.Since(start)})
	return heads, err
}

// newTxn starts a run's transaction state on conn, reporting BEGIN and
// COMMIT as statements of rev.
func (r *Runner) newTxn(conn *sql.Conn, rev string) *txn {
	return &txn{conn: conn, report: func(sql string, d time.Duration) {
		r.emit(Event{Kind: StatementRan, Revision: rev, SQL: sql, Duration: d})
	}}
}
