package dialect_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/rowfile"
	"github.com/retortdb/retort/metadata"
)

const benchRows = 1_000_000

// writeBenchCSV writes benchRows rows of (bigint, varchar, numeric,
// timestamptz, boolean) to path.
func writeBenchCSV(b *testing.B, path string) {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("id,name,amount,at,ok\n")
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.FixedZone("", 2*3600))
	for i := 1; i <= benchRows; i++ {
		fmt.Fprintf(w, "%d,\"customer %d, \"\"vip\"\"\",%d.%02d,%s,%t\n", i, i, i%100000, i%100, t0.Add(time.Duration(i)*time.Second).Format(time.RFC3339), i%2 == 0)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
}

// peakRSS returns the process's peak resident set (VmHWM) in MiB.
func peakRSS() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

// BenchmarkBulk1M loads 1,000,000 CSV rows of five columns per dialect, in
// one transaction, and reports rows/s and the process's peak RSS (VmHWM,
// which covers everything the process did before: run one dialect at a
// time, -bench 'Bulk1M/postgres', for its own figure). Run with
// -benchtime=1x; it never runs under plain go test.
func BenchmarkBulk1M(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench.csv")
	writeBenchCSV(b, path)
	for _, name := range dbtest.Dialects {
		b.Run(name, func(b *testing.B) {
			db := dbtest.Open(b, name)
			d, bl := bulkDialect(b, db)
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				m := metadata.New()
				tbl := m.AddTable(metadata.NewTable(fmt.Sprintf("bench_%d", i),
					metadata.NewColumn("id", metadata.BigIntType),
					metadata.NewColumn("name", metadata.VarcharType(100)),
					metadata.NewColumn("amount", metadata.NumericType(12, 2)),
					metadata.NewColumn("at", metadata.TimestampTZType),
					metadata.NewColumn("ok", metadata.BooleanType)))
				tbl.SetPrimaryKey("id")
				create(b, db, d, m)
				r, err := rowfile.Open(path, tbl)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				n, err := load(b, db, bl, tbl, r, dialect.BulkOptions{}, true)
				if err != nil || n != benchRows {
					b.Fatalf("loaded %d rows: %v", n, err)
				}
				r.Close()
			}
			b.ReportMetric(float64(b.N)*benchRows/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(peakRSS(), "peak-RSS-MiB")
		})
	}
}
