package reflect_test

import (
	"bytes"
	"os"
	"strconv"
	"testing"

	"github.com/pmezard/go-difflib/difflib"

	"github.com/retortdb/retort/dialect"
	_ "github.com/retortdb/retort/dialect/mysql"
	_ "github.com/retortdb/retort/dialect/postgres"
	_ "github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/reflect"
)

// dialectOf returns the registered dialect for a dbtest dialect name.
func dialectOf(t testing.TB, name string) dialect.Dialect {
	t.Helper()
	if name == dbtest.DialectPostgres {
		name = "postgresql"
	}
	d, err := dialect.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// eachDialect runs fn as a parallel subtest per dialect, with the dialect
// and an opener of fresh databases.
func eachDialect(t *testing.T, fn func(t *testing.T, d dialect.Dialect, open dialecttest.Opener)) {
	for _, name := range dbtest.Dialects {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			open := func(t testing.TB) *dbtest.DB { return dbtest.Open(t, name) }
			fn(t, dialectOf(t, name), open)
		})
	}
}

// create makes m on db from nothing, creating the schemas it uses first
// (or flattening it where the database has none), and returns the model
// as created and its non-default schemas.
func create(t testing.TB, d dialect.Dialect, db *dbtest.DB, m *metadata.MetaData) (*metadata.MetaData, []string) {
	t.Helper()
	m, schemas := dialecttest.Prepare(t, d, db.DB, m)
	dialecttest.PlanAndExec(t, d, db.DB, metadata.New(), dialect.CreateOpsFor(d, m)...)
	return m, schemas
}

// inspect runs reflect.Inspect, failing the test on an error.
func inspect(t testing.TB, d dialect.Dialect, q dialect.Queryer, opts reflect.Options) *reflect.Result {
	t.Helper()
	res, err := reflect.Inspect(t.Context(), q, d, opts)
	if err != nil {
		t.Fatalf("inspect: %v", err)
	}
	return res
}

// withDefault prefixes the default schema to a list of schemas, or
// returns nil for none.
func withDefault(schemas []string) []string {
	if len(schemas) == 0 {
		return nil
	}
	return append([]string{""}, schemas...)
}

// dump renders m in format f, failing the test on an error.
func dump(t testing.TB, m *metadata.MetaData, d dialect.Dialect, f reflect.Format) []byte {
	t.Helper()
	out, err := reflect.Dump(m, d, f)
	if err != nil {
		t.Fatalf("dump %s: %v", f, err)
	}
	return out
}

// sameText fails the test with a unified diff when a and b differ.
func sameText(t testing.TB, what, nameA, nameB string, a, b []byte) bool {
	t.Helper()
	if bytes.Equal(a, b) {
		return true
	}
	diff, _ := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A: difflib.SplitLines(string(a)), B: difflib.SplitLines(string(b)),
		FromFile: nameA, ToFile: nameB, Context: 3,
	})
	t.Errorf("%s differ:\n%s", what, diff)
	return false
}

// propertySeeds is the number of generated schemas per dialect:
// RETORT_PROPERTY_SEEDS, default def.
func propertySeeds(t testing.TB, def int) int {
	if s := os.Getenv("RETORT_PROPERTY_SEEDS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("RETORT_PROPERTY_SEEDS=%q is not a positive number", s)
		}
		return n
	}
	return def
}
