package autogen_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/reflect"
)

// bed is one database the tests run on.
type bed struct {
	name string // dbtest's dialect name
	d    dialect.Dialect
}

var beds = []bed{
	{dbtest.DialectSQLite, &sqlite.Dialect{}},
	{dbtest.DialectPostgres, postgres.Postgres{}},
	{dbtest.DialectMySQL, &mysql.Dialect{}},
}

// eachBed runs fn as a parallel subtest per database.
func eachBed(t *testing.T, fn func(t *testing.T, b bed)) {
	for _, b := range beds {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			fn(t, b)
		})
	}
}

func ctx(t testing.TB) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return c
}

// portable adapts the fixture to a database: flattened where there are no
// schemas, PostgreSQL-only parts taken out elsewhere (as the dialects' own
// fixture tests do).
func portable(b bed, m *metadata.MetaData) *metadata.MetaData {
	if b.name == dbtest.DialectPostgres {
		return m
	}
	m = dialecttest.Flatten(m)
	for _, tb := range m.Tables {
		if b.name == dbtest.DialectMySQL {
			tb.Indexes = slices.DeleteFunc(tb.Indexes, func(ix *metadata.Index) bool {
				return ix.Where != "" || len(ix.Expressions) > 0
			})
		}
		for _, c := range tb.Columns {
			if c.Type.Kind == metadata.Native && (c.Type.Native == "inet" || c.Type.Native == "regconfig") {
				c.Type = metadata.VarcharType(64)
			}
		}
	}
	return m
}

// create makes m on db from nothing and returns the model as created
// (flattened where needed) and the schemas to reflect.
func create(t testing.TB, b bed, db *dbtest.DB, m *metadata.MetaData) (*metadata.MetaData, []string) {
	t.Helper()
	m, schemas := dialecttest.Prepare(t, b.d, db.DB, m)
	dialecttest.PlanAndExec(t, b.d, db.DB, metadata.New(), dialect.CreateOps(m)...)
	return m, schemas
}

// inspect reflects db through reflect.Inspect, as the CLI does.
func inspect(t testing.TB, b bed, db *dbtest.DB, schemas []string) *metadata.MetaData {
	t.Helper()
	var opts reflect.Options
	if len(schemas) > 0 {
		opts.Schemas = append([]string{""}, schemas...)
	}
	res, err := reflect.Inspect(ctx(t), db.DB, b.d, opts)
	if err != nil {
		t.Fatalf("inspect: %v", err)
	}
	return res.MetaData
}

// compare runs autogen.Compare and fails the test on an error.
func compare(t testing.TB, b bed, target, current *metadata.MetaData) *autogen.Result {
	t.Helper()
	res, err := autogen.Compare(target, current, b.d, autogen.Options{})
	if err != nil {
		t.Fatalf("compare: %v", err)
	}
	return res
}

// describe lists ops one per line, for failure messages.
func describe(list []ops.Op) string {
	node, err := ops.EncodeList(list)
	if err != nil {
		return fmt.Sprint(list)
	}
	data, err := yaml.Marshal(node)
	if err != nil {
		return fmt.Sprint(list)
	}
	return string(data)
}

// seeds returns how many random schemas a property test runs: n, or
// RETORT_PROPERTY_SEEDS when set.
func seeds(n int) int {
	if v, err := strconv.Atoi(os.Getenv("RETORT_PROPERTY_SEEDS")); err == nil && v > 0 {
		return v
	}
	return n
}
