package dialect_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/dialect"
)

// TestInline checks that a bound statement rendered for a script equals the
// same statement compiled in literal mode.
func TestInline(t *testing.T) {
	stmts := []dialect.Stmt{
		dialect.InsertInto(dialect.Table(`we"ird$1?`), "a", "b").Values("it's $2 ?", nil).Values(12, []byte{1}),
		&dialect.Delete{Table: dialect.Table("t"), Where: dialect.Or(dialect.And(dialect.Eq("k", 1), dialect.Eq("j", "x")), dialect.In("k", 10, 11, 12))},
		&dialect.Raw{SQL: "SELECT ':lit', :a -- :a\n, :b", Binds: map[string]any{"a": "?", "b": "$1"}},
	}
	for _, d := range []stub{pgLike, mysqlLike} {
		for _, st := range stmts {
			bound, err := dialect.Compile(d, st)
			require.NoError(t, err)
			got, err := dialect.Inline(d, bound)
			require.NoError(t, err)
			want, err := dialect.CompileLiteral(d, st)
			require.NoError(t, err)
			assert.Equal(t, want, got)
		}
	}
	_, err := dialect.Inline(pgLike, dialect.Statement{SQL: "SELECT $2", Args: []any{1}})
	assert.ErrorContains(t, err, "argument 2")
}
