package mysql

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/rowfile"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// bulkPath is one way of loading rows, so both can be tested and measured.
type bulkPath struct {
	name string
	load func(context.Context, *Dialect, *dbtest.DB, *metadata.Table, dialect.RowSource, dialect.BulkOptions) (int64, error)
}

var bulkPaths = []bulkPath{
	{"insert", func(ctx context.Context, d *Dialect, db *dbtest.DB, t *metadata.Table, r dialect.RowSource, o dialect.BulkOptions) (int64, error) {
		conn, err := db.Conn(ctx)
		if err != nil {
			return 0, err
		}
		defer conn.Close()
		return d.insertBatches(ctx, conn, t, r, o)
	}},
	{"load_data", func(ctx context.Context, d *Dialect, db *dbtest.DB, t *metadata.Table, r dialect.RowSource, o dialect.BulkOptions) (int64, error) {
		conn, err := db.Conn(ctx)
		if err != nil {
			return 0, err
		}
		defer conn.Close()
		if !localInfile(ctx, conn) {
			return 0, fmt.Errorf("local_infile is off on the server")
		}
		return d.loadData(ctx, conn, t, r, o)
	}},
}

// TestBulkServerRejects: a value the server refuses (too long for its
// column, a duplicate key) fails the load on both paths, although LOAD
// DATA LOCAL only warns.
func TestBulkServerRejects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		rows [][]any
		want string
	}{
		{"too long", [][]any{{int64(1), "0123456789abc"}}, "for column 's' at row 1"},
		{"duplicate", [][]any{{int64(1), "a"}, {int64(1), "b"}}, "Duplicate entry"},
	}
	for _, p := range bulkPaths {
		for _, tc := range tests {
			t.Run(p.name+"/"+tc.name, func(t *testing.T) {
				t.Parallel()
				db := dbtest.MySQL(t)
				m := metadata.New()
				tbl := m.AddTable(metadata.NewTable("r", metadata.NewColumn("id", metadata.BigIntType), metadata.NewColumn("s", metadata.VarcharType(10))))
				tbl.SetPrimaryKey("id")
				run(t, db, metadata.New(), &ops.CreateTable{Table: tbl})
				src, err := rowfile.Inline("rows", tbl, []string{"id", "s"}, tc.rows)
				if err != nil {
					t.Fatal(err)
				}
				_, err = p.load(context.Background(), testDialect, db, tbl, src, dialect.BulkOptions{})
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("got %v, want an error with %q", err, tc.want)
				}
			})
		}
	}
}

// BenchmarkBulkPaths measures both ways of loading 1,000,000 rows of
// (bigint, varchar, numeric, datetime, boolean): multi-row INSERT batches
// and LOAD DATA LOCAL INFILE. BulkLoad uses the faster, LOAD DATA, when the
// server allows it. Run with -benchtime=1x.
func BenchmarkBulkPaths(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("id,name,amount,at,ok\n")
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 1; i <= 1_000_000; i++ {
		fmt.Fprintf(w, "%d,customer %d,%d.%02d,%s,%t\n", i, i, i%100000, i%100, t0.Add(time.Duration(i)*time.Second).Format(time.RFC3339), i%2 == 0)
	}
	w.Flush()
	f.Close()
	for _, p := range bulkPaths {
		b.Run(p.name, func(b *testing.B) {
			db := dbtest.MySQL(b)
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
				run(b, db, metadata.New(), &ops.CreateTable{Table: tbl})
				r, err := rowfile.Open(path, tbl)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if n, err := p.load(context.Background(), testDialect, db, tbl, r, dialect.BulkOptions{}); err != nil || n != 1_000_000 {
					b.Fatalf("%d rows: %v", n, err)
				}
				r.Close()
			}
			b.ReportMetric(float64(b.N)*1e6/b.Elapsed().Seconds(), "rows/s")
		})
	}
}
