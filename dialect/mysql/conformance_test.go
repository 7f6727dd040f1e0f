package mysql

import (
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
)

// TestConformance runs the dialect conformance suite (every op applied,
// inspected and reversed; the fixture created and dropped in foreign key
// order; awkward and hostile identifiers) on MariaDB or MySQL.
func TestConformance(t *testing.T) {
	dialecttest.Run(t, testDialect, dbtest.MySQL)
}
