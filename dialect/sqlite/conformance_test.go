package sqlite

import (
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
)

// TestConformance runs the dialect conformance suite (issue 3, must-shows
// 1 to 3) on SQLite files.
func TestConformance(t *testing.T) {
	dialecttest.Run(t, sqliteDialect, dbtest.SQLite)
}

// TestDataOps runs the suite's execute, bulk_insert and bulk_delete cases.
func TestDataOps(t *testing.T) {
	dialecttest.RunDataOps(t, sqliteDialect, dbtest.SQLite)
}
