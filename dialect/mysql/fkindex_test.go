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

// TestForeignKeyIndexRoundTrip is issue 22's Kanboard reproduction: a
// table whose foreign key is backed by an index named otherwise than the
// key (mysqldump's KEY `task_id` beside CONSTRAINT `t_ibfk_1`) is read
// with that index and created again with it, so the server makes no index
// of its own named after the key; an unnamed key gets the name Normalize
// gives it, and its server-made index stays hidden.
func TestForeignKeyIndexRoundTrip(t *testing.T) {
	tests := []struct {
		name  string
		child string
		want  []string // the child's indexes, as read
	}{
		{"index named after the column", "CREATE TABLE child (id INT PRIMARY KEY, task_id INT, KEY task_id (task_id), " +
			"CONSTRAINT child_ibfk_1 FOREIGN KEY (task_id) REFERENCES parent (id))", []string{"task_id"}},
		{"index named by the user", "CREATE TABLE child (id INT PRIMARY KEY, task_id INT, KEY ix_task (task_id), " +
			"CONSTRAINT fk_task FOREIGN KEY (task_id) REFERENCES parent (id))", []string{"ix_task"}},
		{"unnamed key", "CREATE TABLE child (id INT PRIMARY KEY, task_id INT, FOREIGN KEY (task_id) REFERENCES parent (id))",
			[]string{"task_id"}},
		{"index made by the server", "CREATE TABLE child (id INT PRIMARY KEY, task_id INT, " +
			"CONSTRAINT fk_task FOREIGN KEY (task_id) REFERENCES parent (id))", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			a := dbtest.MySQL(t)
			for _, s := range []string{"CREATE TABLE parent (id INT PRIMARY KEY)", tc.child} {
				_, err := a.ExecContext(ctx, s)
				require.NoError(t, err, s)
			}
			read := inspect(t, a).MetaData
			require.Equal(t, tc.want, indexNames(read.Table("", "child")))

			b := dbtest.MySQL(t)
			run(t, b, metadata.New(), dialect.CreateOps(read)...)
			requireSameSchema(t, read, inspect(t, b).MetaData)
			requireSameSchema(t, testDialect.Normalize(read), inspect(t, b).MetaData)
		})
	}
}

// TestUnnamedForeignKeyIndex: a model's unnamed key, created with its
// table or added later, is named as Normalize names it, so the index the
// server makes behind it carries the key's name and reflection hides it.
func TestUnnamedForeignKeyIndex(t *testing.T) {
	db := dbtest.MySQL(t)
	parent := &metadata.Table{Name: "parent", Columns: []*metadata.Column{{Name: "id", Type: metadata.IntegerType}},
		PrimaryKey: &metadata.PrimaryKey{Columns: []string{"id"}}}
	child := &metadata.Table{Name: "child", Columns: []*metadata.Column{{Name: "id", Type: metadata.IntegerType},
		{Name: "a", Type: metadata.IntegerType, Nullable: true}, {Name: "b", Type: metadata.IntegerType, Nullable: true}},
		PrimaryKey:  &metadata.PrimaryKey{Columns: []string{"id"}},
		ForeignKeys: []*metadata.ForeignKey{{Columns: []string{"a"}, RefTable: "parent", RefColumns: []string{"id"}}}}
	model := &metadata.MetaData{Tables: []*metadata.Table{parent, child}}
	run(t, db, metadata.New(), &ops.CreateTable{Table: parent.Clone()}, &ops.CreateTable{Table: child.Clone()})
	state := metadata.New()
	require.NoError(t, ops.Apply(state, &ops.CreateTable{Table: parent.Clone()}))
	require.NoError(t, ops.Apply(state, &ops.CreateTable{Table: child.Clone()}))
	fk := &metadata.ForeignKey{Columns: []string{"b"}, RefTable: "parent", RefColumns: []string{"id"}}
	run(t, db, state, &ops.CreateForeignKey{TableRef: ops.TableRef{Table: "child"}, ForeignKey: fk})
	model.Tables[1].ForeignKeys = append(model.Tables[1].ForeignKeys, fk)
	got := inspect(t, db).MetaData
	requireSameSchema(t, testDialect.Normalize(model), got)
	require.Empty(t, indexNames(got.Table("", "child")))
}
