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
	m := schemagen.Generate(schemagen.Config{Seed: 1, Tables: 1000, MinColumns: 10, MaxColumns: 10, IndexesPerTable: 2, FKsPerTable: 2})
	for _, name := range dbtest.Dialects {
		b.Run(name, func(b *testing.B) {
			d := dialectOf(b, name)
			db := dbtest.Open(b, name)
			dialecttest.PlanAndExec(b, d, db.DB, metadata.New(), dialect.CreateOps(m)...)
			for b.Loop() {
				res, err := reflect.Inspect(b.Context(), db.DB, d, reflect.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if len(res.MetaData.Tables) != 1000 {
					b.Fatalf("%d tables", len(res.MetaData.Tables))
				}
			}
		})
	}
}
