package mysql

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestFixtureGolden plans the fixture schema (flattened and adapted as the
// conformance suite creates it) and compares the DDL with
// testdata/fixture.sql, so a change to MySQL's DDL shows in review.
// -update rewrites the file.
func TestFixtureGolden(t *testing.T) {
	m := dialecttest.Adapt(t, testDialect, dialecttest.Flatten(dialecttest.Fixture(t)))
	stmts, err := testDialect.Plan(metadata.New(), dialect.CreateOps(m))
	require.NoError(t, err)
	var b strings.Builder
	for _, s := range stmts {
		b.WriteString(s.SQL + ";\n\n")
	}
	path := filepath.Join("testdata", "fixture.sql")
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update once to write it")
	assert.Equal(t, string(want), b.String())
}
