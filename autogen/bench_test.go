package autogen_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/schemagen"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/versions"
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
		}{{"identical", m, 0}, {"1pct_changed", changed, 10}, {"respelled", respelled(bd, m), 0}} {
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

// BenchmarkAutogenerate1000 is must-show 6 end to end: reflect a database
// holding issue 4's 1,000-table schema, compare it with the schema (and
// with a copy with 1% of its tables changed, and with a copy whose every
// default and check is spelled otherwise, issue 14's must-show 3) and
// render the revision, per database, as the CLI does (CompareOnline). The schema is created once per database and process (minutes
// on MariaDB).
func BenchmarkAutogenerate1000(b *testing.B) {
	m := schemagen.Generate(schemagen.Config{Seed: 1, Tables: 1000, MinColumns: 10, MaxColumns: 10, IndexesPerTable: 2, FKsPerTable: 2})
	changed := m.Clone()
	for i := 0; i < len(changed.Tables); i += 100 {
		changed.Tables[i].AddColumn(metadata.NewColumn("bench_added", metadata.IntegerType))
	}
	for _, bd := range beds {
		b.Run(bd.name, func(b *testing.B) {
			db := dbtest.Open(b, bd.name)
			create(b, bd, db, m)
			for _, tc := range []struct {
				name   string
				target *metadata.MetaData
				want   int
			}{{"identical", m, 0}, {"1pct_changed", changed, 10}, {"respelled", respelled(bd, m), 0}} {
				b.Run(tc.name, func(b *testing.B) {
					for b.Loop() {
						current := inspect(b, bd, db, nil)
						res, err := autogen.CompareOnline(ctx(b), db.DB, tc.target, current, bd.d, autogen.Options{})
						if err != nil {
							b.Fatal(err)
						}
						if len(res.Ops) != tc.want {
							b.Fatalf("%d ops, want %d", len(res.Ops), tc.want)
						}
						r := &versions.Revision{ID: "3f2a9c1b7d4e", Message: "bench", Transactional: true}
						if err := autogen.Fill(r, res); err != nil {
							b.Fatal(err)
						}
						if _, err := autogen.Render(r, res.Warnings); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}

// respelled is m with every check and every number default spelled as a
// hand-written schema.yaml might, meaning the same: names quoted the
// dialect's way, 0 as 0.0, and number defaults quoted ('0'). Comparing it
// takes the dialect's canonical forms for each.
func respelled(bd bed, m *metadata.MetaData) *metadata.MetaData {
	out := m.Clone()
	for _, t := range out.Tables {
		for _, ck := range t.Checks {
			name, rest, ok := strings.Cut(ck.Expression, " ")
			if ok && t.Column(name) != nil {
				ck.Expression = bd.d.QuoteIdent(name) + " " + strings.Replace(rest, " 0", " 0.0", 1)
			}
		}
		for _, c := range t.Columns {
			switch c.Type.Kind {
			case metadata.SmallInt, metadata.Integer, metadata.BigInt, metadata.Numeric, metadata.Real, metadata.Double:
				if c.Default != "" && !strings.HasPrefix(c.Default, "'") {
					c.Default = "'" + c.Default + "'"
				}
			}
		}
	}
	return out
}
