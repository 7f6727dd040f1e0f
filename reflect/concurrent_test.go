package reflect_test

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
	"github.com/retortdb/retort/reflect"
)

// victimModel is a parent table and a child ("victim") with a key, a
// foreign key, a unique constraint, a check and an index, so that a
// half-read child differs from a whole one.
func victimModel(t testing.TB) *metadata.MetaData {
	m, err := metadata.Read("victim.yaml", []byte(`
tables:
  - name: parent
    columns:
      - {name: id, type: integer, primary_key: true}
  - name: victim
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: parent_id, type: integer, nullable: false, references: parent.id}
      - {name: code, type: varchar(20), nullable: false, unique: true}
      - {name: qty, type: integer, nullable: false, default: 0, index: true}
    checks:
      - {name: ck_victim_qty, expression: qty >= 0}
`))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// dropAfter is a Queryer that drops a table (runs drop) before the
// query after the first `after` ones: what a concurrent DROP TABLE does
// between two catalog queries of an inspection.
type dropAfter struct {
	q     dialect.Queryer
	after int
	n     int
	drop  func(ctx context.Context) error
	err   error
}

func (w *dropAfter) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if w.n == w.after {
		w.err = w.drop(ctx)
	}
	w.n++
	return w.q.QueryContext(ctx, query, args...)
}

// tableYAML renders one table, for comparisons.
func tableYAML(t testing.TB, tb *metadata.Table) string {
	t.Helper()
	out, err := metadata.Write(&metadata.MetaData{Tables: []*metadata.Table{tb}})
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// checkPartial asserts the must-show 6 contract on an inspection of
// victimModel that may have lost the victim: every table read equals its
// reference whole; a table missing is reported by a warning when warn is
// set.
func checkPartial(t *testing.T, ref, got *reflect.Result, err error, mustWarn bool) {
	t.Helper()
	if err != nil {
		t.Logf("clear error: %v", err)
		if strings.TrimSpace(err.Error()) == "" {
			t.Error("an empty error")
		}
		return
	}
	for _, want := range ref.MetaData.Tables {
		tb := got.MetaData.Table(want.Schema, want.Name)
		if tb == nil {
			warned := false
			for _, w := range got.Warnings {
				warned = warned || strings.Contains(w, want.Name)
			}
			t.Logf("table %s left out (warned: %v); warnings: %q", want.Name, warned, got.Warnings)
			if mustWarn && !warned {
				t.Errorf("table %s is missing without a warning", want.Name)
			}
			continue
		}
		if g, w := tableYAML(t, tb), tableYAML(t, want); g != w {
			t.Errorf("table %s read half:\n%s\nwant:\n%s\nwarnings: %q", want.Name, g, w, got.Warnings)
		}
	}
}

// TestInspectTableDropped is must-show 6's second half: a table dropped
// between any two catalog queries of an inspection gives a clear error,
// or a model without it, never a half-read table.
func TestInspectTableDropped(t *testing.T) {
	eachDialect(t, func(t *testing.T, d dialect.Dialect, open dialecttest.Opener) {
		db := open(t)
		m, _ := create(t, d, db, victimModel(t))
		ref := inspect(t, d, db.DB, reflect.Options{})
		if len(ref.MetaData.Tables) != 2 {
			t.Fatalf("reference inspection: %d tables", len(ref.MetaData.Tables))
		}
		without := m.Clone()
		without.RemoveTable("", "victim")
		for after := 1; ; after++ {
			w := &dropAfter{q: db.DB, after: after, drop: func(ctx context.Context) error {
				_, err := db.ExecContext(ctx, "DROP TABLE "+d.QuoteIdent("victim"))
				return err
			}}
			var got *reflect.Result
			var err error
			t.Run(fmt.Sprintf("after=%d", after), func(t *testing.T) {
				got, err = reflect.Inspect(t.Context(), w, d, reflect.Options{})
				if w.err != nil {
					t.Fatalf("dropping: %v", w.err)
				}
				checkPartial(t, ref, got, err, false)
			})
			if w.n <= after { // the inspection ended before the drop
				return
			}
			dialecttest.PlanAndExec(t, d, db.DB, without, &ops.CreateTable{Table: m.Table("", "victim").Clone()})
		}
	})
}
