package postgres_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
)

// TestRealWorld is must-show 5 of issue 4 on PostgreSQL: each real-world
// schema that loads here is loaded, inspected, created from the inspected
// model in a second database, and inspected again: the two inspections are
// equal. What the model does not hold comes back as warnings.
func TestRealWorld(t *testing.T) {
	dir := dbtest.RealWorldDir(t)
	files, err := filepath.Glob(filepath.Join(dir, "*.postgresql.sql"))
	if err != nil {
		t.Fatal(err)
	}
	d := postgres.Postgres{}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".postgresql.sql")
		if name == "pagila-pg18" {
			continue // needs PostgreSQL 18 and pgvector
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src := dbtest.Postgres(t)
			dbtest.LoadSQLFile(t, src, f)
			first := dialecttest.Inspect(t, d, src.DB)
			for _, w := range first.Warnings {
				t.Log(w)
			}
			if err := first.MetaData.Validate(); err != nil {
				// PostgreSQL accepts more than metadata.Validate (sakila has
				// ON DELETE SET NULL on a NOT NULL column): not this test's concern.
				t.Logf("metadata.Validate: %v", err)
			}
			dst := dbtest.Postgres(t)
			dialecttest.PlanAndExec(t, d, dst.DB, metadata.New(), dialect.CreateOps(first.MetaData)...)
			second := dialecttest.Inspect(t, d, dst.DB)
			dialecttest.AssertSchema(t, d, first.MetaData, second.MetaData)
			t.Logf("%d tables, %d enums, %d warnings", len(first.MetaData.Tables), len(first.MetaData.Enums), len(first.Warnings))
		})
	}
}
