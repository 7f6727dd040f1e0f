package postgres_test

import (
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/dbtest"
)

// TestInspectWorkMemIsLocal checks that the work_mem an inspection raises
// for its own transaction does not outlive it: the one pooled connection
// has the server's setting again afterwards.
func TestInspectWorkMemIsLocal(t *testing.T) {
	db := dbtest.Postgres(t)
	db.DB.SetMaxOpenConns(1)
	var before, after string
	if err := db.DB.QueryRowContext(t.Context(), `SELECT current_setting('work_mem')`).Scan(&before); err != nil {
		t.Fatal(err)
	}
	if before == "32MB" {
		t.Skip("the server's work_mem is already the inspection's")
	}
	if _, err := (postgres.Postgres{}).Inspect(t.Context(), db.DB, dialect.InspectOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := db.DB.QueryRowContext(t.Context(), `SELECT current_setting('work_mem')`).Scan(&after); err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Errorf("work_mem after the inspection: %s, want the connection's %s", after, before)
	}
}
