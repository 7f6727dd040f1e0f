package mysql

import (
	"slices"
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
)

// TestFixtureMySQL creates and drops the fixture schema with what only
// PostgreSQL has taken out (gin and partial indexes, expression indexes on
// MariaDB, inet, regconfig), until the fixture carries
// per-dialect variants for them.
func TestFixtureMySQL(t *testing.T) {
	m := dialecttest.Flatten(dialecttest.Fixture(t))
	for _, tb := range m.Tables {
		tb.Indexes = slices.DeleteFunc(tb.Indexes, func(ix *metadata.Index) bool {
			return ix.Where != "" || len(ix.Expressions) > 0
		})
		for _, c := range tb.Columns {
			switch {
			case c.Type.Kind == metadata.Native && (c.Type.Native == "inet" || c.Type.Native == "regconfig"):
				c.Type = metadata.VarcharType(64)
			}
		}
	}
	dialecttest.CreateAndDrop(t, testDialect, dbtest.MySQL, m)
}
