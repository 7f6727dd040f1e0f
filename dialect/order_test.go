package dialect_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

func fkTable(name string, refs ...string) *metadata.Table {
	t := metadata.NewTable(name, metadata.NewColumn("id", metadata.IntegerType))
	for _, r := range refs {
		fk := t.AddForeignKey([]string{"id"}, r, []string{"id"})
		fk.Name = "fk_" + name + "_" + r
	}
	return t
}

func TestSortTables(t *testing.T) {
	tests := []struct {
		name         string
		tables       []*metadata.Table
		wantOrder    []string
		wantDeferred []string
	}{
		{"already ordered", []*metadata.Table{fkTable("a"), fkTable("b", "a"), fkTable("c", "b")}, []string{"a", "b", "c"}, nil},
		{"reversed", []*metadata.Table{fkTable("c", "b"), fkTable("b", "a"), fkTable("a")}, []string{"a", "b", "c"}, nil},
		{"self reference", []*metadata.Table{fkTable("a", "a")}, []string{"a"}, nil},
		{"outside reference", []*metadata.Table{fkTable("a", "elsewhere")}, []string{"a"}, nil},
		{"two cycle", []*metadata.Table{fkTable("a", "b"), fkTable("b", "a"), fkTable("c", "a")}, []string{"a", "b", "c"}, []string{"fk_a_b"}},
		{"three cycle with tail", []*metadata.Table{fkTable("x", "a"), fkTable("a", "c"), fkTable("b", "a"), fkTable("c", "b")},
			[]string{"a", "x", "b", "c"}, []string{"fk_a_c"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ordered, deferred := dialect.SortTables(tc.tables)
			var names, fks []string
			for _, tb := range ordered {
				names = append(names, tb.Name)
			}
			for _, d := range deferred {
				fks = append(fks, d.ForeignKey.Name)
			}
			assert.Equal(t, tc.wantOrder, names)
			assert.Equal(t, tc.wantDeferred, fks)
		})
	}
}
