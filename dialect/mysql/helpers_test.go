package mysql

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// testDialect is the registered (flavour-neutral) dialect.
var testDialect = &Dialect{}

// run plans list against state and executes every statement on db.
func run(t testing.TB, db *dbtest.DB, state *metadata.MetaData, list ...ops.Op) []dialect.Statement {
	t.Helper()
	stmts, err := testDialect.Plan(state, list)
	require.NoError(t, err)
	for _, s := range stmts {
		_, err := db.ExecContext(context.Background(), s.SQL, s.Args...)
		require.NoError(t, err, "statement:\n%s", s.SQL)
	}
	return stmts
}

// inspect reflects db.
func inspect(t testing.TB, db *dbtest.DB) *dialect.Inspection {
	t.Helper()
	in, err := testDialect.Inspect(context.Background(), db.DB, dialect.InspectOptions{})
	require.NoError(t, err)
	return in
}

// requireSameSchema compares two models table by table, so a failure shows
// the table that differs.
func requireSameSchema(t testing.TB, want, got *metadata.MetaData) {
	t.Helper()
	require.Equal(t, tableNames(want), tableNames(got), "tables")
	for i := range want.Tables {
		require.Equal(t, want.Tables[i], got.Tables[i], "table %q", want.Tables[i].Name)
	}
	require.Equal(t, want.Enums, got.Enums, "enums")
}

func tableNames(m *metadata.MetaData) []string {
	var out []string
	for _, t := range m.Tables {
		out = append(out, t.Name)
	}
	return out
}
