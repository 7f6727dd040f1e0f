package fleet_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
)

// TestTargetRoundTrips counts what one target of a fleet upgrade sends to
// its server (what Fleet does per target: heads before, the upgrade, heads
// after) through basic()'s first two revisions, a table then a column and
// an index, on a fresh database; the statements are logged (go test -v).
func TestTargetRoundTrips(t *testing.T) {
	for _, db := range []*dbtest.DB{dbtest.Postgres(t), dbtest.MySQL(t)} {
		t.Run(db.Dialect, func(t *testing.T) {
			d, u, err := dialect.Open(db.URL)
			if err != nil {
				t.Fatal(err)
			}
			_, dsn, err := d.Driver(u)
			if err != nil {
				t.Fatal(err)
			}
			pool, c := dbtest.Counting(t, db, dsn)
			r, err := retort.New(retort.Options{DB: pool, Dialect: d, Migrations: basic()})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := r.Current(ctx(t)); err != nil {
				t.Fatal(err)
			}
			if err := r.Upgrade(ctx(t), "r2"); err != nil {
				t.Fatal(err)
			}
			if h, err := r.Current(ctx(t)); err != nil || len(h) != 1 || h[0] != "r2" {
				t.Fatalf("heads %v: %v", h, err)
			}
			sent := c.Sent()
			t.Logf("%d round trips:\n%s", len(sent), strings.Join(sent, "\n"))
		})
	}
}
