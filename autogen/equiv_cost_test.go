package autogen_test

import (
	"testing"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/internal/schemagen"
	"github.com/retortdb/retort/metadata"
)

// TestCanonicalisingCost is must-show 3 as a count the machine's load
// cannot move: comparing a schema whose every check and number default is
// spelled otherwise allocates at most 1.3 times what comparing it with
// itself does, on each dialect (wall-clock figures: BenchmarkCompare1000
// and BenchmarkAutogenerate1000, .../respelled).
func TestCanonicalisingCost(t *testing.T) {
	m := schemagen.Generate(schemagen.Config{Seed: 1, Tables: 200})
	for _, bd := range beds {
		current := bd.d.Normalize(m)
		spelled := respelled(bd, m)
		allocs := func(target *metadata.MetaData) float64 {
			return testing.AllocsPerRun(3, func() {
				res, err := autogen.Compare(target, current, bd.d, autogen.Options{})
				if err != nil || len(res.Ops) != 0 {
					t.Fatalf("%s: %v, %d ops", bd.name, err, len(res.Ops))
				}
			})
		}
		base, canon := allocs(m), allocs(spelled)
		if canon > 1.3*base {
			t.Errorf("%s: %.0f allocations respelled, %.0f identical: more than 1.3x", bd.name, canon, base)
		}
		t.Logf("%s: %.0f allocations respelled, %.0f identical (%.2fx)", bd.name, canon, base, canon/base)
	}
}
