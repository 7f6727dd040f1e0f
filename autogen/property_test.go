package autogen_test

import (
	"math/rand/v2"
	"testing"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/internal/schemagen"
)

// TestPropertyAutogenerate is must-show 3: a random schema A, a random
// mutation B (1 to 3 changes of every kind), on every database: create A,
// autogenerate A -> B, upgrade, reflect == B and check is clean, downgrade,
// reflect == A (column order aside: a dropped column comes back last).
// Seeds: 60 on SQLite, 30 on PostgreSQL, 15 on MySQL/MariaDB by default
// (RETORT_PROPERTY_SEEDS for another count on all three); each failure
// names its seed and mutations.
func TestPropertyAutogenerate(t *testing.T) {
	defaults := map[string]int{dbtest.DialectSQLite: 60, dbtest.DialectPostgres: 30, dbtest.DialectMySQL: 15}
	eachBed(t, func(t *testing.T, b bed) {
		n := seeds(defaults[b.name])
		db := dbtest.Open(t, b.name)
		for seed := int64(1); seed <= int64(n); seed++ {
			a := schemagen.Generate(schemagen.Config{Seed: seed, Tables: 4, MaxColumns: 7, Enums: seed%2 == 0,
				AllTypes: seed%3 == 0, AwkwardNames: seed%4 == 0})
			a, schemas := create(t, b, db, a)
			target, did := mutate(rand.New(rand.NewPCG(uint64(seed), 7)), a)
			current := inspect(t, b, db, schemas)
			res := compare(t, b, target, current)
			down, err := autogen.Downgrade(res.Ops)
			if err != nil {
				t.Fatalf("seed %d %q: %v", seed, did, err)
			}
			dialecttest.PlanAndExec(t, b.d, db.DB, current, res.Ops...)
			after := inspect(t, b, db, schemas)
			if !dialecttest.AssertSchema(t, b.d, target, after) {
				t.Fatalf("seed %d %q: upgrade:\n%s", seed, did, describe(res.Ops))
			}
			if again := compare(t, b, target, after); len(again.Ops) > 0 {
				t.Fatalf("seed %d %q: check not clean after the upgrade:\n%s", seed, did, describe(again.Ops))
			}
			dialecttest.PlanAndExec(t, b.d, db.DB, after, down...)
			back := inspect(t, b, db, schemas)
			if !dialecttest.AssertSchema(t, b.d, a, columnsInOrderOf(a, back)) {
				t.Fatalf("seed %d %q: downgrade:\n%s", seed, did, describe(down))
			}
			dropAll(t, b, db, back)
		}
		t.Logf("%d seeds", n)
	})
}
