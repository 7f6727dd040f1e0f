package sqlite

import (
	"context"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/schemagen"
	"github.com/retortdb/retort/metadata"
	"github.com/stretchr/testify/require"
)

// bench1000 is the 1,000-table schema of issue 3's must-show 6 and issue
// 4's must-show 4.
func bench1000() *metadata.MetaData {
	return schemagen.Generate(schemagen.Config{Seed: 1, Tables: 1000, MinColumns: 10, MaxColumns: 10, IndexesPerTable: 2, FKsPerTable: 2})
}

// BenchmarkPlan1000 plans the creation of the 1,000-table schema (target:
// under 50 ms).
func BenchmarkPlan1000(b *testing.B) {
	list := dialect.CreateOps(bench1000())
	empty := metadata.New()
	b.ResetTimer()
	for b.Loop() {
		if _, err := sqliteDialect.Plan(empty, list); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInspect1000 inspects the 1,000-table schema (target: 0.3 s).
func BenchmarkInspect1000(b *testing.B) {
	m := bench1000()
	db := freshDB(b)
	create(b, db, m)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		in, err := sqliteDialect.Inspect(ctx, db, dialect.InspectOptions{})
		if err != nil {
			b.Fatal(err)
		}
		require.Len(b, in.MetaData.Tables, 1000)
	}
}
