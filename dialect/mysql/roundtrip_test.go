package mysql

import (
	"fmt"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/schemagen"
	"github.com/retortdb/retort/metadata"
)

// TestRoundTripSchemagen creates generated schemas (all types, enums,
// awkward names) from an empty database, reflects them, and compares with
// Normalize of the model.
func TestRoundTripSchemagen(t *testing.T) {
	for seed := int64(1); seed <= 20; seed++ {
		cfg := schemagen.Config{Seed: seed, Tables: 12, Enums: true, AllTypes: true, AwkwardNames: seed%2 == 0}
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			t.Parallel()
			db := dbtest.MySQL(t)
			m := schemagen.Generate(cfg)
			run(t, db, metadata.New(), dialect.CreateOps(m)...)
			got := inspect(t, db).MetaData
			requireSameSchema(t, testDialect.Normalize(m), got)
			requireSameSchema(t, got, testDialect.Normalize(got)) // Normalize is idempotent on a reflection
		})
	}
}
