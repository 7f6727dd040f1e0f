package autogen_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/ops"
)

// viewCase is a change of views: the schema before and after, per
// database, and the ops autogenerate must find.
type viewCase struct {
	name     string
	from, to map[string][]string
	wantOps  map[string][]string // per database; "" for all
}

const viewBase = `CREATE TABLE films (id integer NOT NULL PRIMARY KEY, title varchar(50) NOT NULL, length integer)`

var viewCases = []viewCase{
	{name: "add a view over a view",
		from: map[string][]string{"": {viewBase}},
		to: map[string][]string{"": {viewBase,
			`CREATE VIEW long_films AS SELECT id, title FROM films WHERE length > 120`,
			`CREATE VIEW long_titles AS SELECT title FROM long_films`}},
		wantOps: map[string][]string{"": {"create_view", "create_view"}}},
	{name: "change a view",
		from: map[string][]string{"": {viewBase, `CREATE VIEW long_films AS SELECT id, title FROM films WHERE length > 120`}},
		to: map[string][]string{"": {viewBase, `CREATE VIEW long_films AS SELECT id, title FROM films WHERE length > 150`},
			"postgres": {viewBase, `CREATE VIEW long_films AS SELECT id, title FROM films WHERE length > 150 WITH CASCADED CHECK OPTION`,
				`COMMENT ON VIEW long_films IS 'long'`},
			"mysql": {viewBase, `CREATE SQL SECURITY INVOKER VIEW long_films AS SELECT id, title FROM films WHERE length > 150 WITH LOCAL CHECK OPTION`}},
		wantOps: map[string][]string{"": {"replace_view"}}},
	{name: "drop a table and its views",
		from: map[string][]string{"": {viewBase, `CREATE VIEW long_films AS SELECT id, title FROM films WHERE length > 120`,
			`CREATE VIEW long_titles AS SELECT title FROM long_films`}},
		to:      map[string][]string{"": {`CREATE TABLE other (id integer NOT NULL PRIMARY KEY)`}},
		wantOps: map[string][]string{"": {"drop_view", "drop_view", "drop_table", "create_table"}}},
	{name: "column type under two stacked views",
		from: map[string][]string{"": {viewBase, `CREATE VIEW long_films AS SELECT id, title FROM films WHERE length > 120`,
			`CREATE VIEW long_titles AS SELECT title FROM long_films`}},
		to: map[string][]string{"": {`CREATE TABLE films (id integer NOT NULL PRIMARY KEY, title varchar(200) NOT NULL, length integer)`,
			`CREATE VIEW long_films AS SELECT id, title FROM films WHERE length > 120`,
			`CREATE VIEW long_titles AS SELECT title FROM long_films`}},
		wantOps: map[string][]string{"postgres": {"drop_view", "drop_view", "alter_column", "create_view", "create_view"},
			"mysql": {"alter_column"}, "sqlite": {"alter_column"}}},
	{name: "materialized view with an index",
		from: map[string][]string{"postgres": {viewBase}},
		to: map[string][]string{"postgres": {viewBase,
			`CREATE MATERIALIZED VIEW film_lengths AS SELECT length, count(*) AS n FROM films GROUP BY length`,
			`CREATE UNIQUE INDEX film_lengths_length ON film_lengths (length)`}},
		wantOps: map[string][]string{"postgres": {"create_view"}}},
	{name: "change a materialized view under a view",
		from: map[string][]string{"postgres": {viewBase,
			`CREATE MATERIALIZED VIEW film_lengths AS SELECT length, count(*) AS n FROM films GROUP BY length`,
			`CREATE VIEW common_lengths AS SELECT length FROM film_lengths WHERE n > 1`}},
		to: map[string][]string{"postgres": {viewBase,
			`CREATE MATERIALIZED VIEW film_lengths AS SELECT length, count(*) AS n FROM films WHERE length > 0 GROUP BY length`,
			`CREATE VIEW common_lengths AS SELECT length FROM film_lengths WHERE n > 1`}},
		wantOps: map[string][]string{"postgres": {"drop_view", "replace_view", "create_view"}}},
}

func perDB(m map[string][]string, db string) ([]string, bool) {
	if v, ok := m[db]; ok {
		return v, true
	}
	v, ok := m[""]
	return v, ok
}

// TestAutogenerateViews: for each database, autogenerate's ops for an
// added, changed and dropped view, and for a column type change under
// two stacked views, upgrade the database to the target's dump, downgrade
// it back to the original's, and upgrade again; then nothing differs.
func TestAutogenerateViews(t *testing.T) {
	runSchemaCases(t, viewCases, `INSERT INTO films (id, title, length) VALUES (1, 'Alien', 130)`)
}

// runSchemaCases runs each case on every database it names: the two
// databases built by plain SQL (from and to; seed rows added to from),
// autogenerate's ops compared with wantOps, then upgrade to the target's
// dump, downgrade back to the original's, upgrade again, and nothing left
// to do. The views', indexes' and routines' autogenerate tests share it.
func runSchemaCases(t *testing.T, cases []viewCase, seed ...string) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			eachBed(t, func(t *testing.T, b bed) {
				from, ok1 := perDB(tc.from, b.name)
				to, ok2 := perDB(tc.to, b.name)
				if !ok1 || !ok2 {
					t.Skip("not a case for this database")
				}
				want := dbtest.Open(t, b.name)
				dbtest.Exec(t, want, to...)
				db := dbtest.Open(t, b.name)
				dbtest.Exec(t, db, from...)
				dbtest.Exec(t, db, seed...)
				before := dbtest.SchemaDump(t, db)
				target := dialecttest.Inspect(t, b.d, want.DB).MetaData
				cur := dialecttest.Inspect(t, b.d, db.DB).MetaData
				res, err := autogen.Compare(target, cur, b.d, autogen.Options{})
				require.NoError(t, err)
				wantOps, _ := perDB(tc.wantOps, b.name)
				require.Equal(t, wantOps, opNames(res.Ops))

				dialecttest.PlanAndExec(t, b.d, db.DB, cur, res.Ops...)
				require.Equal(t, dbtest.SchemaDump(t, want), dbtest.SchemaDump(t, db), "upgraded")
				down, err := autogen.Downgrade(res.Ops)
				require.NoError(t, err)
				dialecttest.PlanAndExec(t, b.d, db.DB, dialecttest.Inspect(t, b.d, db.DB).MetaData, down...)
				require.Equal(t, before, dbtest.SchemaDump(t, db), "downgraded")
				dialecttest.PlanAndExec(t, b.d, db.DB, dialecttest.Inspect(t, b.d, db.DB).MetaData, res.Ops...)
				require.Equal(t, dbtest.SchemaDump(t, want), dbtest.SchemaDump(t, db), "upgraded again")

				again, err := autogen.Compare(target, dialecttest.Inspect(t, b.d, db.DB).MetaData, b.d, autogen.Options{})
				require.NoError(t, err)
				assert.Empty(t, opNames(again.Ops), "nothing left to do")
			})
		})
	}
}

func opNames(list []ops.Op) []string {
	var out []string
	for _, o := range list {
		out = append(out, o.Name())
	}
	return out
}
