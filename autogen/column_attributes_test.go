package autogen_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// TestCompareColumnAttributesOffline: without a server, Compare finds a
// column's attributes added, changed and dropped as one alter_column
// carrying them all and the ones before; folding the ops and then their
// downgrade gives the target and then the current model back; a storage
// that is the type's own (extended on text) is no change.
func TestCompareColumnAttributesOffline(t *testing.T) {
	hundred := 100
	base := func(a metadata.ColumnAttributes) *metadata.MetaData {
		return &metadata.MetaData{Tables: []*metadata.Table{{Name: "t", Columns: []*metadata.Column{
			{Name: "body", Type: metadata.TextType, Nullable: true, Attributes: a}}}}}
	}
	set := metadata.ColumnAttributes{Storage: "external", Statistics: &hundred, Options: []string{"n_distinct=-0.5"}}
	for _, tc := range []struct {
		name     string
		from, to metadata.ColumnAttributes
		want     []string
	}{
		{"add", metadata.ColumnAttributes{}, set, []string{"Detected storage/statistics/options change on 't.body'"}},
		{"change", set, metadata.ColumnAttributes{Compression: "pglz", Options: []string{"n_distinct=2"}},
			[]string{"Detected storage/statistics/options change on 't.body'"}},
		{"drop", set, metadata.ColumnAttributes{}, []string{"Detected storage/statistics/options change on 't.body'"}},
		{"the type's own storage", metadata.ColumnAttributes{}, metadata.ColumnAttributes{Storage: "extended"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			current, target := base(tc.from), base(tc.to)
			res, err := autogen.Compare(target, current, postgres.Postgres{}, autogen.Options{})
			require.NoError(t, err)
			var got []string
			for _, o := range res.Ops {
				got = append(got, autogen.Describe(o))
			}
			assert.Equal(t, tc.want, got)
			if tc.want == nil {
				return
			}
			a := res.Ops[0].(*ops.AlterColumn)
			require.NotNil(t, a.ExistingAttributes)
			assert.True(t, a.ExistingAttributes.Equal(tc.from))
			roundTrip(t, current, target, res.Ops)
		})
	}
}

// roundTrip folds list into current (it must give target's columns and
// schemas) and then its downgrade (it must give current's back).
func roundTrip(t *testing.T, current, target *metadata.MetaData, list []ops.Op) {
	t.Helper()
	up := current.Clone()
	require.NoError(t, ops.ApplyAll(up, list))
	assert.Equal(t, yamlOf(t, target), yamlOf(t, up), "upgraded")
	down, err := autogen.Downgrade(list)
	require.NoError(t, err)
	require.NoError(t, ops.ApplyAll(up, down))
	assert.Equal(t, yamlOf(t, current), yamlOf(t, up), "downgraded")
}

func yamlOf(t *testing.T, m *metadata.MetaData) string {
	t.Helper()
	out, err := metadata.Write(m)
	require.NoError(t, err)
	return string(out)
}
