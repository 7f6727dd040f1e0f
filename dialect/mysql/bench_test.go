package mysql

import (
	"context"
	"database/sql"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/schemagen"
	"github.com/retortdb/retort/metadata"
)

// countingQueryer counts the queries Inspect issues.
type countingQueryer struct {
	q dialect.Queryer
	n atomic.Int64
}

func (c *countingQueryer) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	c.n.Add(1)
	return c.q.QueryContext(ctx, query, args...)
}

// createGenerated creates a schemagen schema of n tables on db in one
// connection with foreign key checks off (faster; the order is right anyway).
func createGenerated(t testing.TB, db *dbtest.DB, m *metadata.MetaData) {
	t.Helper()
	stmts, err := testDialect.Plan(metadata.New(), dialect.CreateOps(m))
	require.NoError(t, err)
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	require.NoError(t, err)
	defer conn.Close()
	for _, s := range stmts {
		_, err := conn.ExecContext(ctx, s.SQL, s.Args...)
		require.NoError(t, err, s.SQL)
	}
}

// TestInspectQueryCount is issue 4's must-show 2: inspecting 20 and 400
// tables takes the same number of queries.
func TestInspectQueryCount(t *testing.T) {
	counts := map[int]int64{}
	for _, n := range []int{20, 400} {
		db := dbtest.MySQL(t)
		m := schemagen.Generate(schemagen.Config{Seed: 7, Tables: n, Enums: true})
		createGenerated(t, db, m)
		q := &countingQueryer{q: db.DB}
		in, err := testDialect.Inspect(context.Background(), q, dialect.InspectOptions{})
		require.NoError(t, err)
		require.Len(t, in.MetaData.Tables, n)
		counts[n] = q.n.Load()
		// The pooled path (queries at once) reads the same model.
		requireSameSchema(t, in.MetaData, inspect(t, db).MetaData)
	}
	t.Logf("queries: 20 tables %d, 400 tables %d", counts[20], counts[400])
	require.Equal(t, counts[20], counts[400])
}

func bench1000() *metadata.MetaData {
	return schemagen.Generate(schemagen.Config{Seed: 1, Tables: 1000, MinColumns: 10, MaxColumns: 10, IndexesPerTable: 2, FKsPerTable: 2})
}

// BenchmarkPlan1000 plans create_table for the 1,000-table schema
// (issue 3's must-show 6: under 50 ms).
func BenchmarkPlan1000(b *testing.B) {
	m := bench1000()
	list := dialect.CreateOps(m)
	b.ResetTimer()
	for b.Loop() {
		if _, err := testDialect.Plan(metadata.New(), list); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInspect1000 inspects the 1,000-table schema (issue 4's
// must-show 4: at most 0.5 s on MariaDB), through a *sql.DB (queries at
// once) and through one connection (one after the other).
func BenchmarkInspect1000(b *testing.B) {
	db := dbtest.MySQL(b)
	m := bench1000()
	createGenerated(b, db, m)
	conn, err := db.Conn(context.Background())
	require.NoError(b, err)
	defer conn.Close()
	for _, q := range []struct {
		name string
		q    dialect.Queryer
	}{{"pooled", db.DB}, {"conn", conn}} {
		b.Run(q.name, func(b *testing.B) {
			for b.Loop() {
				in, err := testDialect.Inspect(context.Background(), q.q, dialect.InspectOptions{})
				if err != nil {
					b.Fatal(err)
				}
				if len(in.MetaData.Tables) != 1000 {
					b.Fatalf("%d tables", len(in.MetaData.Tables))
				}
			}
		})
	}
}
