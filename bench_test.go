package retort_test

import (
	"fmt"
	"testing"
	"testing/fstest"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/dbtest"
)

// longHistory is n small revisions: each creates a one-column table.
func longHistory(n int) fstest.MapFS {
	revs := make([]rev, n)
	for i := range revs {
		revs[i] = rev{id: fmt.Sprintf("b%05d", i),
			upgrade:   fmt.Sprintf("- create_table: {name: t%05d, columns: [{name: id, type: integer}]}", i),
			downgrade: fmt.Sprintf("- drop_table: {name: t%05d}", i)}
		if i > 0 {
			revs[i].down = fmt.Sprintf("b%05d", i-1)
		}
	}
	return history(revs...)
}

// BenchmarkUpgrade1000 is must-show 7: upgrade head over 1,000 small
// revisions. It reports revisions/s and the runner's overhead per
// revision beyond the time its statements took (BEGIN, reading the
// version table, planning, COMMIT).
func BenchmarkUpgrade1000(b *testing.B) {
	const n = 1000
	fsys := longHistory(n)
	for _, bc := range []struct {
		name string
		mode retort.TransactionMode
	}{
		{dbtest.DialectSQLite, retort.PerMigration}, {dbtest.DialectSQLite, retort.All},
		{dbtest.DialectPostgres, retort.PerMigration}, {dbtest.DialectPostgres, retort.All},
	} {
		name := bc.name
		b.Run(name+"/"+string(bc.mode), func(b *testing.B) {
			var total, inSQL time.Duration
			for b.Loop() {
				b.StopTimer()
				db := dbtest.Open(b, name)
				var stmts time.Duration
				r := newRunner(b, db, fsys, func(o *retort.Options) {
					o.Transaction = bc.mode
					o.Events = func(e retort.Event) {
						if e.Kind == retort.StatementRan {
							stmts += e.Duration
						}
					}
				})
				b.StartTimer()
				start := time.Now()
				if err := r.Upgrade(ctx(b), "head"); err != nil {
					b.Fatal(err)
				}
				total += time.Since(start)
				inSQL += stmts
			}
			runs := float64(b.N)
			b.ReportMetric(n*runs/total.Seconds(), "revisions/s")
			b.ReportMetric(float64(total-inSQL)/runs/n/float64(time.Millisecond), "overhead-ms/rev")
		})
	}
}
