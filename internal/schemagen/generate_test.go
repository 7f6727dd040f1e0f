package schemagen

import (
	"reflect"
	"testing"
	"time"
)

// configs are the shapes every property is checked on.
var configs = []struct {
	name string
	cfg  Config
}{
	{"defaults", Config{}},
	{"awkward", Config{AwkwardNames: true, Tables: 30}},
	{"enums and all types", Config{Enums: true, AllTypes: true, Tables: 30}},
	{"awkward everything", Config{Enums: true, AllTypes: true, AwkwardNames: true, Tables: 40, MaxColumns: 20}},
	{"composite keys", Config{CompositePKPercent: 100, Tables: 20}},
	{"one column", Config{MinColumns: 1, MaxColumns: 1, Tables: 5}},
	{"two columns", Config{MaxColumns: 2, Tables: 10}},
	{"wide", Config{MinColumns: 60, MaxColumns: 80, Tables: 5, IndexesPerTable: 8, FKsPerTable: 5, UniquesPerTable: 3, ChecksPerTable: 3}},
	{"none of anything", Config{Tables: 5, IndexesPerTable: -1, FKsPerTable: -1, UniquesPerTable: -1, ChecksPerTable: -1, CompositePKPercent: -1}},
	{"benchmark", Config{Tables: 1000, MinColumns: 10, MaxColumns: 10, IndexesPerTable: 2, FKsPerTable: 2}},
}

func TestDeterministic(t *testing.T) {
	for _, tc := range configs {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			for _, seed := range []int64{0, 1, 42, -7} {
				cfg := tc.cfg
				cfg.Seed = seed
				a, b := Generate(cfg), Generate(cfg)
				if !reflect.DeepEqual(a, b) {
					t.Fatalf("seed %d: two runs differ", seed)
				}
				cfg.Seed++
				if c := Generate(cfg); reflect.DeepEqual(a, c) && len(a.Tables) > 3 {
					t.Errorf("seeds %d and %d give the same schema", seed, cfg.Seed)
				}
			}
		})
	}
}

func TestInvariants(t *testing.T) {
	for _, tc := range configs {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			for seed := range int64(20) {
				cfg := tc.cfg
				cfg.Seed = seed
				for _, err := range checkSchema(cfg, Generate(cfg)) {
					t.Errorf("seed %d: %v", seed, err)
				}
				if t.Failed() {
					return
				}
			}
		})
	}
}

func TestBenchmarkSchemaSize(t *testing.T) {
	cfg := Config{Tables: 1000, MinColumns: 10, MaxColumns: 10, IndexesPerTable: 2, FKsPerTable: 2}
	m := Generate(cfg)
	if len(m.Tables) != 1000 {
		t.Fatalf("got %d tables, want 1000", len(m.Tables))
	}
	for i, tbl := range m.Tables {
		if len(tbl.Columns) != 10 {
			t.Errorf("table %s: %d columns, want 10", tbl.Name, len(tbl.Columns))
		}
		if len(tbl.Indexes) != 2 {
			t.Errorf("table %s: %d indexes, want 2", tbl.Name, len(tbl.Indexes))
		}
		if n := len(tbl.ForeignKeys); i > 0 && (n < 1 || n > 2) {
			t.Errorf("table %s: %d foreign keys, want 1 or 2", tbl.Name, n)
		}
	}
}

func TestFast(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("timing")
	}
	cfg := Config{Tables: 1000, MinColumns: 10, MaxColumns: 10, IndexesPerTable: 2, FKsPerTable: 2}
	best := time.Hour
	for range 5 {
		start := time.Now()
		Generate(cfg)
		best = min(best, time.Since(start))
	}
	// The brief is 50 ms; allow slack for a loaded CI machine.
	if best > 250*time.Millisecond {
		t.Errorf("generating 1,000 tables took %v, want well under 50ms", best)
	}
	t.Logf("1,000 tables in %v", best)
}

func BenchmarkGenerate1000(b *testing.B) {
	cfg := Config{Tables: 1000, MinColumns: 10, MaxColumns: 10, IndexesPerTable: 2, FKsPerTable: 2}
	for b.Loop() {
		Generate(cfg)
	}
}
