package mysql

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// TestImplicitIndexClauses: a foreign key MySQL named itself gets the
// index MySQL made behind it written out, under its first column's name,
// unless a key or index covers it or that name is taken; a key named by
// a person gets none (MySQL names its index after the key).
func TestImplicitIndexClauses(t *testing.T) {
	cases := []struct {
		name  string
		fk    *metadata.ForeignKey
		index *metadata.Index
		want  string // a KEY clause, or "" for none
	}{
		{"server-named key", &metadata.ForeignKey{Name: "c_ibfk_1", Columns: []string{"p_id"}, RefTable: "p", RefColumns: []string{"id"}}, nil, "KEY `p_id` (`p_id`)"},
		{"server-named, two columns", &metadata.ForeignKey{Name: "c_ibfk_12", Columns: []string{"p_id", "n"}, RefTable: "p", RefColumns: []string{"id", "n"}}, nil, "KEY `p_id` (`p_id`, `n`)"},
		{"named by a person", &metadata.ForeignKey{Name: "fk_c_p", Columns: []string{"p_id"}, RefTable: "p", RefColumns: []string{"id"}}, nil, ""},
		{"covered by an index", &metadata.ForeignKey{Name: "c_ibfk_1", Columns: []string{"p_id"}, RefTable: "p", RefColumns: []string{"id"}}, &metadata.Index{Name: "ix", Columns: []string{"p_id", "n"}}, ""},
		{"name taken", &metadata.ForeignKey{Name: "c_ibfk_1", Columns: []string{"p_id"}, RefTable: "p", RefColumns: []string{"id"}}, &metadata.Index{Name: "p_id", Columns: []string{"n"}}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := metadata.NewTable("c", metadata.NewColumn("p_id", metadata.IntegerType), metadata.NewColumn("n", metadata.IntegerType))
			c.ForeignKeys = []*metadata.ForeignKey{tc.fk}
			if tc.index != nil {
				c.Indexes = []*metadata.Index{tc.index}
			}
			stmts, err := (&Dialect{}).Plan(metadata.New(), []ops.Op{&ops.CreateTable{Table: c}})
			if err != nil {
				t.Fatal(err)
			}
			sql := stmts[0].SQL
			if tc.want == "" && strings.Contains(sql, "KEY `p_id`") || tc.want != "" && !strings.Contains(sql, tc.want) {
				t.Errorf("want %q in:\n%s", tc.want, sql)
			}
		})
	}
}
