package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/pmezard/go-difflib/difflib"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
	"github.com/stretchr/testify/require"
)

var sqliteDialect = &Dialect{}

// runStatements runs a plan on one connection the way the runner does:
// BeforeTx statements first, the rest in one transaction (FailIfRows
// checks and ExecRows replays honoured), AfterTx statements last, whatever
// happened.
func runStatements(ctx context.Context, db *sql.DB, stmts []dialect.Statement) (err error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, s := range stmts {
		if s.BeforeTx {
			if _, err := conn.ExecContext(ctx, s.SQL, s.Args...); err != nil {
				return fmt.Errorf("%s: %w", s.SQL, err)
			}
		}
	}
	defer func() {
		for _, s := range stmts {
			if s.AfterTx {
				if _, aerr := conn.ExecContext(ctx, s.SQL, s.Args...); aerr != nil && err == nil {
					err = aerr
				}
			}
		}
	}()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	for _, s := range stmts {
		if s.BeforeTx || s.AfterTx {
			continue
		}
		if err := runOne(ctx, tx, s); err != nil {
			tx.Rollback()
			return err
		}
	}
	return tx.Commit()
}

func runOne(ctx context.Context, tx *sql.Tx, s dialect.Statement) error {
	if !s.FailIfRows && !s.ExecRows {
		if _, err := tx.ExecContext(ctx, s.SQL, s.Args...); err != nil {
			return fmt.Errorf("%s: %w", s.SQL, err)
		}
		return nil
	}
	rows, err := tx.QueryContext(ctx, s.SQL, s.Args...)
	if err != nil {
		return fmt.Errorf("%s: %w", s.SQL, err)
	}
	var texts []string
	n := 0
	for rows.Next() {
		n++
		if s.ExecRows {
			var text string
			if err := rows.Scan(&text); err != nil {
				rows.Close()
				return err
			}
			texts = append(texts, text)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if s.FailIfRows && n > 0 {
		return fmt.Errorf("%s: %d rows: %w", s.SQL, n, errCheckFailed)
	}
	for _, text := range texts {
		if _, err := tx.ExecContext(ctx, text); err != nil {
			return fmt.Errorf("%s: %w", text, err)
		}
	}
	return nil
}

var errCheckFailed = fmt.Errorf("check failed")

// apply plans list against state and runs it on db.
func apply(t testing.TB, db *sql.DB, state *metadata.MetaData, list ...ops.Op) []dialect.Statement {
	t.Helper()
	stmts, err := sqliteDialect.Plan(state, list)
	require.NoError(t, err)
	require.NoError(t, runStatements(context.Background(), db, stmts))
	return stmts
}

// create makes m in db from an empty database.
func create(t testing.TB, db *sql.DB, m *metadata.MetaData) {
	t.Helper()
	apply(t, db, metadata.New(), dialect.CreateOpsFor(sqliteDialect, m)...)
}

// inspect reflects db.
func inspect(t testing.TB, db dialect.Queryer) *dialect.Inspection {
	t.Helper()
	in, err := sqliteDialect.Inspect(context.Background(), db, dialect.InspectOptions{})
	require.NoError(t, err)
	return in
}

// modelJSON renders a model for comparison, without its naming convention.
func modelJSON(t testing.TB, m *metadata.MetaData) string {
	t.Helper()
	c := m.Clone()
	c.NamingConvention = nil
	b, err := metadata.WriteJSON(c)
	require.NoError(t, err)
	var v any
	require.NoError(t, json.Unmarshal(b, &v))
	out, err := json.MarshalIndent(v, "", " ")
	require.NoError(t, err)
	return string(out)
}

// freshDB returns an empty SQLite database file.
func freshDB(t testing.TB) *sql.DB { return dbtest.SQLite(t).DB }

// requireSameModel fails with a unified diff when two models differ.
func requireSameModel(t testing.TB, want, got *metadata.MetaData, msgAndArgs ...any) {
	t.Helper()
	w, g := modelJSON(t, want), modelJSON(t, got)
	if w == g {
		return
	}
	diff, _ := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A: difflib.SplitLines(w), B: difflib.SplitLines(g),
		FromFile: "want", ToFile: "got", Context: 3,
	})
	t.Fatalf("models differ %v:\n%s", msgAndArgs, diff)
}
