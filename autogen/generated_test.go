package autogen_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/metadata"
)

// TestCompareGeneratedOffline: a generation expression written by hand is
// the catalog's text spelled otherwise on each database (no op); another
// expression is an alter_column; a written column becoming generated is
// warned of.
func TestCompareGeneratedOffline(t *testing.T) {
	table := func(expr string, stored bool) *metadata.MetaData {
		c := &metadata.Column{Name: "g", Type: metadata.IntegerType, Nullable: true}
		if expr != "" {
			c.Generated = &metadata.Generated{Expression: expr, Stored: stored}
		}
		tb := metadata.NewTable("t", &metadata.Column{Name: "id", Type: metadata.IntegerType},
			&metadata.Column{Name: "a", Type: metadata.IntegerType, Nullable: true}, c)
		tb.SetPrimaryKey("id")
		return &metadata.MetaData{Tables: []*metadata.Table{tb}}
	}
	for _, tc := range []struct {
		name           string
		d              dialect.Dialect
		target, cur    *metadata.MetaData
		wantOps, warns int
	}{
		{"postgres, spelled otherwise", postgres.Postgres{}, table("a*2", true), table("(a * 2)", true), 0, 0},
		{"mysql, spelled otherwise", &mysql.Dialect{}, table("a * 2", false), table("`a` * 2", false), 0, 0},
		{"sqlite, spelled otherwise", &sqlite.Dialect{}, table("A * 2", true), table("a * 2", true), 0, 0},
		{"postgres, another expression", postgres.Postgres{}, table("a * 3", true), table("a * 2", true), 1, 0},
		{"mysql, stored to virtual", &mysql.Dialect{}, table("a * 2", false), table("a * 2", true), 1, 0},
		{"sqlite, becomes generated", &sqlite.Dialect{}, table("a * 2", true), table("", false), 1, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := autogen.Compare(tc.target, tc.cur, tc.d, autogen.Options{})
			require.NoError(t, err)
			assert.Len(t, res.Ops, tc.wantOps)
			assert.Len(t, res.Warnings, tc.warns, "%q", res.Warnings)
		})
	}
}

// TestCompareDomainsOffline: a domain check and default written by hand
// match the catalog's text; a new check is an alter_domain whose reverse
// drops it; a new domain is created before the table that uses it.
func TestCompareDomainsOffline(t *testing.T) {
	d := postgres.Postgres{}
	year := func(checks ...*metadata.Check) *metadata.MetaData {
		tb := metadata.NewTable("film", &metadata.Column{Name: "id", Type: metadata.IntegerType},
			&metadata.Column{Name: "released", Type: metadata.NativeType("year"), Nullable: true})
		tb.SetPrimaryKey("id")
		return &metadata.MetaData{Domains: []*metadata.Domain{{Name: "year", Type: metadata.IntegerType, Default: "2000", Checks: checks}},
			Tables: []*metadata.Table{tb}}
	}
	hand := year(&metadata.Check{Name: "year_check", Expression: "VALUE >= 1901 AND VALUE <= 2155"})
	catalog := year(&metadata.Check{Name: "year_check", Expression: "(VALUE >= 1901) AND (VALUE <= 2155)"})
	res, err := autogen.Compare(hand, catalog, d, autogen.Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Ops)

	res, err = autogen.Compare(catalog, year(), d, autogen.Options{})
	require.NoError(t, err)
	require.Len(t, res.Ops, 1)
	assert.Equal(t, "alter_domain", res.Ops[0].Name())
	down, err := autogen.Downgrade(res.Ops)
	require.NoError(t, err)
	assert.Equal(t, "Detected changed domain 'year'", autogen.Describe(down[0]))

	res, err = autogen.Compare(catalog, nil, d, autogen.Options{})
	require.NoError(t, err)
	var names []string
	for _, o := range res.Ops {
		names = append(names, o.Name())
	}
	assert.Equal(t, []string{"create_domain", "create_table"}, names)
}
