package postgres_test

import (
	"fmt"
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

// routinesDDL holds routines and triggers as people write them: plpgsql
// and SQL functions with attributes, an overloaded name, a procedure, an
// aggregate over a support function, a view calling it, row and
// statement triggers with UPDATE OF and WHEN, comments.
var routinesDDL = []string{
	`CREATE TABLE films (id integer PRIMARY KEY, title text NOT NULL, length integer, updated timestamptz)`,
	`CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.updated := now(); RETURN NEW; END$$`,
	`COMMENT ON FUNCTION touch() IS 'stamps a row'`,
	`CREATE FUNCTION film_count(min_length integer DEFAULT 0) RETURNS bigint LANGUAGE sql STABLE STRICT PARALLEL SAFE COST 10
	   AS 'SELECT count(*) FROM films WHERE length >= min_length'`,
	`CREATE FUNCTION film_count(t text) RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path = public
	   AS $$SELECT count(*) FROM films WHERE title = t$$`,
	`CREATE PROCEDURE trim_titles(n integer) LANGUAGE plpgsql AS $$BEGIN UPDATE films SET title = left(title, n); END$$`,
	`CREATE FUNCTION _cat(text, text) RETURNS text LANGUAGE sql IMMUTABLE AS $$SELECT CASE WHEN $1 IS NULL THEN $2 ELSE $1 || ', ' || $2 END$$`,
	`CREATE AGGREGATE cat(text) (SFUNC = _cat, STYPE = text, INITCOND = '')`,
	`COMMENT ON AGGREGATE cat(text) IS 'joins'`,
	`CREATE VIEW titles AS SELECT cat(title) AS all_titles FROM films`,
	`CREATE TRIGGER films_touch BEFORE UPDATE OF title, length ON films FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION touch()`,
	`COMMENT ON TRIGGER films_touch ON films IS 'keeps updated'`,
	`CREATE TRIGGER films_audit AFTER INSERT OR DELETE ON films FOR EACH STATEMENT EXECUTE FUNCTION touch()`,
}

// TestRoutinesRoundTrip: routines and triggers written by hand are read
// with their definitions, comments and dependencies, nothing warned of,
// and created into an empty database give the same pg_dump; the rebuilt
// database compares equal.
func TestRoutinesRoundTrip(t *testing.T) {
	d := postgres.Postgres{}
	src := dbtest.Postgres(t)
	dbtest.Exec(t, src, routinesDDL...)
	in := dialecttest.Inspect(t, d, src.DB)
	assert.Empty(t, in.Warnings)
	m := in.MetaData
	require.Len(t, m.Functions, 4)
	require.Len(t, m.Procedures, 1)
	require.Len(t, m.Aggregates, 1)
	require.Len(t, m.Triggers, 2)
	require.Len(t, m.Views, 1)
	agg := m.Aggregates[0]
	assert.Equal(t, "CREATE AGGREGATE public.cat(text) (SFUNC = _cat, STYPE = text, INITCOND = '')", agg.Definition)
	assert.Equal(t, []string{"_cat(text, text)"}, agg.Uses)
	assert.Equal(t, "joins", agg.Comment)
	assert.NotNil(t, m.Routine(metadata.KindFunction, "", "film_count", "min_length integer"))
	assert.NotNil(t, m.Routine(metadata.KindFunction, "", "film_count", "t text"))
	touch := m.Trigger("", "films", "films_touch")
	require.NotNil(t, touch)
	assert.Equal(t, "touch()", touch.Function)
	assert.Equal(t, "keeps updated", touch.Comment)
	assert.Contains(t, touch.Definition, "BEFORE UPDATE OF title, length ON films FOR EACH ROW WHEN")

	dst := dbtest.Postgres(t)
	dialecttest.PlanAndExec(t, d, dst.DB, metadata.New(), dialect.CreateOps(m)...)
	require.Equal(t, dbtest.SchemaDump(t, src), dbtest.SchemaDump(t, dst))
	res, err := autogen.Compare(m, dialecttest.Inspect(t, d, dst.DB).MetaData, d, autogen.Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Ops)

	dialecttest.PlanAndExec(t, d, dst.DB, dialecttest.Inspect(t, d, dst.DB).MetaData, dialect.DropOps(m)...)
	assert.Empty(t, dialecttest.Inspect(t, d, dst.DB).MetaData.AllRoutines(), "DropOps drops every routine")
}

// TestRoutinesQueryCount: the number of catalog queries an inspection
// issues does not grow with the number of functions and triggers.
func TestRoutinesQueryCount(t *testing.T) {
	d := postgres.Postgres{}
	counts := map[int]int{}
	for _, n := range []int{1, 40} {
		db := dbtest.Postgres(t)
		dbtest.Exec(t, db, routinesDDL[:3]...)
		for i := range n {
			dbtest.Exec(t, db,
				fmt.Sprintf(`CREATE FUNCTION f%d(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a + %d'`, i, i),
				fmt.Sprintf(`CREATE TRIGGER t%d BEFORE INSERT ON films FOR EACH ROW EXECUTE FUNCTION touch()`, i))
		}
		c := &counting{q: db.DB}
		in, err := d.Inspect(t.Context(), c, dialect.InspectOptions{})
		require.NoError(t, err)
		require.Len(t, in.MetaData.Functions, n+1)
		require.Len(t, in.MetaData.Triggers, n)
		counts[n] = c.n
	}
	assert.Equal(t, counts[1], counts[40], "queries for 1 and 40 functions and triggers")
}
