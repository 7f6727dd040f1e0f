package mysql

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// fkModel is a parent and a child whose foreign key no index covers, so
// MySQL makes one behind it, and lines, whose key starts with its foreign
// key's column.
func fkModel() *metadata.MetaData {
	m := metadata.New()
	p := m.AddTable(metadata.NewTable("p", &metadata.Column{Name: "id", Type: metadata.IntegerType}))
	p.SetPrimaryKey("id")
	c := m.AddTable(metadata.NewTable("c",
		&metadata.Column{Name: "id", Type: metadata.IntegerType, AutoIncrement: true},
		metadata.NewColumn("p_id", metadata.IntegerType),
		metadata.NewColumn("n", metadata.IntegerType)))
	c.SetPrimaryKey("id")
	c.AddForeignKey([]string{"p_id"}, "p", []string{"id"})
	l := m.AddTable(metadata.NewTable("lines",
		&metadata.Column{Name: "p_id", Type: metadata.IntegerType},
		&metadata.Column{Name: "line", Type: metadata.IntegerType}))
	l.SetPrimaryKey("p_id", "line")
	l.AddForeignKey([]string{"p_id"}, "p", []string{"id"})
	if err := m.ApplyNamingConvention(); err != nil {
		panic(err)
	}
	return m
}

// TestPlanMySQLQuirks applies ops whose MySQL DDL depends on the state,
// checks the result through Inspect, reverses them and checks again.
func TestPlanMySQLQuirks(t *testing.T) {
	ptr := func(b bool) *bool { return &b }
	cases := []struct {
		name string
		ops  func(m *metadata.MetaData) []ops.Op
	}{
		{"drop a foreign key and the index MySQL made for it", func(m *metadata.MetaData) []ops.Op {
			fk := m.Table("", "c").ForeignKeys[0].Clone()
			return []ops.Op{&ops.DropConstraint{TableRef: ops.TableRef{Table: "c"}, ConstraintName: fk.Name, Type: ops.ConstraintForeignKey, ForeignKey: fk}}
		}},
		{"index the key's column, then drop the key", func(m *metadata.MetaData) []ops.Op {
			fk := m.Table("", "c").ForeignKeys[0].Clone()
			return []ops.Op{
				&ops.CreateIndex{TableRef: ops.TableRef{Table: "c"}, Index: &metadata.Index{Name: "ix_c_p_id_n", Columns: []string{"p_id", "n"}}},
				&ops.DropConstraint{TableRef: ops.TableRef{Table: "c"}, ConstraintName: fk.Name, Type: ops.ConstraintForeignKey, ForeignKey: fk},
			}
		}},
		{"drop the only index a foreign key has", func(m *metadata.MetaData) []ops.Op {
			ix := &metadata.Index{Name: "ix_c_p_id", Columns: []string{"p_id"}}
			return []ops.Op{
				&ops.CreateIndex{TableRef: ops.TableRef{Table: "c"}, Index: ix},
				&ops.DropIndex{TableRef: ops.TableRef{Table: "c"}, IndexName: ix.Name, Index: ix.Clone()},
			}
		}},
		{"drop a primary key a foreign key relies on", func(m *metadata.MetaData) []ops.Op {
			pk := m.Table("", "lines").PrimaryKey.Clone()
			return []ops.Op{&ops.DropConstraint{TableRef: ops.TableRef{Table: "lines"}, ConstraintName: pk.Name, Type: ops.ConstraintPrimary, PrimaryKey: pk}}
		}},
		{"rename and retype a column", func(m *metadata.MetaData) []ops.Op {
			return []ops.Op{&ops.AlterColumn{TableRef: ops.TableRef{Table: "c"}, ColumnName: "n", NewName: "total",
				Type: &metadata.Type{Kind: metadata.BigInt}, Nullable: ptr(false), Default: new(string),
				ExistingType: &metadata.IntegerType, ExistingNullable: ptr(true), ExistingDefault: new(string)}}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			db := dbtest.MySQL(t)
			start := fkModel()
			run(t, db, metadata.New(), dialect.CreateOps(start)...)
			dialecttest.AssertSchema(t, testDialect, start, inspect(t, db).MetaData)
			list := tc.ops(start.Clone())
			after := start.Clone()
			require.NoError(t, ops.ApplyAll(after, list))
			run(t, db, start, list...)
			dialecttest.AssertSchema(t, testDialect, after, inspect(t, db).MetaData)
			var rev []ops.Op
			for i := len(list) - 1; i >= 0; i-- {
				r, err := list[i].Reverse()
				require.NoError(t, err)
				rev = append(rev, r)
			}
			run(t, db, after, rev...)
			dialecttest.AssertSchema(t, testDialect, start, inspect(t, db).MetaData)
		})
	}
}

func TestPlanErrors(t *testing.T) {
	m := fkModel()
	cases := []struct {
		name string
		op   ops.Op
		want string
	}{
		{"partial index", &ops.CreateIndex{TableRef: ops.TableRef{Table: "c"}, Index: &metadata.Index{Name: "ix", Columns: []string{"n"}, Where: "n > 0"}}, "no partial indexes"},
		{"drop an auto_increment key", &ops.DropConstraint{TableRef: ops.TableRef{Table: "c"}, ConstraintName: "pk_c", Type: ops.ConstraintPrimary}, "AUTO_INCREMENT"},
		{"alter without history", &ops.AlterColumn{TableRef: ops.TableRef{Table: "nowhere"}, ColumnName: "x", Nullable: new(bool)}, "existing_type"},
		{"call", &ops.Call{Function: "seed"}, "handled by the runner"},
		{"bulk_insert from a file", &ops.BulkInsert{TableRef: ops.TableRef{Table: "c"}, File: "seeds.csv"}, "handled by the runner"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := testDialect.Plan(m, []ops.Op{tc.op})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	_, err := New(MariaDB).Plan(m, []ops.Op{&ops.CreateIndex{TableRef: ops.TableRef{Table: "c"}, Index: &metadata.Index{Name: "ix", Expressions: []string{"n + 1"}}}})
	assert.ErrorContains(t, err, "MariaDB has no expression indexes")
}

// TestPlanEnumsInline checks that enum ops have no DDL of their own and
// that adding a value rewrites every column of the enum.
func TestPlanEnumsInline(t *testing.T) {
	m := metadata.New()
	m.AddEnum("mood", "happy", "sad")
	m.AddTable(metadata.NewTable("a", metadata.NewColumn("m", metadata.EnumType("mood")), metadata.NewColumn("m2", metadata.EnumType("mood"))))
	m.AddTable(metadata.NewTable("b", metadata.NewColumn("m", metadata.EnumType("mood"))))
	stmts, err := testDialect.Plan(m, []ops.Op{
		&ops.CreateEnum{Enum: &metadata.Enum{Name: "color", Values: []string{"red"}}},
		&ops.AlterEnumAddValue{EnumName: "mood", Value: "ok", After: "happy"},
	})
	require.NoError(t, err)
	require.Len(t, stmts, 2)
	assert.Equal(t, "ALTER TABLE `a` MODIFY COLUMN `m` enum('happy','ok','sad'), MODIFY COLUMN `m2` enum('happy','ok','sad')", stmts[0].SQL)
	assert.Equal(t, "ALTER TABLE `b` MODIFY COLUMN `m` enum('happy','ok','sad')", stmts[1].SQL)
	assert.Equal(t, 1, stmts[0].Op)
}
