package autogen_test

import (
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/internal/schemagen"
	"github.com/retortdb/retort/metadata"
)

// TestNoFalsePositivesFixture is must-show 1 for the fixture: once the
// schema is created, comparing it with the database finds nothing.
func TestNoFalsePositivesFixture(t *testing.T) {
	eachBed(t, func(t *testing.T, b bed) {
		db := dbtest.Open(t, b.name)
		m, schemas := create(t, b, db, portable(b, dialecttest.Fixture(t)))
		assertClean(t, b, m, inspect(t, b, db, schemas))
	})
}

// TestNoFalsePositivesSchemagen is must-show 1 for generated schemas: 200
// small ones per database (RETORT_PROPERTY_SEEDS for another count). Each is
// created, compared and dropped in one database.
func TestNoFalsePositivesSchemagen(t *testing.T) {
	eachBed(t, func(t *testing.T, b bed) {
		n := seeds(200)
		db := dbtest.Open(t, b.name)
		for seed := int64(1); seed <= int64(n); seed++ {
			m := schemagen.Generate(schemagen.Config{Seed: seed, Tables: 3, MaxColumns: 6,
				Enums: seed%2 == 0, AllTypes: seed%3 == 0, AwkwardNames: seed%4 == 0})
			m, schemas := create(t, b, db, m)
			if !assertClean(t, b, m, inspect(t, b, db, schemas)) {
				t.Fatalf("seed %d (schemagen.Config as above)", seed)
			}
			dropAll(t, b, db, inspect(t, b, db, schemas))
		}
		t.Logf("%d seeds clean", n)
	})
}

// assertClean fails when Compare(target, current) finds anything.
func assertClean(t *testing.T, b bed, target, current *metadata.MetaData) bool {
	t.Helper()
	res := compare(t, b, target, current)
	if len(res.Ops) > 0 {
		t.Errorf("false positives:\n%s", describe(res.Ops))
		return false
	}
	return true
}

// dropAll empties the database by comparing it with an empty model.
func dropAll(t *testing.T, b bed, db *dbtest.DB, current *metadata.MetaData) {
	t.Helper()
	res := compare(t, b, metadata.New(), current)
	dialecttest.PlanAndExec(t, b.d, db.DB, current, res.Ops...)
}
