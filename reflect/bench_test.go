package reflect_test

import (
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/internal/schemagen"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/reflect"
)

// BenchmarkInspect1000 is must-show 4: reflect.Inspect (with the version
// table filter, sorting and the dangling-key check) of issue 4's
// 1,000-table schema, per dialect. Targets on the 2-core test machine:
// PostgreSQL and MariaDB 0.5 s, SQLite 0.3 s. The schema is created once
// per dialect and benchmark process.
func BenchmarkInspect1000(b *testing.B) {
	benchInspect(b, func(string) *metadata.MetaData {
		return schemagen.Generate(schemagen.Config{Seed: 1, Tables: 1000, MinColumns: 10, MaxColumns: 10, IndexesPerTable: 2, FKsPerTable: 2})
	})
}

// BenchmarkInspect1000Objects is issue 15's must-show 4: the schema of
// [BenchmarkInspect1000] with 500 views, 200 functions and 500 triggers
// over it, in each database's SQL (SQLite has no functions). Target: within
// 1.5x of BenchmarkInspect1000 per database.
func BenchmarkInspect1000Objects(b *testing.B) {
	benchInspect(b, func(name string) *metadata.MetaData {
		cfg := schemagen.Config{Seed: 1, Tables: 1000, MinColumns: 10, MaxColumns: 10, IndexesPerTable: 2, FKsPerTable: 2,
			Views: 500, Functions: 200, Triggers: 500, Flavor: name}
		return schemagen.Generate(cfg)
	})
}

// benchInspect creates schema(dialect name) on a fresh database per
// dialect, once, and times reflect.Inspect of it.
func benchInspect(b *testing.B, schema func(name string) *metadata.MetaData) {
	for _, name := range dbtest.Dialects {
		m := schema(name)
		b.Run(name, func(b *testing.B) {
			d := dialectOf(b, name)
			db := dbtest.Open(b, name)
			dialecttest.PlanAndExec(b, d, db.DB, metadata.New(), dialect.CreateOpsFor(d, m)...)
			for b.Loop() {
				res, err := reflect.Inspect(b.Context(), db.DB, d, reflect.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if got := res.MetaData; len(got.Tables) != len(m.Tables) || len(got.Views) != len(m.Views) ||
					len(got.Functions) != len(m.Functions) || len(got.Triggers) != len(m.Triggers) {
					b.Fatalf("read %d tables, %d views, %d functions, %d triggers", len(got.Tables), len(got.Views), len(got.Functions), len(got.Triggers))
				}
			}
		})
	}
}
