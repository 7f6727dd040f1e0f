package ops_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// TestApplyAllDropsCycle: a list that drops every table of a foreign key
// cycle, one after the other, applies (no key is left dangling); dropping
// one table of the cycle alone is still refused.
func TestApplyAllDropsCycle(t *testing.T) {
	ring := func() *metadata.MetaData {
		m := metadata.New()
		for _, p := range [][2]string{{"a", "b"}, {"b", "a"}} {
			tb := metadata.NewTable(p[0], &metadata.Column{Name: "id", Type: metadata.IntegerType}, metadata.NewColumn("ref", metadata.IntegerType))
			tb.SetPrimaryKey("id")
			tb.AddForeignKey([]string{"ref"}, p[1], []string{"id"}).Name = "fk_" + p[0]
			m.AddTable(tb)
		}
		return m
	}
	drop := func(name string) ops.Op { return &ops.DropTable{TableRef: ops.TableRef{Table: name}} }
	cases := []struct {
		name string
		list []ops.Op
		err  string
	}{
		{"both, one after the other", []ops.Op{drop("b"), drop("a")}, ""},
		{"one alone", []ops.Op{drop("b")}, "op 1: drop_table b: foreign key fk_a of table a refers to it; drop that first"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := ring()
			err := ops.ApplyAll(m, tc.list)
			if tc.err == "" {
				require.NoError(t, err)
				require.Empty(t, m.Tables)
				return
			}
			require.EqualError(t, err, tc.err)
			require.NotNil(t, m.Table("", "a").ForeignKeys, "the refused list leaves the keys")
		})
	}
}
