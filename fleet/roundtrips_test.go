package fleet_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/roundtrips")

// TestTargetRoundTrips holds what one target of a fleet upgrade sends to
// its server (what Fleet does per target: heads before, the upgrade, heads
// after) through basic()'s first two revisions, a table then a column and
// an index, on a fresh database, to the golden list in
// testdata/roundtrips/<dialect>.txt (go test -update rewrites it): a
// round trip more per target is a change to review, since a fleet's time
// is its targets' round trips and server work.
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
			got := strings.Join(sent, "\n") + "\n"
			golden := filepath.Join("testdata", "roundtrips", db.Dialect+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test -run TestTargetRoundTrips -update ./fleet/ writes it)", err)
			}
			if got != string(want) {
				t.Errorf("%d round trips, not the %d of %s:\n%s", len(sent), strings.Count(string(want), "\n"), golden, got)
			}
		})
	}
}
