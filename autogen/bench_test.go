package autogen_test

import (
	"testing"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/internal/schemagen"
	"github.com/retortdb/retort/metadata"
)

// BenchmarkCompare1000 is must-show 6's compare alone: a 1,000-table
// generated schema against itself, and against a copy with 1% of its
// tables changed (a column added to each), on every dialect's Normalize.
func BenchmarkCompare1000(b *testing.B) {
	m := schemagen.Generate(schemagen.Config{Seed: 1, Tables: 1000})
	changed := m.Clone()
	for i := 0; i < len(changed.Tables); i += 100 {
		changed.Tables[i].AddColumn(metadata.NewColumn("bench_added", metadata.IntegerType))
	}
	for _, bd := range beds {
		for _, tc := range []struct {
			name   string
			target *metadata.MetaData
			want   int
		}{{"identical", m, 0}, {"1pct_changed", changed, 10}} {
			b.Run(bd.name+"/"+tc.name, func(b *testing.B) {
				current := bd.d.Normalize(m) // what reflection gives
				for b.Loop() {
					res, err := autogen.Compare(tc.target, current, bd.d, autogen.Options{})
					if err != nil {
						b.Fatal(err)
					}
					if len(res.Ops) != tc.want {
						b.Fatalf("%d ops, want %d", len(res.Ops), tc.want)
					}
				}
			})
		}
	}
}
