package metadata_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/internal/schemagen"
	"github.com/retortdb/retort/metadata"
)

// TestWriteByTableSameBytes checks that Write, which encodes one table at
// a time, gives the bytes that encoding the whole model as one document
// gives, over generated schemas with awkward names, enums, every type and
// a naming convention of their own.
func TestWriteByTableSameBytes(t *testing.T) {
	t.Parallel()
	for seed := range int64(300) {
		cfg := schemagen.Config{Seed: seed, Tables: 1 + int(seed%15), Enums: seed%2 == 0, AllTypes: seed%3 != 0, AwkwardNames: seed%4 < 2}
		m := schemagen.Generate(cfg)
		if seed%5 == 0 {
			m.NamingConvention = metadata.NamingConvention{"ix": "idx_%(column_0_label)s"}
		}
		want, err := metadata.WriteWhole(m)
		require.NoError(t, err)
		got, err := metadata.Write(m)
		require.NoError(t, err)
		require.Equal(t, string(want), string(got), "seed %d", seed)
	}
	empty, err := metadata.Write(metadata.New())
	require.NoError(t, err)
	want, err := metadata.WriteWhole(metadata.New())
	require.NoError(t, err)
	require.Equal(t, string(want), string(empty))
}

// TestWriteAllocs guards the cost of writing the 1,000-table fixture as
// schema.yaml: it encoded one document with every event kept, 190 MB and
// 375k allocations; one table at a time, 112 MB.
func TestWriteAllocs(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the 1,000-table fixture takes a second")
	}
	m := benchFixture()
	res := testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := metadata.Write(m); err != nil {
				b.Fatal(err)
			}
		}
	})
	t.Logf("Write of 1,000 tables: %d B/op, %d allocs/op", res.AllocedBytesPerOp(), res.AllocsPerOp())
	require.Less(t, res.AllocedBytesPerOp(), int64(140<<20), "bytes allocated per Write")
}
