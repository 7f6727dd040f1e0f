package postgres_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/internal/schemagen"
	"github.com/retortdb/retort/metadata"
)

// schema1000 is issue 3's benchmark schema: 1,000 tables of 10 columns,
// 2 indexes and up to 2 foreign keys each.
func schema1000() *metadata.MetaData {
	return schemagen.Generate(schemagen.Config{Seed: 1, Tables: 1000, MinColumns: 10, MaxColumns: 10, IndexesPerTable: 2, FKsPerTable: 2})
}

// BenchmarkPlan1000 plans create_table for every table of the 1,000-table
// schema (must-show 6 of issue 3: under 50 ms).
func BenchmarkPlan1000(b *testing.B) {
	list := dialect.CreateOps(schema1000())
	d := postgres.Postgres{}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := d.Plan(metadata.New(), list); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInspect1000 inspects the 1,000-table schema (issue 4's target on
// PostgreSQL: 0.5 s).
func BenchmarkInspect1000(b *testing.B) {
	db := dbtest.Postgres(b)
	d := postgres.Postgres{}
	dialecttest.PlanAndExec(b, d, db.DB, metadata.New(), dialect.CreateOps(schema1000())...)
	for b.Loop() {
		in, err := d.Inspect(b.Context(), db.DB, dialect.InspectOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if len(in.MetaData.Tables) != 1000 {
			b.Fatalf("%d tables", len(in.MetaData.Tables))
		}
	}
}

// counting counts the queries run through it.
type counting struct {
	q dialect.Queryer
	n int
}

func (c *counting) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	c.n++
	return c.q.QueryContext(ctx, query, args...)
}

// TestInspectQueryCount is must-show 2 of issue 4: an inspection of a
// 20-table and of a 400-table schema issue the same number of queries, and
// both read back as created.
func TestInspectQueryCount(t *testing.T) {
	d := postgres.Postgres{}
	counts := map[int]int{}
	for _, n := range []int{20, 400} {
		m := schemagen.Generate(schemagen.Config{Seed: int64(n), Tables: n, Enums: true, AllTypes: true, AwkwardNames: true})
		db := dbtest.Postgres(t)
		dialecttest.PlanAndExec(t, d, db.DB, metadata.New(), dialect.CreateOps(m)...)
		c := &counting{q: db.DB}
		in, err := d.Inspect(t.Context(), c, dialect.InspectOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(in.MetaData.Tables) != n {
			t.Fatalf("%d tables read, want %d", len(in.MetaData.Tables), n)
		}
		dialecttest.AssertSchema(t, d, m, in.MetaData)
		counts[n] = c.n
	}
	t.Logf("queries per inspect: %v", counts)
	if counts[20] != counts[400] {
		t.Errorf("queries: %d for 20 tables, %d for 400", counts[20], counts[400])
	}
}
