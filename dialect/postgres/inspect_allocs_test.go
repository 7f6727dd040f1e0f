package postgres_test

import (
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/internal/schemagen"
	"github.com/retortdb/retort/metadata"
)

// TestInspectAllocations bounds the client's allocations a table when
// inspecting 100 schemagen tables (10 columns, 2 indexes, up to 2 foreign
// keys each; issue 20): the scan destinations of a row are one struct
// (columnScan, constraintScan, indexScan), not a heap local each. Before
// constraintScan: 393 a table; after: 353 (with the column attributes of issue 15).
func TestInspectAllocations(t *testing.T) {
	const tables, most = 100, 370
	db := dbtest.Postgres(t)
	d := postgres.Postgres{}
	m := schemagen.Generate(schemagen.Config{Seed: 1, Tables: tables, MinColumns: 10, MaxColumns: 10, IndexesPerTable: 2, FKsPerTable: 2})
	dialecttest.PlanAndExec(t, d, db.DB, metadata.New(), dialect.CreateOps(m)...)
	n := testing.AllocsPerRun(2, func() {
		in, err := d.Inspect(t.Context(), db.DB, dialect.InspectOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(in.MetaData.Tables) != tables {
			t.Fatalf("%d tables, want %d", len(in.MetaData.Tables), tables)
		}
	})
	perTable := n / tables
	t.Logf("%.0f allocations, %.0f a table", n, perTable)
	if perTable > most {
		t.Errorf("inspecting %d tables: %.0f allocations a table, want at most %d", tables, perTable, most)
	}
}
