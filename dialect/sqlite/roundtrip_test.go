package sqlite

import (
	"fmt"
	"testing"

	"github.com/retortdb/retort/internal/schemagen"
)

// TestRoundTripSchemagen creates generated schemas from an empty database
// and reflects them: the reflection equals the model under Normalize.
func TestRoundTripSchemagen(t *testing.T) {
	t.Parallel()
	for seed := int64(1); seed <= 20; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			t.Parallel()
			m := schemagen.Generate(schemagen.Config{Seed: seed, Tables: 8, Enums: true, AllTypes: true, AwkwardNames: seed%2 == 0})
			db := freshDB(t)
			create(t, db, m)
			in := inspect(t, db)
			requireSameModel(t, sqliteDialect.Normalize(m), in.MetaData, "seed", seed)
		})
	}
}
