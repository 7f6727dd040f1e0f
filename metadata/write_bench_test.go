package metadata_test

import (
	"testing"

	"github.com/retortdb/retort/internal/schemagen"
	"github.com/retortdb/retort/metadata"
)

func benchFixture() *metadata.MetaData {
	return schemagen.Generate(schemagen.Config{Seed: 1, Tables: 1000, MinColumns: 10, MaxColumns: 10, IndexesPerTable: 2, FKsPerTable: 2})
}

// BenchmarkWrite1000 writes the 1,000-table fixture as schema.yaml.
func BenchmarkWrite1000(b *testing.B) {
	m := benchFixture()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := metadata.Write(m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteJSON1000 writes the 1,000-table fixture as JSON.
func BenchmarkWriteJSON1000(b *testing.B) {
	m := benchFixture()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := metadata.WriteJSON(m); err != nil {
			b.Fatal(err)
		}
	}
}
