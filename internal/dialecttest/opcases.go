package dialecttest

import (
	"database/sql"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// opCase is one op applied to a starting model.
type opCase struct {
	name  string
	start func() *metadata.MetaData
	op    func(m *metadata.MetaData) ops.Op
	// needs says whether the dialect can run the case; nil: every dialect.
	needs func(dialect.Capabilities) bool
}

func ref(name string) ops.TableRef { return ops.TableRef{Table: name} }

// opCases covers every op of ops.go. Each op carries what its Reverse
// needs, taken from the starting model.
func opCases() []opCase {
	partial := func(c dialect.Capabilities) bool { return c.PartialIndexes }
	exprs := func(c dialect.Capabilities) bool { return c.ExpressionIndexes }
	col := func(m *metadata.MetaData, table, name string) *metadata.Column {
		return m.Table("", table).Column(name).Clone()
	}
	alter := func(name string, change func(a *ops.AlterColumn, c *metadata.Column)) opCase {
		return opCase{name: "alter_column " + name, start: base, op: func(m *metadata.MetaData) ops.Op {
			c := col(m, "child", "note")
			if name == "type" || name == "default set" || name == "default drop" || name == "autoincrement" {
				c = col(m, "child", "qty")
			}
			if name == "autoincrement" {
				c = col(m, "child", "id")
			}
			a := &ops.AlterColumn{TableRef: ref("child"), ColumnName: c.Name,
				ExistingType: ptr(c.Type), ExistingNullable: ptr(c.Nullable), ExistingDefault: ptr(c.Default),
				ExistingComment: ptr(c.Comment), ExistingAutoIncrement: ptr(c.AutoIncrement)}
			change(a, c)
			return a
		}}
	}
	newTable := func() *metadata.Table {
		t := metadata.NewTable("extra",
			&metadata.Column{Name: "id", Type: metadata.BigIntType, AutoIncrement: true},
			&metadata.Column{Name: "parent_id", Type: metadata.BigIntType},
			&metadata.Column{Name: "title", Type: metadata.VarcharType(200), Comment: "it's a title"},
			metadata.NewColumn("flag", metadata.BooleanType),
			&metadata.Column{Name: "created", Type: metadata.TimestampType, Nullable: true, Default: "CURRENT_TIMESTAMP"},
			metadata.NewColumn("ratio", metadata.DoubleType),
			metadata.NewColumn("small", metadata.SmallIntType),
			metadata.NewColumn("r", metadata.RealType),
			metadata.NewColumn("c", metadata.CharType(3)),
			metadata.NewColumn("d", metadata.DateType),
			metadata.NewColumn("tm", metadata.TimeType),
			metadata.NewColumn("tz", metadata.TimestampTZType),
			metadata.NewColumn("u", metadata.UUIDType),
			metadata.NewColumn("j", metadata.JSONType),
			metadata.NewColumn("b", metadata.BlobType),
			metadata.NewColumn("vb", metadata.VarBinaryType(16)),
			metadata.NewColumn("n", metadata.NumericType(12, 3)))
		t.Comment = "extra's table"
		t.SetPrimaryKey("id")
		t.AddForeignKey([]string{"parent_id"}, "parent", []string{"id"}).OnUpdate = metadata.Cascade
		t.AddUnique("title", "parent_id")
		t.AddCheck("ck_extra_title", "title <> ''")
		t.AddIndex("parent_id", "title")
		return t
	}
	return []opCase{
		{name: "create_table", start: base, op: func(m *metadata.MetaData) ops.Op {
			t := newTable()
			tmp := &metadata.MetaData{Tables: []*metadata.Table{t}}
			mustName(tmp)
			return &ops.CreateTable{Table: t}
		}},
		{name: "drop_table", start: base, op: func(m *metadata.MetaData) ops.Op {
			return &ops.DropTable{TableRef: ref("child"), Table: m.Table("", "child").Clone()}
		}},
		{name: "rename_table", start: base, op: func(m *metadata.MetaData) ops.Op {
			return &ops.RenameTable{TableRef: ref("loose"), NewName: "loose_renamed"}
		}},
		{name: "add_column", start: base, op: func(m *metadata.MetaData) ops.Op {
			return &ops.AddColumn{TableRef: ref("parent"), Column: &metadata.Column{Name: "age", Type: metadata.IntegerType, Nullable: true, Default: "18", Comment: "years"}}
		}},
		{name: "add_column not null", start: base, op: func(m *metadata.MetaData) ops.Op {
			return &ops.AddColumn{TableRef: ref("child"), Column: &metadata.Column{Name: "active", Type: metadata.BooleanType, Default: "true"}}
		}},
		{name: "drop_column", start: base, op: func(m *metadata.MetaData) ops.Op {
			return &ops.DropColumn{TableRef: ref("parent"), ColumnName: "born", Column: col(m, "parent", "born")}
		}},
		alter("type", func(a *ops.AlterColumn, c *metadata.Column) { a.Type = ptr(metadata.BigIntType) }),
		alter("nullable", func(a *ops.AlterColumn, c *metadata.Column) { a.Nullable = ptr(false) }),
		alter("default set", func(a *ops.AlterColumn, c *metadata.Column) { a.Default = ptr("5") }),
		alter("default drop", func(a *ops.AlterColumn, c *metadata.Column) { a.Default = ptr("") }),
		alter("comment", func(a *ops.AlterColumn, c *metadata.Column) { a.Comment = ptr("a note's comment") }),
		alter("rename", func(a *ops.AlterColumn, c *metadata.Column) { a.NewName = "remark" }),
		alter("autoincrement", func(a *ops.AlterColumn, c *metadata.Column) { a.AutoIncrement = ptr(true) }),
		alter("several", func(a *ops.AlterColumn, c *metadata.Column) {
			a.Type = ptr(metadata.VarcharType(500))
			a.Default = ptr("'none'")
			a.NewName = "remark"
		}),
		{name: "create_index", start: base, op: func(m *metadata.MetaData) ops.Op {
			return &ops.CreateIndex{TableRef: ref("child"), Index: &metadata.Index{Name: "ix_child_note_code", Columns: []string{"price", "code"}}}
		}},
		{name: "create_index unique", start: base, op: func(m *metadata.MetaData) ops.Op {
			return &ops.CreateIndex{TableRef: ref("loose"), Index: &metadata.Index{Name: "ux_loose_k", Columns: []string{"k"}, Unique: true}}
		}},
		{name: "create_index partial", start: base, needs: partial, op: func(m *metadata.MetaData) ops.Op {
			return &ops.CreateIndex{TableRef: ref("child"), Index: &metadata.Index{Name: "ix_child_positive", Columns: []string{"qty"}, Where: "qty > 0"}}
		}},
		{name: "create_index expression", start: base, needs: exprs, op: func(m *metadata.MetaData) ops.Op {
			return &ops.CreateIndex{TableRef: ref("child"), Index: &metadata.Index{Name: "ix_child_lower_code", Expressions: []string{"lower(code)"}}}
		}},
		{name: "drop_index", start: base, op: func(m *metadata.MetaData) ops.Op {
			ix := m.Table("", "child").Indexes[0].Clone()
			return &ops.DropIndex{TableRef: ref("child"), IndexName: ix.Name, Index: ix}
		}},
		{name: "create_unique_constraint", start: base, op: func(m *metadata.MetaData) ops.Op {
			return &ops.CreateUniqueConstraint{TableRef: ref("child"), Unique: &metadata.Unique{Name: "uq_child_note_price", Columns: []string{"price", "code"}}}
		}},
		{name: "create_foreign_key", start: base, op: func(m *metadata.MetaData) ops.Op {
			return &ops.CreateForeignKey{TableRef: ref("loose"), ForeignKey: &metadata.ForeignKey{Name: "fk_loose_child_id_child",
				Columns: []string{"child_id"}, RefTable: "child", RefColumns: []string{"id"}, OnDelete: metadata.SetNull, OnUpdate: metadata.Restrict}}
		}},
		{name: "create_check_constraint", start: base, op: func(m *metadata.MetaData) ops.Op {
			return &ops.CreateCheckConstraint{TableRef: ref("child"), Check: &metadata.Check{Name: "ck_child_price", Expression: "price > 0"}}
		}},
		{name: "create_primary_key", start: base, op: func(m *metadata.MetaData) ops.Op {
			return &ops.CreatePrimaryKey{TableRef: ref("loose"), PrimaryKey: &metadata.PrimaryKey{Name: "pk_loose", Columns: []string{"k"}}}
		}},
		{name: "drop_constraint unique", start: base, op: func(m *metadata.MetaData) ops.Op {
			u := m.Table("", "parent").Uniques[0].Clone()
			return &ops.DropConstraint{TableRef: ref("parent"), ConstraintName: u.Name, Type: ops.ConstraintUnique, Unique: u}
		}},
		{name: "drop_constraint foreignkey", start: base, op: func(m *metadata.MetaData) ops.Op {
			fk := m.Table("", "child").ForeignKeys[0].Clone()
			return &ops.DropConstraint{TableRef: ref("child"), ConstraintName: fk.Name, Type: ops.ConstraintForeignKey, ForeignKey: fk}
		}},
		{name: "drop_constraint check", start: base, op: func(m *metadata.MetaData) ops.Op {
			c := m.Table("", "child").Checks[0].Clone()
			return &ops.DropConstraint{TableRef: ref("child"), ConstraintName: c.Name, Type: ops.ConstraintCheck, Check: c}
		}},
		{name: "drop_constraint primary", start: base, op: func(m *metadata.MetaData) ops.Op {
			pk := m.Table("", "child").PrimaryKey.Clone()
			return &ops.DropConstraint{TableRef: ref("child"), ConstraintName: pk.Name, Type: ops.ConstraintPrimary, PrimaryKey: pk}
		}},
		{name: "create_enum", start: base, op: func(m *metadata.MetaData) ops.Op {
			return &ops.CreateEnum{Enum: &metadata.Enum{Name: "color", Values: []string{"red", "it's green"}}}
		}},
		{name: "drop_enum", start: func() *metadata.MetaData {
			m := base()
			m.AddEnum("color", "red", "green")
			return m
		}, op: func(m *metadata.MetaData) ops.Op {
			return &ops.DropEnum{EnumName: "color", Enum: m.Enum("", "color").Clone()}
		}},
		{name: "alter_enum_add_value", start: withEnum, op: func(m *metadata.MetaData) ops.Op {
			return &ops.AlterEnumAddValue{EnumName: "mood", Value: "angry"}
		}},
		{name: "alter_enum_add_value before", start: withEnum, op: func(m *metadata.MetaData) ops.Op {
			return &ops.AlterEnumAddValue{EnumName: "mood", Value: "ecstatic", Before: "happy"}
		}},
		{name: "alter_enum_add_value after", start: withEnum, op: func(m *metadata.MetaData) ops.Op {
			return &ops.AlterEnumAddValue{EnumName: "mood", Value: "meh", After: "sad"}
		}},
		{name: "alter_enum_drop_value", start: withEnum, op: func(m *metadata.MetaData) ops.Op {
			return &ops.AlterEnumDropValue{EnumName: "mood", Value: "sad", After: "happy"}
		}},
		{name: "set_table_comment", start: base, op: func(m *metadata.MetaData) ops.Op {
			return &ops.SetTableComment{TableRef: ref("parent"), Comment: "the \"parent\" table's comment", ExistingComment: ptr("parents")}
		}},
		{name: "set_table_comment remove", start: base, op: func(m *metadata.MetaData) ops.Op {
			return &ops.SetTableComment{TableRef: ref("parent"), Comment: "", ExistingComment: ptr("parents")}
		}},
	}
}

// RunOps is must-show 1 of issue 3: every op, on a database created from
// its starting model, checked through Inspect, then reversed and checked
// again. Execute, bulk_insert/bulk_delete and call are in [RunDataOps].
func RunOps(t *testing.T, d dialect.Dialect, open Opener) {
	for _, tc := range opCases() {
		t.Run(tc.name, func(t *testing.T) {
			if tc.needs != nil && !tc.needs(d.Capabilities()) {
				t.Skipf("%s cannot do this", d.Name())
			}
			t.Parallel()
			start := tc.start()
			db := open(t)
			PlanAndExec(t, d, db.DB, metadata.New(), dialect.CreateOpsFor(d, start)...)
			if !AssertSchema(t, d, start, Inspect(t, d, db.DB).MetaData) {
				t.Fatal("the starting model does not round-trip; fix that first")
			}
			CheckOp(t, d, db.DB, start, tc.op(start.Clone()))
		})
	}
	t.Run("data", func(t *testing.T) { RunDataOps(t, d, open) })
}

// CheckOp plans op against state (the schema db holds now, in the default
// schema and the named ones), runs it, checks the inspection against
// ops.Apply(state, op) under d.Normalize, then does the same with the op's
// reverse, which must bring state back. It fails the test at the first
// difference.
func CheckOp(t *testing.T, d dialect.Dialect, db *sql.DB, state *metadata.MetaData, op ops.Op, schemas ...string) {
	t.Helper()
	after := state.Clone()
	if err := ops.Apply(after, op); err != nil {
		t.Fatalf("ops.Apply(%s): %v", op.Name(), err)
	}
	PlanAndExec(t, d, db, state, op)
	if !AssertSchema(t, d, after, Inspect(t, d, db, schemas...).MetaData) {
		t.FailNow()
	}
	rev, err := op.Reverse()
	if err != nil {
		t.Fatalf("Reverse of %s: %v", op.Name(), err)
	}
	PlanAndExec(t, d, db, after, rev)
	if !AssertSchema(t, d, state, Inspect(t, d, db, schemas...).MetaData) {
		t.FailNow()
	}
}
