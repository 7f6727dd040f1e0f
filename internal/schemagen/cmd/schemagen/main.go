// Command schemagen writes a generated schema.yaml to stdout, for
// scripts/bench-cli.sh and other end-to-end measurements: by default the
// 1,000-table benchmark fixture (Seed 1, 10 columns, 2 indexes and 2
// foreign keys per table) that the library benchmarks use.
//
//	go run ./internal/schemagen/cmd/schemagen > schema.yaml
//	go run ./internal/schemagen/cmd/schemagen -change 1 > schema-1pct.yaml
//
// -change P adds one nullable column to P% of the tables (every
// 100/P-th), so that a database loaded from the unchanged schema differs
// from it in that share of tables.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/retortdb/retort/internal/schemagen"
	"github.com/retortdb/retort/metadata"
)

func main() {
	cfg := schemagen.Config{MinColumns: 10, MaxColumns: 10, IndexesPerTable: 2, FKsPerTable: 2}
	flag.Int64Var(&cfg.Seed, "seed", 1, "generator seed")
	flag.IntVar(&cfg.Tables, "tables", 1000, "number of tables")
	change := flag.Int("change", 0, "percent of tables (0-100) that get one added column")
	flag.Parse()
	if *change < 0 || *change > 100 {
		fmt.Fprintln(os.Stderr, "schemagen: -change must be 0 to 100")
		os.Exit(2)
	}
	m := schemagen.Generate(cfg)
	if *change > 0 {
		step := 100 / *change
		for i, t := range m.Tables {
			if i%step == 0 {
				t.Columns = append(t.Columns, &metadata.Column{Name: "bench_added",
					Type: metadata.Type{Kind: metadata.Integer}, Nullable: true})
			}
		}
	}
	out, err := metadata.Write(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "schemagen:", err)
		os.Exit(1)
	}
	os.Stdout.Write(out)
}
