package versions_test

import (
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/schemagen"
	"github.com/retortdb/retort/versions"
)

// BenchmarkMarshal1000 renders the revision that creates the 1,000-table
// fixture, as revision --autogenerate writes it against an empty database.
func BenchmarkMarshal1000(b *testing.B) {
	m := schemagen.Generate(schemagen.Config{Seed: 1, Tables: 1000, MinColumns: 10, MaxColumns: 10, IndexesPerTable: 2, FKsPerTable: 2})
	r := &versions.Revision{ID: "000000000001", Message: "all", Transactional: true, Upgrade: dialect.CreateOps(m)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := versions.Marshal(r); err != nil {
			b.Fatal(err)
		}
	}
}
