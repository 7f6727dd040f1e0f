package versions_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/schemagen"
	"github.com/retortdb/retort/versions"
)

// TestMarshalByOpSameBytes checks that Marshal, which encodes one op at a
// time, gives the bytes that encoding the whole revision as one document
// gives, over the ops that create generated schemas with awkward names,
// enums and every type, and with empty lists.
func TestMarshalByOpSameBytes(t *testing.T) {
	t.Parallel()
	for seed := range int64(120) {
		cfg := schemagen.Config{Seed: seed, Tables: 1 + int(seed%9), Enums: seed%2 == 0, AllTypes: seed%3 != 0, AwkwardNames: seed%4 < 2}
		up := dialect.CreateOps(schemagen.Generate(cfg))
		r := &versions.Revision{ID: "0123456789ab", Message: "seed", Transactional: seed%2 == 0,
			DownRevisions: []string{"ba9876543210"}, Created: time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC), Upgrade: up}
		if seed%3 == 0 {
			r.Downgrade = dialect.CreateOps(schemagen.Generate(schemagen.Config{Seed: seed + 1000, Tables: 2}))
		}
		if seed%7 == 0 {
			r.Upgrade = nil
		}
		want, err := versions.MarshalWhole(r)
		require.NoError(t, err)
		got, err := versions.Marshal(r)
		require.NoError(t, err)
		require.Equal(t, string(want), string(got), "seed %d", seed)
	}
}

// TestMarshalAllocs guards the cost of the revision that creates the
// 1,000-table fixture (revision --autogenerate against an empty
// database): as one YAML document it allocated 450 MB, 204 MB one op at a time.
func TestMarshalAllocs(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the 1,000-table fixture takes seconds")
	}
	m := schemagen.Generate(schemagen.Config{Seed: 1, Tables: 1000, MinColumns: 10, MaxColumns: 10, IndexesPerTable: 2, FKsPerTable: 2})
	r := &versions.Revision{ID: "000000000001", Message: "all", Transactional: true, Upgrade: dialect.CreateOps(m)}
	res := testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := versions.Marshal(r); err != nil {
				b.Fatal(err)
			}
		}
	})
	t.Logf("Marshal of 1,000 create_table ops: %d B/op, %d allocs/op", res.AllocedBytesPerOp(), res.AllocsPerOp())
	require.Less(t, res.AllocedBytesPerOp(), int64(260<<20), "bytes allocated per Marshal")
}
