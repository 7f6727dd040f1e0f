package metadata_test

import (
	"testing"

	"github.com/retortdb/retort/metadata"
)

// TestWriteAllocations bounds the allocations of writing the 1,000-table
// fixture (issue 20): the writers take their nodes from an arena reused
// table by table, rather than allocating each node and each growing list.
// Before: 336,000 for JSON and 269,000 for YAML; after: about 10,000 and
// 71,000.
func TestWriteAllocations(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 1,000 tables several times")
	}
	m := benchFixture()
	for _, tc := range []struct {
		name  string
		write func(*metadata.MetaData) ([]byte, error)
		most  float64
	}{
		{"json", metadata.WriteJSON, 20_000},
		{"yaml", metadata.Write, 100_000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := testing.AllocsPerRun(2, func() {
				if _, err := tc.write(m); err != nil {
					t.Fatal(err)
				}
			})
			t.Logf("%.0f allocations", n)
			if n > tc.most {
				t.Errorf("%s: %.0f allocations writing 1,000 tables, want at most %.0f", tc.name, n, tc.most)
			}
		})
	}
}
