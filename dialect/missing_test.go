package dialect_test

import (
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
)

// TestMissingTable holds each dialect's MissingTable to its server's own
// errors: reading a table that does not exist (or one in a schema that
// does not exist) is a missing table; a syntax error, a missing column of
// a table that exists, and no error at all are not.
func TestMissingTable(t *testing.T) {
	for _, name := range dbtest.Dialects {
		t.Run(name, func(t *testing.T) {
			db := dbtest.Open(t, name)
			d, err := dialect.Get(db.Dialect)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec("CREATE TABLE present (id integer)"); err != nil {
				t.Fatal(err)
			}
			for _, tc := range []struct {
				name, query string
				missing     bool
			}{
				{"missing table", "SELECT 1 FROM no_such_table", true},
				{"missing schema", "SELECT 1 FROM no_such_schema.no_such_table", true},
				{"missing column", "SELECT no_such_column FROM present", false},
				{"syntax error", "SELEC 1", false},
				{"no error", "SELECT id FROM present", false},
			} {
				rows, err := db.Query(tc.query)
				if err == nil {
					rows.Close()
				}
				if got := dialect.MissingTable(d, err); got != tc.missing {
					t.Errorf("%s: MissingTable(%v) = %v, want %v", tc.name, err, got, tc.missing)
				}
			}
		})
	}
}
