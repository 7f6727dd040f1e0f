package mysql

import (
	"testing"

	"github.com/retortdb/retort/metadata"
)

// TestSortKeys checks the server's key classes (unique on NOT NULL
// columns, unique with a nullable column, plain, FULLTEXT) and that the
// order within a class is kept.
func TestSortKeys(t *testing.T) {
	tests := []struct {
		name    string
		indexes []*metadata.Index
		want    []string
	}{
		{"creation order kept within a class", []*metadata.Index{
			{Name: "zb", Columns: []string{"b"}}, {Name: "za", Columns: []string{"a"}}, {Name: "mid", Columns: []string{"b", "a"}},
		}, []string{"zb", "za", "mid"}},
		{"fulltext after plain keys", []*metadata.Index{
			{Name: "ft", Columns: []string{"t"}, Using: "fulltext"}, {Name: "zb", Columns: []string{"b"}},
		}, []string{"zb", "ft"}},
		{"unique before plain, NOT NULL unique first", []*metadata.Index{
			{Name: "plain", Columns: []string{"a"}}, {Name: "u_null", Columns: []string{"b"}, Unique: true},
			{Name: "u_notnull", Columns: []string{"id"}, Unique: true},
		}, []string{"u_notnull", "u_null", "plain"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tbl := &metadata.Table{Name: "p", Indexes: tc.indexes, Columns: []*metadata.Column{
				{Name: "id"}, {Name: "a", Nullable: true}, {Name: "b", Nullable: true}, {Name: "t", Nullable: true}}}
			sortKeys(tbl)
			var got []string
			for _, ix := range tbl.Indexes {
				got = append(got, ix.Name)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("got %v, want %v", got, tc.want)
				}
			}
		})
	}
}
