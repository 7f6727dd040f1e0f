package sqlite

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestInspectAllocations bounds the allocations of inspecting a table of
// eight columns with a unique key, a foreign key, a check and an index
// (issue 20): most of what is left is the driver's, a string per text
// value. Before the scan work: 217 a table; after: 166.
func TestInspectAllocations(t *testing.T) {
	const tables, most = 100, 185
	db := freshDB(t)
	var b strings.Builder
	b.WriteString("BEGIN;")
	for i := range tables {
		fmt.Fprintf(&b, `CREATE TABLE t%d (id INTEGER PRIMARY KEY, p INT REFERENCES t0(id), u TEXT UNIQUE, a TEXT NOT NULL DEFAULT 'x',
			b REAL, c BLOB, "Mixed ""Name""" TEXT, d NUMERIC(10, 2), CHECK (p > 0));`, i)
		fmt.Fprintf(&b, "CREATE INDEX ix%d ON t%d (p, a);", i, i)
	}
	b.WriteString("COMMIT;")
	_, err := db.Exec(b.String())
	require.NoError(t, err)
	n := testing.AllocsPerRun(3, func() {
		require.Len(t, inspect(t, db).MetaData.Tables, tables)
	})
	perTable := n / tables
	t.Logf("%.0f allocations, %.0f a table", n, perTable)
	if perTable > most {
		t.Errorf("inspecting %d tables: %.0f allocations a table, want at most %d", tables, perTable, most)
	}
}
