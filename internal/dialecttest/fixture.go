package dialecttest

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// RepoRoot returns the directory holding go.mod, found by walking up from
// the test's working directory.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("dialecttest: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Fixture reads testdata/schemas/fixture.yaml, the foundation issue's
// fixture schema.
func Fixture(t testing.TB) *metadata.MetaData {
	t.Helper()
	m, err := metadata.ReadFile(filepath.Join(RepoRoot(t), "testdata", "schemas", "fixture.yaml"))
	if err != nil {
		t.Fatalf("dialecttest: reading the fixture: %v", err)
	}
	return m
}

// Prepare readies db for m: on a database with schemas it creates the
// non-default schemas m uses and returns m and them; on one without, it
// returns m flattened into the default schema.
func Prepare(t testing.TB, d dialect.Dialect, db *sql.DB, m *metadata.MetaData) (*metadata.MetaData, []string) {
	t.Helper()
	if !d.Capabilities().Schemas {
		return Flatten(m), nil
	}
	schemas := schemasOf(m)
	for _, s := range schemas {
		if _, err := db.ExecContext(ctx(t), "CREATE SCHEMA "+d.QuoteIdent(s)); err != nil {
			t.Fatalf("creating schema %s: %v", s, err)
		}
	}
	return m, schemas
}

// CreateAndDrop creates m on db from nothing with [dialect.CreateOpsFor]
// (enums, tables in foreign key order, deferred keys of cycles last where
// the dialect takes no forward reference),
// checks the inspection against m, drops it all with [dialect.DropOps] and
// checks that nothing is left.
func CreateAndDrop(t *testing.T, d dialect.Dialect, open Opener, m *metadata.MetaData) {
	db := open(t)
	m, schemas := Prepare(t, d, db.DB, m)
	if err := m.Validate(); err != nil {
		t.Fatalf("the model is not valid: %v", err)
	}
	create := dialect.CreateOpsFor(d, m)
	PlanAndExec(t, d, db.DB, metadata.New(), create...)
	got := Inspect(t, d, db.DB, schemas...)
	if !AssertSchema(t, d, m, got.MetaData) {
		return
	}
	// The model as ops.Apply folds the creates must be the same schema.
	folded := metadata.New()
	folded.NamingConvention = m.NamingConvention
	if err := ops.ApplyAll(folded, create); err != nil {
		t.Fatalf("folding the create ops: %v", err)
	}
	AssertSchema(t, d, folded, got.MetaData)

	PlanAndExec(t, d, db.DB, m, dialect.DropOps(m)...)
	after := Inspect(t, d, db.DB, schemas...)
	if len(after.MetaData.Tables) != 0 || len(after.MetaData.Enums) != 0 {
		t.Errorf("after dropping everything, %d tables and %d enums are left", len(after.MetaData.Tables), len(after.MetaData.Enums))
	}
}

// RunFixture is must-show 2 of issue 3 on the fixture schema, less the
// indexes the database cannot have by its Capabilities (partial and
// expression indexes), which are logged.
func RunFixture(t *testing.T, d dialect.Dialect, open Opener) {
	CreateAndDrop(t, d, open, Adapt(t, d, Fixture(t)))
}

// Adapt returns m without the indexes d's Capabilities rule out (partial
// indexes, expression indexes), logging each one it leaves out.
func Adapt(t testing.TB, d dialect.Dialect, m *metadata.MetaData) *metadata.MetaData {
	t.Helper()
	caps := d.Capabilities()
	m = m.Clone()
	for _, tb := range m.Tables {
		kept := tb.Indexes[:0]
		for _, ix := range tb.Indexes {
			switch {
			case ix.Where != "" && !caps.PartialIndexes:
				t.Logf("%s has no partial indexes: left out %s on %s", d.Name(), ix.Name, tb.Name)
			case len(ix.Expressions) > 0 && !caps.ExpressionIndexes:
				t.Logf("%s has no expression indexes: left out %s on %s", d.Name(), ix.Name, tb.Name)
			default:
				kept = append(kept, ix)
			}
		}
		tb.Indexes = kept
	}
	return m
}

// RunFKCycle is must-show 2's cycle: three tables whose foreign keys form
// a ring (one of them also referring to itself), plus one hanging off the
// ring, created and dropped.
func RunFKCycle(t *testing.T, d dialect.Dialect, open Opener) {
	m := metadata.New()
	table := func(name, ref string, more ...string) {
		tb := metadata.NewTable(name,
			&metadata.Column{Name: "id", Type: metadata.IntegerType},
			metadata.NewColumn(ref+"_id", metadata.IntegerType))
		tb.SetPrimaryKey("id")
		tb.AddForeignKey([]string{ref + "_id"}, ref, []string{"id"})
		for _, r := range more {
			tb.AddColumn(metadata.NewColumn(r+"_ref", metadata.IntegerType))
			tb.AddForeignKey([]string{r + "_ref"}, r, []string{"id"})
		}
		m.AddTable(tb)
	}
	table("leaf", "ring_a")
	table("ring_a", "ring_c", "ring_a")
	table("ring_b", "ring_a")
	table("ring_c", "ring_b")
	if err := m.ApplyNamingConvention(); err != nil {
		t.Fatal(err)
	}
	if _, deferred := dialect.SortTables(m.Tables); len(deferred) == 0 {
		t.Fatal("the cycle case has no cycle")
	}
	CreateAndDrop(t, d, open, m)
}
