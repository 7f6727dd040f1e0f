package dialecttest

import (
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// awkwardNames are identifiers that only quoting makes work: reserved
// words, mixed case, spaces, quotes of every dialect, non-ASCII letters,
// and injection attempts in the double-quote and backtick forms.
var awkwardNames = []string{
	"select",
	"Order",
	"Mixed Case",
	`quo"te`,
	"it's",
	"back`tick",
	"naïve_ünï_表",
	`x"; DROP TABLE t; --`,
	"x`; DROP TABLE t; --",
}

// RunIdentifiers is must-show 3 of issue 3: a table, column, index and
// constraint named by each awkward name are created, read back, renamed,
// written to and read from through the expression core, and dropped,
// while a table named t, the injections' target, keeps its row.
func RunIdentifiers(t *testing.T, d dialect.Dialect, open Opener) {
	db := open(t)
	m := metadata.New()
	target := metadata.NewTable("t", &metadata.Column{Name: "id", Type: metadata.IntegerType})
	target.SetPrimaryKey("id")
	m.AddTable(target)
	for i, n := range awkwardNames {
		tb := metadata.NewTable(n,
			&metadata.Column{Name: "id", Type: metadata.IntegerType},
			metadata.NewColumn(n, metadata.VarcharType(50)),
			metadata.NewColumn(n+"2", metadata.IntegerType))
		tb.SetPrimaryKey("id").Name = "pk " + n
		tb.AddUnique(n).Name = "uq " + n
		tb.AddForeignKey([]string{n + "2"}, "t", []string{"id"}).Name = "fk " + n
		tb.AddCheck("ck "+n, d.QuoteIdent(n+"2")+" >= 0")
		tb.AddIndex(n + "2").Name = "ix " + n
		tb.Comment = "comment of " + n
		tb.Columns[1].Comment = "column " + n
		_ = i
		m.AddTable(tb)
	}
	mustName(m)
	PlanAndExec(t, d, db.DB, metadata.New(), dialect.CreateOpsFor(d, m)...)
	put := func(table, col string, v any) {
		s, err := dialect.Compile(d, dialect.InsertInto(dialect.Table(table), "id", col).Values(1, v))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.ExecContext(ctx(t), s.SQL, s.Args...); err != nil {
			t.Fatalf("%s: %v", s.SQL, err)
		}
	}
	if _, err := db.ExecContext(ctx(t), "INSERT INTO "+d.QuoteIdent("t")+" ("+d.QuoteIdent("id")+") VALUES (1)"); err != nil {
		t.Fatal(err)
	}
	for _, n := range awkwardNames {
		put(n, n, n)
		s, err := dialect.Compile(d, &dialect.Select{Table: dialect.Table(n), Columns: []string{n}, Where: dialect.Eq(n, n)})
		if err != nil {
			t.Fatal(err)
		}
		var got string
		if err := db.QueryRowContext(ctx(t), s.SQL, s.Args...).Scan(&got); err != nil || got != n {
			t.Errorf("%s: got %q, %v", s.SQL, got, err)
		}
	}
	AssertSchema(t, d, m, Inspect(t, d, db.DB).MetaData)

	// Rename each table and column to its name with a suffix, and back.
	state := m.Clone()
	var renames, back []ops.Op
	for _, n := range awkwardNames {
		renames = append(renames,
			&ops.AlterColumn{TableRef: ref(n), ColumnName: n, NewName: n + " renamed"},
			&ops.RenameTable{TableRef: ref(n), NewName: n + " renamed"})
		back = append(back,
			&ops.RenameTable{TableRef: ref(n + " renamed"), NewName: n},
			&ops.AlterColumn{TableRef: ref(n), ColumnName: n + " renamed", NewName: n})
	}
	PlanAndExec(t, d, db.DB, state, renames...)
	renamed := state.Clone()
	if err := ops.ApplyAll(renamed, renames); err != nil {
		t.Fatal(err)
	}
	AssertSchema(t, d, renamed, Inspect(t, d, db.DB).MetaData)
	PlanAndExec(t, d, db.DB, renamed, back...)
	AssertSchema(t, d, m, Inspect(t, d, db.DB).MetaData)

	PlanAndExec(t, d, db.DB, m, dialect.DropOps(m)[:len(awkwardNames)]...)
	var count int
	if err := db.QueryRowContext(ctx(t), "SELECT count(*) FROM "+d.QuoteIdent("t")).Scan(&count); err != nil || count != 1 {
		t.Fatalf("table t after the injection attempts: %d rows, %v", count, err)
	}
	left := Inspect(t, d, db.DB).MetaData
	if len(left.Tables) != 1 || left.Tables[0].Name != "t" {
		t.Errorf("after dropping the awkward tables, left: %d tables", len(left.Tables))
	}
}
