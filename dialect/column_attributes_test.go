package dialect_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// TestRefuseColumnAttributes: MySQL and SQLite have no column storage,
// compression, statistics target or attribute options: a create_table,
// add_column or alter_column that sets them refuses at plan time with
// dialect.ErrNoColumnAttributes naming the column, rather than build a
// column without them; an alter_column that leaves them at the defaults
// plans.
func TestRefuseColumnAttributes(t *testing.T) {
	stats := 500
	attrs := metadata.ColumnAttributes{Statistics: &stats, Options: []string{"n_distinct=-0.5"}}
	plain := func() *metadata.Table {
		return &metadata.Table{Name: "t", Columns: []*metadata.Column{{Name: "a", Type: metadata.MustParseType("text"), Nullable: true}}}
	}
	withAttrs := plain()
	withAttrs.Columns[0].Attributes = attrs
	state := &metadata.MetaData{Tables: []*metadata.Table{plain()}}
	cases := []struct {
		name   string
		state  *metadata.MetaData
		list   []ops.Op
		refuse bool
	}{
		{"create_table", metadata.New(), []ops.Op{&ops.CreateTable{Table: withAttrs}}, true},
		{"add_column", state, []ops.Op{&ops.AddColumn{TableRef: ops.TableRef{Table: "t"},
			Column: &metadata.Column{Name: "b", Type: metadata.MustParseType("text"), Nullable: true, Attributes: attrs}}}, true},
		{"alter_column set", state, []ops.Op{&ops.AlterColumn{TableRef: ops.TableRef{Table: "t"}, ColumnName: "a",
			Attributes: &attrs, ExistingAttributes: &metadata.ColumnAttributes{}}}, true},
		{"alter_column reset", state, []ops.Op{&ops.AlterColumn{TableRef: ops.TableRef{Table: "t"}, ColumnName: "a",
			Attributes: &metadata.ColumnAttributes{}, ExistingAttributes: &attrs}}, true},
		{"CreateOps of a schema with attributes", metadata.New(), dialect.CreateOps(&metadata.MetaData{Tables: []*metadata.Table{withAttrs}}), true},
		{"alter_column to the defaults", state, []ops.Op{&ops.AlterColumn{TableRef: ops.TableRef{Table: "t"}, ColumnName: "a",
			Attributes: &metadata.ColumnAttributes{}, ExistingAttributes: &metadata.ColumnAttributes{}, Comment: ptrTo("x"), ExistingComment: ptrTo("")}}, false},
	}
	for _, d := range []dialect.Dialect{&mysql.Dialect{}, &sqlite.Dialect{}} {
		for _, tc := range cases {
			t.Run(d.Name()+"/"+tc.name, func(t *testing.T) {
				_, err := d.Plan(tc.state, tc.list)
				if !tc.refuse {
					require.NoError(t, err)
					return
				}
				require.ErrorIs(t, err, dialect.ErrNoColumnAttributes)
				assert.Contains(t, err.Error(), d.Name()+": column t.")
				assert.Contains(t, err.Error(), "target PostgreSQL")
			})
		}
	}
}

func ptrTo[T any](v T) *T { return &v }
