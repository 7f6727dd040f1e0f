package autogen_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// charsetItems is the table of issue 22 as Inspect reads it from MariaDB:
// a utf8mb3 table, row format DYNAMIC, a column with utf8mb3_bin (spelled
// varchar(128) BINARY), one in ascii, one in utf8mb4_bin.
func charsetItems() *metadata.Table {
	return &metadata.Table{Name: "items", Charset: "utf8mb3", RowFormat: "DYNAMIC", Columns: []*metadata.Column{
		{Name: "id", Type: metadata.IntegerType, AutoIncrement: true},
		{Name: "a", Type: metadata.VarcharType(128), Nullable: true, Collation: "utf8mb3_bin"},
		{Name: "b", Type: metadata.VarcharType(40), Nullable: true, Charset: "ascii"},
		{Name: "c", Type: metadata.TextType, Nullable: true, Charset: "utf8mb4", Collation: "utf8mb4_bin"},
	}, PrimaryKey: &metadata.PrimaryKey{Columns: []string{"id"}}}
}

// TestCompareCharsetsOffline: without a server, Compare detects each
// change of a column's charset or collation, of the table's, and of its row
// format, and nothing where two spellings mean the same (case, utf8 for
// utf8mb3, a collation the charset implies, a column's charset equal to
// its table's). PostgreSQL compares a column's collation only.
func TestCompareCharsetsOffline(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(t *metadata.Table)
		want   []string // the Describe lines
	}{
		{"same", func(*metadata.Table) {}, nil},
		{"same, spelled otherwise", func(t *metadata.Table) {
			t.Charset = "UTF8"
			t.RowFormat = "dynamic"
			t.Columns[1].Charset, t.Columns[1].Collation = "utf8", "utf8_bin"
			t.Columns[2].Collation = "ascii_general_ci"
			t.Columns[3].Charset = ""
		}, nil},
		{"column charset", func(t *metadata.Table) { t.Columns[2].Charset, t.Columns[2].Collation = "", "utf8mb4_bin" },
			[]string{"Detected charset/collation change from ascii to utf8mb4/utf8mb4_bin on 'items.b'"}},
		{"column collation", func(t *metadata.Table) { t.Columns[1].Collation = "" },
			[]string{"Detected charset/collation change from utf8mb3_bin to the table's on 'items.a'"}},
		{"table charset", func(t *metadata.Table) { t.Charset = "utf8mb4" },
			[]string{"Detected table charset/collation change from utf8mb3 to the default on 'items'"}},
		{"table collation", func(t *metadata.Table) { t.Collation = "utf8mb3_unicode_ci" },
			[]string{"Detected table charset/collation change from utf8mb3 to utf8mb3/utf8mb3_unicode_ci on 'items'"}},
		{"row format", func(t *metadata.Table) { t.RowFormat = "COMPACT" },
			[]string{"Detected row format change from DYNAMIC to COMPACT on 'items'"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			current := &metadata.MetaData{Tables: []*metadata.Table{charsetItems()}}
			target := current.Clone()
			tc.change(target.Tables[0])
			res, err := autogen.Compare(target, current, &mysql.Dialect{}, autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range res.Ops {
				got = append(got, autogen.Describe(o))
				// Folding the op and its reverse gives both sides back.
				m := current.Clone()
				if err := ops.Apply(m, o); err != nil {
					t.Fatal(err)
				}
				again, err := autogen.Compare(target, m, &mysql.Dialect{}, autogen.Options{})
				if err != nil || len(again.Ops) != 0 {
					t.Errorf("after %s: %v %v", autogen.Describe(o), again.Ops, err)
				}
				r, err := o.Reverse()
				if err != nil {
					t.Fatal(err)
				}
				if err := ops.Apply(m, r); err != nil {
					t.Fatal(err)
				}
				if back, _ := autogen.Compare(current, m, &mysql.Dialect{}, autogen.Options{}); len(back.Ops) != 0 {
					t.Errorf("after the reverse of %s: %v", autogen.Describe(o), back.Ops)
				}
			}
			if len(got) != len(tc.want) || len(got) > 0 && got[0] != tc.want[0] {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			// PostgreSQL compares a column's COLLATE only: one alter_column
			// for each column whose collation differs, nothing else.
			var recollated []string
			for i, c := range target.Tables[0].Columns {
				if c.Collation != current.Tables[0].Columns[i].Collation {
					recollated = append(recollated, "alter_column "+c.Name)
				}
			}
			res, err = autogen.Compare(target, current, postgres.Postgres{}, autogen.Options{})
			require.NoError(t, err)
			var pg []string
			for _, o := range res.Ops {
				pg = append(pg, o.Name()+" "+o.(*ops.AlterColumn).ColumnName)
			}
			assert.Equal(t, recollated, pg, "postgres")
		})
	}
}
