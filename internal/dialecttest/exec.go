package dialecttest

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// execer is what a *sql.Conn and a *sql.Tx share.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Exec runs planned statements on db as the runner does: BeforeTx ones
// first, then the others in one transaction when d has transactional DDL
// (a NoTransaction statement commits it and runs on its own), FailIfRows
// checks failing when they return a row, ExecRows queries replayed, and
// AfterTx ones last, whatever happened.
func Exec(ctx context.Context, d dialect.Dialect, db *sql.DB, stmts []dialect.Statement) (err error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	var body, after []dialect.Statement
	for _, s := range stmts {
		switch {
		case s.BeforeTx:
			if err := run(ctx, conn, s); err != nil {
				return err
			}
		case s.AfterTx:
			after = append(after, s)
		default:
			body = append(body, s)
		}
	}
	defer func() {
		for _, s := range after {
			if e := run(ctx, conn, s); e != nil && err == nil {
				err = e
			}
		}
	}()
	if !d.Capabilities().TransactionalDDL {
		for _, s := range body {
			if err := run(ctx, conn, s); err != nil {
				return err
			}
		}
		return nil
	}
	var tx *sql.Tx
	commit := func() error {
		if tx == nil {
			return nil
		}
		err := tx.Commit()
		tx = nil
		return err
	}
	defer func() {
		if tx != nil {
			tx.Rollback()
		}
	}()
	for _, s := range body {
		if s.NoTransaction {
			if err := commit(); err != nil {
				return err
			}
			if err := run(ctx, conn, s); err != nil {
				return err
			}
			continue
		}
		if tx == nil {
			if tx, err = conn.BeginTx(ctx, nil); err != nil {
				return err
			}
		}
		if err := run(ctx, tx, s); err != nil {
			return err
		}
	}
	return commit()
}

// run runs one statement by its flags.
func run(ctx context.Context, x execer, s dialect.Statement) error {
	wrap := func(err error) error { return fmt.Errorf("%w\nstatement: %s", err, s.SQL) }
	if !s.FailIfRows && !s.ExecRows {
		if _, err := x.ExecContext(ctx, s.SQL, s.Args...); err != nil {
			return wrap(err)
		}
		return nil
	}
	rows, err := x.QueryContext(ctx, s.SQL, s.Args...)
	if err != nil {
		return wrap(err)
	}
	var texts []string
	for rows.Next() {
		if s.FailIfRows {
			rows.Close()
			return wrap(fmt.Errorf("check returned a row"))
		}
		var text string
		if err := rows.Scan(&text); err != nil {
			rows.Close()
			return wrap(err)
		}
		texts = append(texts, text)
	}
	if err := rows.Close(); err != nil {
		return wrap(err)
	}
	if err := rows.Err(); err != nil {
		return wrap(err)
	}
	for _, text := range texts {
		if _, err := x.ExecContext(ctx, text); err != nil {
			return wrap(fmt.Errorf("replaying %q: %w", text, err))
		}
	}
	return nil
}

// PlanAndExec plans list against state and runs the statements on db,
// failing the test on any error.
func PlanAndExec(t testing.TB, d dialect.Dialect, db *sql.DB, state *metadata.MetaData, list ...ops.Op) {
	t.Helper()
	stmts, err := d.Plan(state, list)
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	if err := Exec(ctx(t), d, db, stmts); err != nil {
		t.Fatalf("exec: %v", err)
	}
}

// Inspect reads db's schema (the default schema and the named ones),
// failing the test on an error.
func Inspect(t testing.TB, d dialect.Dialect, db *sql.DB, schemas ...string) *dialect.Inspection {
	t.Helper()
	var opts dialect.InspectOptions
	if len(schemas) > 0 {
		opts.Schemas = append([]string{""}, schemas...)
	}
	in, err := d.Inspect(ctx(t), db, opts)
	if err != nil {
		t.Fatalf("inspect: %v", err)
	}
	return in
}
