package dialecttest

import (
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// RunDataOps covers the ops that change data or run SQL: execute (plain
// and per dialect), bulk_insert (hostile values, bound) reversed by
// bulk_delete, and call, which has no SQL.
func RunDataOps(t *testing.T, d dialect.Dialect, open Opener) {
	t.Run("execute", func(t *testing.T) {
		db := open(t)
		start := base()
		PlanAndExec(t, d, db.DB, metadata.New(), dialect.CreateOpsFor(d, start)...)
		PlanAndExec(t, d, db.DB, start,
			&ops.Execute{SQL: "CREATE TABLE executed (a integer)"},
			&ops.Execute{PerDialect: map[string]string{d.Name(): "CREATE TABLE executed_here (a integer)", "nosuchdb": "this is not SQL"}},
			&ops.Execute{PerDialect: map[string]string{"nosuchdb": "neither is this"}})
		want := start.Clone()
		want.AddTable(metadata.NewTable("executed", metadata.NewColumn("a", metadata.IntegerType)))
		want.AddTable(metadata.NewTable("executed_here", metadata.NewColumn("a", metadata.IntegerType)))
		AssertSchema(t, d, want, Inspect(t, d, db.DB).MetaData)
	})
	t.Run("bulk_insert", func(t *testing.T) {
		db := open(t)
		start := base()
		PlanAndExec(t, d, db.DB, metadata.New(), dialect.CreateOpsFor(d, start)...)
		rows := [][]any{
			{int64(1), "it's", "2001-02-03"},
			{int64(2), `back\slash "quoted"`, nil},
			{int64(3), "x'); DROP TABLE child; --", "1999-12-31"},
			{int64(4), "ünï©ødé ✓ 😀", nil},
		}
		ins := &ops.BulkInsert{TableRef: ref("parent"), Columns: []string{"id", "name", "born"}, Rows: rows}
		PlanAndExec(t, d, db.DB, start, ins)
		got := selectNames(t, d, db)
		want := []string{"it's", `back\slash "quoted"`, "x'); DROP TABLE child; --", "ünï©ødé ✓ 😀"}
		if len(got) != len(want) {
			t.Fatalf("after bulk_insert: names %q, want %q", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("row %d: name %q, want %q", i+1, got[i], want[i])
			}
		}
		AssertSchema(t, d, start, Inspect(t, d, db.DB).MetaData)

		skip := &ops.BulkInsert{TableRef: ref("parent"), Columns: []string{"id", "name"}, Rows: [][]any{{int64(1), "dup"}, {int64(5), "five"}}, OnConflict: ops.OnConflictSkip}
		PlanAndExec(t, d, db.DB, start, skip)
		if got := selectNames(t, d, db); len(got) != 5 || got[0] != "it's" || got[4] != "five" {
			t.Errorf("after bulk_insert skip: %q", got)
		}
		upd := &ops.BulkInsert{TableRef: ref("parent"), Columns: []string{"id", "name"}, Rows: [][]any{{int64(5), "FIVE"}}, OnConflict: ops.OnConflictUpdate}
		PlanAndExec(t, d, db.DB, start, upd)
		if got := selectNames(t, d, db); len(got) != 5 || got[4] != "FIVE" {
			t.Errorf("after bulk_insert update: %q", got)
		}

		rev, err := ins.Reverse()
		if err != nil {
			t.Fatalf("Reverse: %v", err)
		}
		PlanAndExec(t, d, db.DB, start, rev)
		if got := selectNames(t, d, db); len(got) != 1 || got[0] != "FIVE" {
			t.Errorf("after bulk_delete: names %q, want only FIVE", got)
		}
	})
	t.Run("call", func(t *testing.T) {
		// call runs Go code: a dialect plans nothing for it, or says so.
		stmts, err := d.Plan(base(), []ops.Op{&ops.Call{Function: "backfill"}})
		if err == nil && len(stmts) > 0 {
			t.Errorf("call planned SQL: %v", stmts)
		}
	})
}

// selectNames reads parent.name ordered by id through the expression core.
func selectNames(t *testing.T, d dialect.Dialect, db *dbtest.DB) []string {
	t.Helper()
	q, err := dialect.Compile(d, &dialect.Select{Table: dialect.Table("parent"), Columns: []string{"name"},
		Where: dialect.Gt("id", 0), OrderBy: []dialect.Order{dialect.Asc("id")}})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.QueryContext(ctx(t), q.SQL, q.Args...)
	if err != nil {
		t.Fatalf("%s: %v", q.SQL, err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return names
}
