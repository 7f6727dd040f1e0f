package postgres_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// schemaModel has an enum and a table in schema app, referred to from the
// default schema.
func schemaModel() *metadata.MetaData {
	m := metadata.New()
	m.Enums = append(m.Enums, &metadata.Enum{Schema: "app", Name: "status", Values: []string{"a", "b", "c"}})
	items := &metadata.Table{Schema: "app", Name: "items", Columns: []*metadata.Column{
		{Name: "id", Type: metadata.BigIntType, AutoIncrement: true},
		{Name: "status", Type: metadata.EnumType("app.status"), Nullable: true, Default: "'a'"},
		{Name: "name", Type: metadata.VarcharType(50), Nullable: true},
	}}
	items.SetPrimaryKey("id")
	items.AddIndex("name")
	m.AddTable(items)
	refs := metadata.NewTable("refs", metadata.NewColumn("item_id", metadata.BigIntType))
	refs.ForeignKeys = []*metadata.ForeignKey{{Columns: []string{"item_id"}, RefSchema: "app", RefTable: "items", RefColumns: []string{"id"}}}
	m.AddTable(refs)
	if err := m.ApplyNamingConvention(); err != nil {
		panic(err)
	}
	return m
}

// TestSchemaQualifiedOps runs ops on objects outside the default schema,
// each checked and reversed as in the conformance suite.
func TestSchemaQualifiedOps(t *testing.T) {
	d := postgres.Postgres{}
	app := ops.TableRef{Schema: "app", Table: "items"}
	cases := []struct {
		name string
		op   func(m *metadata.MetaData) ops.Op
	}{
		{"add enum value", func(*metadata.MetaData) ops.Op {
			return &ops.AlterEnumAddValue{Schema: "app", EnumName: "status", Value: "a2", After: "a"}
		}},
		{"drop enum value", func(*metadata.MetaData) ops.Op {
			return &ops.AlterEnumDropValue{Schema: "app", EnumName: "status", Value: "c", After: "b"}
		}},
		{"create index", func(*metadata.MetaData) ops.Op {
			return &ops.CreateIndex{TableRef: app, Index: &metadata.Index{Name: "ix_items_status", Columns: []string{"status"}, Where: "status <> 'c'"}}
		}},
		{"drop index", func(m *metadata.MetaData) ops.Op {
			ix := m.Table("app", "items").Indexes[0].Clone()
			return &ops.DropIndex{TableRef: app, IndexName: ix.Name, Index: ix}
		}},
		{"rename table", func(*metadata.MetaData) ops.Op { return &ops.RenameTable{TableRef: app, NewName: "things"} }},
		{"alter column", func(m *metadata.MetaData) ops.Op {
			c := m.Table("app", "items").Column("name")
			return &ops.AlterColumn{TableRef: app, ColumnName: "name", Type: &metadata.TextType, ExistingType: &c.Type}
		}},
		{"add enum column", func(*metadata.MetaData) ops.Op {
			return &ops.AddColumn{TableRef: app, Column: &metadata.Column{Name: "previous", Type: metadata.EnumType("app.status"), Nullable: true}}
		}},
		{"drop foreign key", func(m *metadata.MetaData) ops.Op {
			fk := m.Table("", "refs").ForeignKeys[0].Clone()
			return &ops.DropConstraint{TableRef: ops.TableRef{Table: "refs"}, ConstraintName: fk.Name, Type: ops.ConstraintForeignKey, ForeignKey: fk}
		}},
		{"comment", func(*metadata.MetaData) ops.Op {
			return &ops.SetTableComment{TableRef: app, Comment: "items in app", ExistingComment: new(string)}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			db := dbtest.Postgres(t)
			m, schemas := dialecttest.Prepare(t, d, db.DB, schemaModel())
			dialecttest.PlanAndExec(t, d, db.DB, metadata.New(), dialect.CreateOps(m)...)
			dialecttest.CheckOp(t, d, db.DB, m, tc.op(m.Clone()), schemas...)
		})
	}
}

// TestFixtureDDL keeps the DDL planned for the fixture schema in a golden
// file (go test -update rewrites it), so a change in rendering shows in
// review.
func TestFixtureDDL(t *testing.T) {
	m := dialecttest.Fixture(t)
	stmts, err := postgres.Postgres{}.Plan(metadata.New(), dialect.CreateOps(m))
	require.NoError(t, err)
	var b strings.Builder
	for _, s := range stmts {
		require.Empty(t, s.Args)
		b.WriteString(s.SQL + ";\n\n")
	}
	path := filepath.Join("testdata", "fixture.sql")
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create it")
	assert.Equal(t, string(want), b.String())
}

// TestAlterTypeWithDefault changes the type of columns whose default is
// typed by the old type, in both directions between text and an enum.
func TestAlterTypeWithDefault(t *testing.T) {
	d := postgres.Postgres{}
	db := dbtest.Postgres(t)
	m := metadata.New()
	m.AddEnum("mood", "ok", "sad")
	tb := metadata.NewTable("t", &metadata.Column{Name: "v", Type: metadata.TextType, Nullable: true, Default: "'ok'"})
	m.AddTable(tb)
	dialecttest.PlanAndExec(t, d, db.DB, metadata.New(), dialect.CreateOps(m)...)
	dialecttest.CheckOp(t, d, db.DB, m, &ops.AlterColumn{TableRef: ops.TableRef{Table: "t"}, ColumnName: "v",
		Type: ptr(metadata.EnumType("mood")), ExistingType: ptr(metadata.TextType)})
}

func ptr[T any](v T) *T { return &v }
