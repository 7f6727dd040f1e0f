package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
	"github.com/stretchr/testify/require"
)

// recreateModel is a parent table that children refer to with ON DELETE
// CASCADE, the case where a careless recreate deletes child rows.
func recreateModel() *metadata.MetaData {
	m := metadata.New()
	parent := metadata.NewTable("parent",
		&metadata.Column{Name: "id", Type: metadata.BigIntType, AutoIncrement: true},
		metadata.NewColumn("name", metadata.VarcharType(50)),
		metadata.NewColumn("score", metadata.IntegerType))
	parent.SetPrimaryKey("id")
	parent.AddIndex("name")
	parent.AddIndex("score").Where = "score > 0"
	m.AddTable(parent)
	child := metadata.NewTable("child",
		&metadata.Column{Name: "id", Type: metadata.IntegerType},
		&metadata.Column{Name: "parent_id", Type: metadata.BigIntType})
	child.SetPrimaryKey("id")
	child.AddForeignKey([]string{"parent_id"}, "parent", []string{"id"}).OnDelete = metadata.Cascade
	m.AddTable(child)
	if err := m.ApplyNamingConvention(); err != nil {
		panic(err)
	}
	return m
}

// fill inserts n parents, one child each, and a trigger and a view on
// parent.
func fill(t testing.TB, db *sql.DB, n int) {
	t.Helper()
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	require.NoError(t, err)
	for i := 1; i <= n; i++ {
		_, err := tx.ExecContext(ctx, `INSERT INTO parent (id, name, score) VALUES (?, ?, ?)`, i, fmt.Sprint("p", i), i%7)
		require.NoError(t, err)
		_, err = tx.ExecContext(ctx, `INSERT INTO child (id, parent_id) VALUES (?, ?)`, i, i)
		require.NoError(t, err)
	}
	require.NoError(t, tx.Commit())
	for _, s := range []string{
		`CREATE TABLE audit (parent_id INTEGER, what TEXT)`,
		`CREATE TRIGGER parent_audit AFTER UPDATE ON parent BEGIN INSERT INTO audit VALUES (new.id, 'update'); END`,
		`CREATE VIEW parent_names AS SELECT id, name FROM parent`,
		`CREATE INDEX ix_by_hand ON parent (lower(name))`,
	} {
		_, err := db.ExecContext(ctx, s)
		require.NoError(t, err)
	}
}

// withFillObjects adds to m the table and index fill makes by hand, which
// inspect reads (the trigger and view are modelled).
func withFillObjects(m *metadata.MetaData) {
	m.AddTable(metadata.NewTable("audit", metadata.NewColumn("parent_id", metadata.IntegerType), metadata.NewColumn("what", metadata.TextType)))
	m.Table("", "parent").Indexes = append(m.Table("", "parent").Indexes, &metadata.Index{Name: "ix_by_hand", Expressions: []string{"lower(name)"}})
	m.Views = append(m.Views, &metadata.View{Name: "parent_names", Definition: "SELECT id, name FROM parent", Reads: []string{"parent"}})
	// Triggers are modelled: fill's hand-made trigger is read back as one.
	m.Triggers = append(m.Triggers, &metadata.Trigger{Table: "parent", Name: "parent_audit",
		Definition: `CREATE TRIGGER parent_audit AFTER UPDATE ON parent BEGIN INSERT INTO audit VALUES (new.id, 'update'); END`})
}

func count(t testing.TB, db *sql.DB, query string, args ...any) int {
	t.Helper()
	var n int
	require.NoError(t, db.QueryRow(query, args...).Scan(&n))
	return n
}

// schemaObjects lists the names of indexes, triggers and views of parent.
func schemaObjects(t testing.TB, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query(`SELECT type || ' ' || name FROM sqlite_schema WHERE tbl_name IN ('parent', 'parent_names') AND type <> 'table' ORDER BY 1`)
	require.NoError(t, err)
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		require.NoError(t, rows.Scan(&s))
		out = append(out, s)
	}
	return out
}

// TestRecreateKeepsRowsIndexesTriggers is issue 3's must-show 4: a
// recreate of a table with rows, two indexes, a trigger, a view and a
// cascading foreign key pointing at it keeps every row (the children's
// too), index, trigger and view.
func TestRecreateKeepsRowsIndexesTriggers(t *testing.T) {
	t.Parallel()
	rows := 100_000
	if testing.Short() {
		rows = 2_000
	}
	m := recreateModel()
	db := freshDB(t)
	create(t, db, m)
	fill(t, db, rows)
	objects := schemaObjects(t, db)
	require.Len(t, objects, 5) // two model indexes, the hand-made one, the trigger, the view

	// A type change and a NOT NULL: beyond ALTER TABLE.
	stmts := apply(t, db, m, &ops.AlterColumn{
		TableRef: ops.TableRef{Table: "parent"}, ColumnName: "name",
		Type: ptr(metadata.TextType), Nullable: ptr(false),
	})
	require.True(t, hasSQL(stmts, `DROP TABLE "parent"`), "planned a recreate")

	require.Equal(t, rows, count(t, db, `SELECT count(*) FROM parent`))
	require.Equal(t, rows, count(t, db, `SELECT count(*) FROM child`), "child rows survive the parent's recreate")
	require.Equal(t, rows, count(t, db, `SELECT count(*) FROM parent_names`))
	require.Equal(t, objects, schemaObjects(t, db), "indexes, trigger and view survive")
	_, err := db.Exec(`UPDATE parent SET score = 1 WHERE id = 1`)
	require.NoError(t, err)
	require.Equal(t, 1, count(t, db, `SELECT count(*) FROM audit`), "the trigger fires")
	// The foreign key is enforced again, and still cascades.
	_, err = db.Exec(`INSERT INTO child (id, parent_id) VALUES (?, ?)`, rows+1, rows+1)
	require.Error(t, err)
	_, err = db.Exec(`DELETE FROM parent WHERE id = 2`)
	require.NoError(t, err)
	require.Equal(t, rows-1, count(t, db, `SELECT count(*) FROM child`))

	want := m.Clone()
	c := want.Table("", "parent").Column("name")
	c.Type, c.Nullable = metadata.TextType, false
	withFillObjects(want)
	dialecttest.AssertSchema(t, sqliteDialect, want, inspect(t, db).MetaData)
}

// TestRecreateBreakingForeignKeyRollsBack: a recreate that leaves a row
// breaking a foreign key fails on PRAGMA foreign_key_check, and the
// database is left as it was, with enforcement back on.
func TestRecreateBreakingForeignKeyRollsBack(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		list []ops.Op
	}{
		{"a new foreign key that rows break", []ops.Op{
			&ops.CreateForeignKey{TableRef: ops.TableRef{Table: "loose"}, ForeignKey: &metadata.ForeignKey{
				Columns: []string{"parent_id"}, RefTable: "parent", RefColumns: []string{"id"}}},
		}},
		{"rows deleted while enforcement is off", []ops.Op{
			&ops.Execute{SQL: `DELETE FROM parent WHERE id <= 3`},
			&ops.AlterColumn{TableRef: ops.TableRef{Table: "parent"}, ColumnName: "name", Nullable: ptr(false)},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m := recreateModel()
			loose := metadata.NewTable("loose", metadata.NewColumn("parent_id", metadata.BigIntType))
			m.AddTable(loose)
			db := freshDB(t)
			create(t, db, m)
			fill(t, db, 10)
			_, err := db.Exec(`INSERT INTO loose VALUES (1), (999)`)
			require.NoError(t, err)
			before := inspect(t, db).MetaData

			stmts, err := sqliteDialect.Plan(m, tc.list)
			require.NoError(t, err)
			err = runStatements(context.Background(), db, stmts)
			require.ErrorIs(t, err, errCheckFailed, "foreign_key_check reports the broken rows")

			require.Equal(t, 10, count(t, db, `SELECT count(*) FROM parent`), "rolled back")
			require.Equal(t, 10, count(t, db, `SELECT count(*) FROM child`))
			require.Equal(t, 2, count(t, db, `SELECT count(*) FROM loose`))
			requireSameModel(t, before, inspect(t, db).MetaData)
			require.Equal(t, 1, count(t, db, `PRAGMA foreign_keys`), "enforcement is back on")
			require.Zero(t, count(t, db, `SELECT count(*) FROM sqlite_schema WHERE name LIKE '\_retort%' ESCAPE '\'`))
		})
	}
}

// TestRecreateBatchesOpsOnOneTable: consecutive ops on one table make one
// recreate, and the result is what the ops say.
func TestRecreateBatchesOpsOnOneTable(t *testing.T) {
	t.Parallel()
	m := recreateModel()
	db := freshDB(t)
	create(t, db, m)
	fill(t, db, 50)
	ref := ops.TableRef{Table: "parent"}
	list := []ops.Op{
		&ops.AlterColumn{TableRef: ref, ColumnName: "name", Type: ptr(metadata.VarcharType(80)), ExistingType: ptr(metadata.VarcharType(50))},
		&ops.AlterColumn{TableRef: ref, ColumnName: "score", NewName: "points"},
		&ops.AddColumn{TableRef: ref, Column: &metadata.Column{Name: "created", Type: metadata.TimestampType, Nullable: false, Default: "CURRENT_TIMESTAMP"}},
		&ops.CreateCheckConstraint{TableRef: ref, Check: &metadata.Check{Name: "ck_points", Expression: "points >= 0"}},
		&ops.CreateIndex{TableRef: ref, Index: &metadata.Index{Columns: []string{"created"}}},
		&ops.DropIndex{TableRef: ref, IndexName: "ix_parent_name"},
	}
	stmts := apply(t, db, m, list...)
	require.Equal(t, 1, countSQL(stmts, `CREATE TABLE "_retort_tmp_parent"`), "one recreate for six ops")
	require.Equal(t, 1, countSQL(stmts, `PRAGMA foreign_key_check`))
	for _, s := range stmts {
		if !s.BeforeTx {
			require.Equal(t, len(list)-1, s.Op, "%s belongs to the batch's last op", s.SQL)
		}
	}
	want := m.Clone()
	require.NoError(t, ops.ApplyAll(want, list))
	want.Table("", "parent").Index("ix_parent_score").Where = "points > 0" // as SQLite renames it
	withFillObjects(want)
	dialecttest.AssertSchema(t, sqliteDialect, want, inspect(t, db).MetaData)
	require.Equal(t, 50, count(t, db, `SELECT count(*) FROM parent WHERE points = id % 7 AND created IS NOT NULL`), "renamed column copied, added column defaulted")
	require.Equal(t, 50, count(t, db, `SELECT count(*) FROM child`))
}

// TestInPlaceNeedsNoRecreate: what SQLite's ALTER TABLE can do is done in
// place, without the foreign key dance.
func TestInPlaceNeedsNoRecreate(t *testing.T) {
	t.Parallel()
	ref := ops.TableRef{Table: "parent"}
	cases := []struct {
		name string
		op   ops.Op
	}{
		{"add nullable column", &ops.AddColumn{TableRef: ref, Column: metadata.NewColumn("extra", metadata.TextType)}},
		{"add not null with constant default", &ops.AddColumn{TableRef: ref, Column: &metadata.Column{Name: "extra", Type: metadata.IntegerType, Default: "0"}}},
		{"rename column", &ops.AlterColumn{TableRef: ref, ColumnName: "name", NewName: "title"}},
		{"rename table", &ops.RenameTable{TableRef: ref, NewName: "mother"}},
		{"create index", &ops.CreateIndex{TableRef: ref, Index: &metadata.Index{Name: "ix_x", Expressions: []string{"lower(name)"}}}},
		{"drop index", &ops.DropIndex{TableRef: ref, IndexName: "ix_parent_name"}},
		{"comment", &ops.SetTableComment{TableRef: ref, Comment: "kept nowhere"}},
		{"same declared type", &ops.AlterColumn{TableRef: ref, ColumnName: "score", Type: ptr(metadata.MustParseType("int4"))}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m := recreateModel()
			db := freshDB(t)
			create(t, db, m)
			stmts := apply(t, db, m, tc.op)
			require.Zero(t, countSQL(stmts, "_retort_tmp_"), "no recreate: %v", stmts)
			want := m.Clone()
			require.NoError(t, ops.Apply(want, tc.op))
			dialecttest.AssertSchema(t, sqliteDialect, want, inspect(t, db).MetaData)
		})
	}
}

// TestRecreateKeepsAutoincrementCounter: numbers of deleted rows are not
// handed out again after a recreate.
func TestRecreateKeepsAutoincrementCounter(t *testing.T) {
	t.Parallel()
	m := recreateModel()
	db := freshDB(t)
	create(t, db, m)
	for i := 0; i < 5; i++ {
		_, err := db.Exec(`INSERT INTO parent (name) VALUES ('x')`)
		require.NoError(t, err)
	}
	_, err := db.Exec(`DELETE FROM parent WHERE id >= 4`)
	require.NoError(t, err)
	apply(t, db, m, &ops.AlterColumn{TableRef: ops.TableRef{Table: "parent"}, ColumnName: "name", Nullable: ptr(false)})
	var id int
	require.NoError(t, db.QueryRow(`INSERT INTO parent (name) VALUES ('y') RETURNING id`).Scan(&id))
	require.Equal(t, 6, id)
}

// TestEnumValueChangeRecreates: an enum's values live in its columns'
// CHECKs, so adding one recreates the tables that use it, and dropping one
// a row still holds fails and rolls back.
func TestEnumValueChangeRecreates(t *testing.T) {
	t.Parallel()
	m := metadata.New()
	m.AddEnum("mood", "happy", "sad")
	tb := metadata.NewTable("t", &metadata.Column{Name: "id", Type: metadata.IntegerType},
		&metadata.Column{Name: "mood", Type: metadata.EnumType("mood"), Nullable: true})
	tb.SetPrimaryKey("id")
	m.AddTable(tb)
	db := freshDB(t)
	create(t, db, m)
	_, err := db.Exec(`INSERT INTO t VALUES (1, 'sad')`)
	require.NoError(t, err)
	_, err = db.Exec(`INSERT INTO t VALUES (2, 'meh')`)
	require.Error(t, err, "the CHECK holds the values")

	add := &ops.AlterEnumAddValue{EnumName: "mood", Value: "meh"}
	apply(t, db, m, add)
	_, err = db.Exec(`INSERT INTO t VALUES (2, 'meh')`)
	require.NoError(t, err)

	after := m.Clone()
	require.NoError(t, ops.Apply(after, add))
	stmts, err := sqliteDialect.Plan(after, []ops.Op{&ops.AlterEnumDropValue{EnumName: "mood", Value: "sad"}})
	require.NoError(t, err)
	err = runStatements(context.Background(), db, stmts)
	require.Error(t, err, "a row holds 'sad'")
	require.Equal(t, 2, count(t, db, `SELECT count(*) FROM t`))
	dialecttest.AssertSchema(t, sqliteDialect, after, inspect(t, db).MetaData)
}

func ptr[T any](v T) *T { return &v }

func hasSQL(stmts []dialect.Statement, sql string) bool { return countSQL(stmts, sql) > 0 }

// countSQL counts the statements whose SQL holds part.
func countSQL(stmts []dialect.Statement, part string) int {
	n := 0
	for _, s := range stmts {
		if strings.Contains(s.SQL, part) {
			n++
		}
	}
	return n
}
