package postgres_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
)

// viewsDDL holds views as people write them: a view over a view, a check
// option, security_invoker and security_barrier, comments, a materialized
// view with a unique and an expression index.
var viewsDDL = []string{
	`CREATE TABLE films (id integer PRIMARY KEY, title text NOT NULL, length integer, rating text)`,
	`CREATE VIEW long_films AS SELECT id, title, length FROM films WHERE length > 120 WITH LOCAL CHECK OPTION`,
	`COMMENT ON VIEW long_films IS 'over two hours'`,
	`CREATE VIEW long_titles WITH (security_invoker = true) AS SELECT upper(title) AS title FROM long_films`,
	`CREATE VIEW "Rated" WITH (security_barrier) AS SELECT id, rating FROM films WHERE rating IS NOT NULL WITH CASCADED CHECK OPTION`,
	`CREATE MATERIALIZED VIEW film_stats AS SELECT rating, avg(length) AS avg_length FROM films GROUP BY rating`,
	`CREATE UNIQUE INDEX film_stats_rating ON film_stats (rating)`,
	`CREATE INDEX film_stats_lower ON film_stats (lower(rating)) WHERE avg_length > 10`,
	`COMMENT ON MATERIALIZED VIEW film_stats IS 'per rating'`,
}

// TestViewsRoundTrip: views written by hand are read with their options,
// comments and indexes, in dependency order, and created into an empty
// database give the same pg_dump; the rebuilt database compares equal.
func TestViewsRoundTrip(t *testing.T) {
	d := postgres.Postgres{}
	src := dbtest.Postgres(t)
	dbtest.Exec(t, src, viewsDDL...)
	in := dialecttest.Inspect(t, d, src.DB)
	for _, w := range in.Warnings {
		assert.NotContains(t, w, "view", "every view is modelled")
	}
	var names []string
	for _, v := range in.MetaData.Views {
		names = append(names, v.Name)
	}
	assert.Equal(t, []string{"Rated", "film_stats", "long_films", "long_titles"}, names)
	lt := in.MetaData.View("", "long_titles")
	require.NotNil(t, lt)
	assert.True(t, lt.SecurityInvoker)
	assert.Equal(t, []string{"long_films"}, lt.Reads)
	assert.Equal(t, metadata.CheckLocal, in.MetaData.View("", "long_films").CheckOption)
	assert.Len(t, in.MetaData.View("", "film_stats").Indexes, 2)

	dst := dbtest.Postgres(t)
	dialecttest.PlanAndExec(t, d, dst.DB, metadata.New(), dialect.CreateOps(in.MetaData)...)
	require.Equal(t, dbtest.SchemaDump(t, src), dbtest.SchemaDump(t, dst))

	res, err := autogen.Compare(in.MetaData, dialecttest.Inspect(t, d, dst.DB).MetaData, d, autogen.Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Ops)
}
