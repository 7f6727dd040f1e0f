package reflect_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/internal/schemagen"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/reflect"
)

// objectsSchema is a generated schema of tables with views, functions and
// triggers over them, in the SQL of the dialect named dbName.
func objectsSchema(dbName string, tables, views, functions, triggers int) *metadata.MetaData {
	cfg := schemagen.Config{Seed: int64(tables), Tables: tables, MinColumns: 10, MaxColumns: 10,
		IndexesPerTable: 2, FKsPerTable: 2, Views: views, Functions: functions, Triggers: triggers}
	cfg.Flavor = dbName
	return schemagen.Generate(cfg)
}

// countingQueryer counts the queries run through it.
type countingQueryer struct {
	q dialect.Queryer
	n int
}

func (c *countingQueryer) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	c.n++
	return c.q.QueryContext(ctx, query, args...)
}

// TestInspectObjectsQueryCount is issue 15's must-show 4 on counts: an
// inspection of 20 tables with 10 views, 6 functions and 10 triggers and of
// 60 tables with 30 views, 14 functions and 30 triggers issues the same
// number of catalog queries on each database, and reads every object back.
func TestInspectObjectsQueryCount(t *testing.T) {
	for _, name := range dbtest.Dialects {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			inspectObjectsQueryCount(t, name)
		})
	}
}

func inspectObjectsQueryCount(t *testing.T, name string) {
	d := dialectOf(t, name)
	counts := map[int]int{}
	for _, size := range []int{1, 3} {
		m := objectsSchema(name, 20*size, 10*size, 4*size+2, 10*size)
		db := dbtest.Open(t, name)
		dialecttest.PlanAndExec(t, d, db.DB, metadata.New(), dialect.CreateOpsFor(d, m)...)
		c := &countingQueryer{q: db.DB}
		res, err := reflect.Inspect(t.Context(), c, d, reflect.Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := res.MetaData
		if len(got.Tables) != len(m.Tables) || len(got.Views) != len(m.Views) ||
			len(got.Functions) != len(m.Functions) || len(got.Triggers) != len(m.Triggers) {
			t.Fatalf("read %d tables, %d views, %d functions, %d triggers; created %d, %d, %d, %d",
				len(got.Tables), len(got.Views), len(got.Functions), len(got.Triggers),
				len(m.Tables), len(m.Views), len(m.Functions), len(m.Triggers))
		}
		counts[size] = c.n
	}
	if counts[1] != counts[3] {
		t.Fatalf("queries: %d for the small schema, %d for the three-times one", counts[1], counts[10])
	}
	t.Logf("%d queries at both sizes", counts[1])
}
