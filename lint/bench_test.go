package lint_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/lint"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/versions"
)

// hundredRevisions writes a base revision with 10 tables and 99 pending
// revisions after it (add column, index, not null, type change, rename in
// turn) and returns the folder.
func hundredRevisions(tb testing.TB) string {
	dir := tb.TempDir()
	w := func(r *versions.Revision) {
		data, err := versions.Marshal(r)
		if err != nil {
			tb.Fatal(err)
		}
		os.MkdirAll(dir+"/versions", 0o755)
		if err := os.WriteFile(fmt.Sprintf("%s/versions/%s.yaml", dir, r.ID), data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	var base []ops.Op
	for i := 0; i < 10; i++ {
		t := metadata.NewTable(fmt.Sprintf("t%d", i), metadata.NewColumn("id", metadata.MustParseType("bigint")))
		t.Columns[0].Nullable = false
		t.PrimaryKey = &metadata.PrimaryKey{Name: fmt.Sprintf("pk_t%d", i), Columns: []string{"id"}}
		base = append(base, &ops.CreateTable{Table: t})
	}
	w(&versions.Revision{ID: "b00000000000", Transactional: true, Upgrade: base})
	prev := "b00000000000"
	for i := 1; i < 100; i++ {
		tbl := ops.TableRef{Table: fmt.Sprintf("t%d", i%10)}
		col := fmt.Sprintf("c%d", i)
		c := metadata.NewColumn(col, metadata.MustParseType("integer"))
		c.Nullable = true
		list := []ops.Op{&ops.AddColumn{TableRef: tbl, Column: c}}
		switch i % 4 {
		case 1:
			list = append(list, &ops.CreateIndex{TableRef: tbl, Index: &metadata.Index{Name: "ix_" + col, Columns: []string{col}}})
		case 2:
			list = append(list, &ops.AlterColumn{TableRef: tbl, ColumnName: col, Nullable: ptr(false), ExistingNullable: ptr(true)})
		case 3:
			ty := metadata.MustParseType("bigint")
			list = append(list, &ops.AlterColumn{TableRef: tbl, ColumnName: col, Type: &ty, ExistingType: &c.Type})
		}
		id := fmt.Sprintf("r%011d", i)
		w(&versions.Revision{ID: id, DownRevisions: []string{prev}, Transactional: true, Upgrade: list})
		prev = id
	}
	return dir
}

func ptr[T any](v T) *T { return &v }

// BenchmarkLint100 lints the 99 revisions after the base: measured on a
// PostgreSQL and a MariaDB scratch database, and offline (documented rules).
func BenchmarkLint100(b *testing.B) {
	dir := hundredRevisions(b)
	run := func(b *testing.B, o lint.Options) {
		o.Migrations, o.Base = os.DirFS(dir), "b00000000000"
		for i := 0; i < b.N; i++ {
			rep, err := lint.Run(context.Background(), o)
			if err != nil {
				b.Fatal(err)
			}
			if len(rep.Revisions) != 99 {
				b.Fatalf("%d revisions linted", len(rep.Revisions))
			}
		}
	}
	b.Run("offline-postgres", func(b *testing.B) { run(b, lint.Options{URL: "postgres://x@127.0.0.1/none", Offline: true}) })
	b.Run("offline-mysql", func(b *testing.B) { run(b, lint.Options{URL: "mysql://x@127.0.0.1/none", Offline: true}) })
	b.Run("scratch-postgres", func(b *testing.B) { run(b, lint.Options{DevURL: dbtest.Postgres(b).URL}) })
	b.Run("scratch-mysql", func(b *testing.B) { run(b, lint.Options{DevURL: dbtest.MySQL(b).URL}) })
}

// TestLint100Counts checks the 100-revision lint finds what it should,
// without timing it: 99 revisions, every statement planned.
func TestLint100Counts(t *testing.T) {
	dir := hundredRevisions(t)
	rep, err := lint.Run(context.Background(), lint.Options{URL: "postgres://x@127.0.0.1/none", Offline: true, Migrations: os.DirFS(dir), Base: "b00000000000"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Revisions) != 99 || rep.Statements < 99 || rep.Measured {
		t.Fatalf("revisions %d, statements %d, measured %v", len(rep.Revisions), rep.Statements, rep.Measured)
	}
}
