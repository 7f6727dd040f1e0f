package postgres_test

import (
	"testing"

	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
)

// TestSchemaCommentsAutogen: a comment set on and removed from the
// default schema is found by autogenerate (comment_schema), and the
// upgrade, downgrade and upgrade again give the dumps they should.
func TestSchemaCommentsAutogen(t *testing.T) {
	table := `CREATE TABLE t (id integer)`
	dialecttest.RunChanges(t, postgres.Postgres{}, dbtest.Postgres, []dialecttest.Change{
		{Name: "set on the default schema", From: []string{table},
			To: []string{table, `COMMENT ON SCHEMA public IS 'Standard public schema'`}, WantOps: []string{"comment_schema"}},
		{Name: "remove from the default schema", From: []string{table, `COMMENT ON SCHEMA public IS 'it''s 100% ours'`},
			To: []string{table}, WantOps: []string{"comment_schema"}},
	})
}
