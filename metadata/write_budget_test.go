package metadata_test

import (
	"runtime"
	"testing"

	"github.com/retortdb/retort/metadata"
)

// allocated runs f once and returns the allocations and bytes it made.
func allocated(f func()) (allocs, bytes uint64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.Mallocs - before.Mallocs, after.TotalAlloc - before.TotalAlloc
}

// TestWriteBudget holds the writers of schema.yaml and JSON to an
// allocation budget on the 1,000-table fixture, so that a return to
// per-scalar encoder work shows up without timing anything. Before the
// direct YAML writer (internal/yamlout), Write made 380k allocations of
// 111 MB in all, and WriteJSON 487k (a json.Encoder per scalar, then
// json.Indent of the whole text).
func TestWriteBudget(t *testing.T) {
	m := benchFixture()
	cases := []struct {
		name          string
		write         func(*metadata.MetaData) ([]byte, error)
		allocs, bytes uint64
	}{
		{"yaml", metadata.Write, 300_000, 40 << 20},
		{"json", metadata.WriteJSON, 400_000, 56 << 20},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out []byte
			var err error
			allocs, bytes := allocated(func() { out, err = tc.write(m) })
			if err != nil {
				t.Fatal(err)
			}
			if len(out) < 500_000 {
				t.Fatalf("wrote %d bytes; the fixture's document is larger", len(out))
			}
			t.Logf("%d allocations, %d MB, for %d bytes", allocs, bytes>>20, len(out))
			if allocs > tc.allocs || bytes > tc.bytes {
				t.Errorf("%d allocations of %d MB in all; the budget is %d and %d MB", allocs, bytes>>20, tc.allocs, tc.bytes>>20)
			}
		})
	}
}
