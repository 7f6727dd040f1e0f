package ops_test

import (
	"cmp"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/metadata"
)

// fixture reads the shared fixture schema, a realistic model with schemas,
// enums, composite keys, expression and partial indexes and awkward names.
func fixture(t testing.TB) *metadata.MetaData {
	t.Helper()
	m, err := metadata.ReadFile(filepath.Join("..", "testdata", "schemas", "fixture.yaml"))
	require.NoError(t, err)
	return m
}

// requireSameModel fails with a readable diff (schema.yaml text) when the
// models differ, then compares them field by field. Lists the ops cannot
// put back in place are compared as sets: a dropped and re-added column,
// table, enum, index or constraint comes last, as it does in a database.
// Enum values keep their order.
func requireSameModel(t testing.TB, want, got *metadata.MetaData, msgAndArgs ...any) {
	t.Helper()
	want, got = canonical(want), canonical(got)
	wantText, err1 := metadata.Write(want)
	gotText, err2 := metadata.Write(got)
	if err1 == nil && err2 == nil {
		require.Equal(t, string(wantText), string(gotText), msgAndArgs...)
	}
	require.Equal(t, want, got, msgAndArgs...)
}

// canonical returns a copy of m with its lists sorted by name.
func canonical(m *metadata.MetaData) *metadata.MetaData {
	m = m.Clone()
	slices.SortFunc(m.Enums, func(a, b *metadata.Enum) int { return cmp.Compare(a.QualifiedName(), b.QualifiedName()) })
	slices.SortFunc(m.Tables, func(a, b *metadata.Table) int { return cmp.Compare(a.QualifiedName(), b.QualifiedName()) })
	for _, t := range m.Tables {
		sortByName(t.Columns, func(c *metadata.Column) string { return c.Name })
		sortByName(t.Indexes, func(ix *metadata.Index) string { return ix.Name })
		sortByName(t.Uniques, func(u *metadata.Unique) string { return u.Name })
		sortByName(t.Checks, func(c *metadata.Check) string { return c.Name + "\x00" + c.Expression })
		sortByName(t.ForeignKeys, func(fk *metadata.ForeignKey) string { return fk.Name })
	}
	return m
}

func sortByName[T any](s []*T, name func(*T) string) {
	slices.SortStableFunc(s, func(a, b *T) int { return cmp.Compare(name(a), name(b)) })
}

func ptr[T any](v T) *T { return &v }
