package mysql

import (
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
)

// TestFixtureMySQL creates and drops the fixture schema adapted as the
// conformance suite adapts it, and with a mysql variant for the columns of
// PostgreSQL's own types (inet, regconfig), which the fixture does not
// give yet.
func TestFixtureMySQL(t *testing.T) {
	m := dialecttest.Adapt(t, testDialect, dialecttest.Fixture(t))
	for _, tb := range m.Tables {
		for _, c := range tb.Columns {
			if c.Type.Kind == metadata.Native && foreignNative[c.Type.Native] && c.Type.Variants["mysql"] == "" {
				c.Type.Variants = map[string]string{"mysql": "varchar(64)"}
			}
		}
	}
	dialecttest.CreateAndDrop(t, testDialect, dbtest.MySQL, m)
}
