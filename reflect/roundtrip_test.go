package reflect_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/internal/schemagen"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/reflect"
)

// extras are tables the filters of the round-trip tests must leave out:
// both version tables and a table matched by an exclude pattern.
func extras() []*metadata.Table {
	version := func(name string) *metadata.Table {
		t := metadata.NewTable(name, &metadata.Column{Name: "version_num", Type: metadata.VarcharType(32)})
		t.SetPrimaryKey("version_num")
		return t
	}
	scratch := metadata.NewTable("zz_scratch", &metadata.Column{Name: "id", Type: metadata.IntegerType})
	scratch.SetPrimaryKey("id")
	return []*metadata.Table{version(reflect.DefaultVersionTable), version(reflect.AlembicVersionTable), scratch}
}

// roundTripOptions leave out the extras.
func roundTripOptions(schemas []string) reflect.Options {
	return reflect.Options{Schemas: withDefault(schemas), ExcludeTables: []string{"zz_*"}}
}

// createExtras creates the tables of extras on db.
func createExtras(t testing.TB, d dialect.Dialect, db *dbtest.DB) {
	t.Helper()
	var list []ops.Op
	for _, tb := range extras() {
		list = append(list, &ops.CreateTable{Table: tb})
	}
	dialecttest.PlanAndExec(t, d, db.DB, metadata.New(), list...)
}

// recreate is the second half of must-show 1: the inspection dumped as
// schema.yaml reads back (metadata.Read) as the same model, creates a
// schema on a fresh database that inspects the same again.
func recreate(t *testing.T, d dialect.Dialect, db2 *dbtest.DB, first *reflect.Result, opts reflect.Options) {
	t.Helper()
	yaml := dump(t, first.MetaData, d, reflect.FormatYAML)
	// Read as adoption reads it: for its database, from its catalog.
	m, _, err := metadata.ReadWith("inspect.yaml", yaml, metadata.ReadOptions{Database: d.Name(), Reflected: true})
	if err != nil {
		t.Fatalf("the inspect output is not a valid schema.yaml: %v\n%s", err, yaml)
	}
	if err := enforcedBy(m.Validate(), d.Name()); err != nil {
		t.Fatalf("the inspect output does not validate: %v\n%s", err, yaml)
	}
	sameText(t, "schema.yaml written and read back", "inspected", "read back", yaml, dump(t, m, d, reflect.FormatYAML))
	m, schemas := create(t, d, db2, m)
	second := inspect(t, d, db2.DB, opts)
	sameText(t, "inspections", "first database", "second database", yaml, dump(t, second.MetaData, d, reflect.FormatYAML))
	if len(schemas) == 0 { // leave db2 empty for the next seed
		dialecttest.PlanAndExec(t, d, db2.DB, m, dialect.DropOps(m)...)
	}
}

// TestRoundTripFixture is must-show 1 on the fixture schema: created on
// each database beside the version tables and an excluded table, it
// inspects through reflect.Inspect as d.Normalize of the model, and its
// schema.yaml dump creates the same schema again.
func TestRoundTripFixture(t *testing.T) {
	eachDialect(t, func(t *testing.T, d dialect.Dialect, open dialecttest.Opener) {
		// Indexes the database cannot hold (partial ones on MySQL) are
		// left out, and logged, by Adapt.
		fixture := dialecttest.Adapt(t, d, dialecttest.Fixture(t))
		db := open(t)
		m, schemas := create(t, d, db, fixture)
		createExtras(t, d, db)
		opts := roundTripOptions(schemas)
		res := inspect(t, d, db.DB, opts)
		if !dialecttest.AssertSchema(t, d, m, res.MetaData) {
			return
		}
		db2 := open(t)
		createExtras(t, d, db2)
		recreate(t, d, db2, res, opts)
	})
}

// workers is how many databases per dialect the property test fills at
// once: DDL waits on the server's disk more than on the CPU.
const workers = 8

// TestRoundTripSchemagen is must-show 1's property test: generated
// schemas (3 to 8 tables; enums, every type and awkward names by turns),
// each created in a database beside the version tables and an excluded
// table, inspected through reflect.Inspect as d.Normalize of the model,
// then dropped again. Every fifth seed also dumps its inspection as
// schema.yaml, reads it back, creates it in a second database, inspects
// that and compares. Seeds are spread over a few databases per dialect
// filled at once. A failing subtest names its seed and logs its
// schemagen.Config; RETORT_PROPERTY_SEEDS sets the number of seeds
// (default 200).
func TestRoundTripSchemagen(t *testing.T) {
	seeds := propertySeeds(t, 200)
	eachDialect(t, func(t *testing.T, d dialect.Dialect, open dialecttest.Opener) {
		start := time.Now()
		t.Cleanup(func() { t.Logf("%d seeds in %v", seeds, time.Since(start).Round(time.Millisecond)) })
		for w := range workers {
			t.Run(fmt.Sprint("db", w), func(t *testing.T) {
				t.Parallel()
				roundTripSeeds(t, d, open, w+1, seeds)
			})
		}
	})
}

// roundTripSeeds runs the seeds first, first+workers, ... up to last on a
// database of its own.
func roundTripSeeds(t *testing.T, d dialect.Dialect, open dialecttest.Opener, first, last int) {
	db, db2 := open(t), open(t)
	createExtras(t, d, db)
	createExtras(t, d, db2)
	opts := roundTripOptions(nil)
	for seed := int64(first); seed <= int64(last); seed += int64(workers) {
		cfg := schemagen.Config{
			Seed: seed, Tables: 3 + int(seed%6), MinColumns: 2, MaxColumns: 7,
			Enums: seed%2 == 0, AllTypes: seed%3 != 0, AwkwardNames: seed%4 == 1,
		}
		ok := t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			m, _ := create(t, d, db, schemagen.Generate(cfg))
			res := inspect(t, d, db.DB, opts)
			if !dialecttest.AssertSchema(t, d, m, res.MetaData) {
				t.Logf("schemagen.Config%+v", cfg)
				return
			}
			dialecttest.PlanAndExec(t, d, db.DB, m, dialect.DropOps(m)...)
			if seed%5 == 0 {
				t.Run("yaml", func(t *testing.T) { recreate(t, d, db2, res, opts) })
			}
		})
		if !ok { // go on from clean databases
			db, db2 = open(t), open(t)
			createExtras(t, d, db)
			createExtras(t, d, db2)
		}
	}
}

// enforcedBy keeps the problems of err that break a rule database
// enforces: those it would refuse.
func enforcedBy(err error, database string) error {
	var list metadata.ErrorList
	if !errors.As(err, &list) {
		return err
	}
	var kept metadata.ErrorList
	for _, e := range list {
		if metadata.RuleByID(e.Rule).Enforced(database) || e.Rule == "" {
			kept = append(kept, e)
		}
	}
	return kept.Err()
}
