package mysql

import (
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
)

// TestFixtureMySQL creates and drops the fixture schema with what only
// PostgreSQL has taken out (gin and partial indexes, expression indexes on
// MariaDB, inet, regconfig, gen_random_uuid()), until the fixture carries
// per-dialect variants for them.
func TestFixtureMySQL(t *testing.T) {
	m := dialecttest.Flatten(dialecttest.Fixture(t))
	for _, tb := range m.Tables {
		tb.Indexes = slices.DeleteFunc(tb.Indexes, func(ix *metadata.Index) bool {
			return ix.Using == "gin" || ix.Where != "" || len(ix.Expressions) > 0
		})
		for _, c := range tb.Columns {
			switch {
			case c.Type.Kind == metadata.Native && (c.Type.Native == "inet" || c.Type.Native == "regconfig"):
				c.Type = metadata.VarcharType(64)
			}
			if strings.Contains(c.Default, "gen_random_uuid") {
				c.Default = "uuid()"
			}
			if c.Default == "CURRENT_DATE" {
				c.Default = "(curdate())"
			}
		}
	}
	dialecttest.CreateAndDrop(t, testDialect, dbtest.MySQL, m)
}
