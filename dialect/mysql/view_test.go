package mysql_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
)

// viewsDDL holds views as people write them on MariaDB: a view over a
// view, check options, SQL SECURITY, ALGORITHM, a quoted name and a
// literal holding a backquote and the database's qualifier.
var viewsDDL = []string{
	"CREATE TABLE films (id integer PRIMARY KEY, title varchar(50) NOT NULL, length integer)",
	"CREATE VIEW long_films AS SELECT id, title, length FROM films WHERE length > 120 WITH LOCAL CHECK OPTION",
	"CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW long_titles AS SELECT upper(title) AS title, 'a `x`.y' AS odd FROM long_films",
	"CREATE ALGORITHM = TEMPTABLE VIEW `film count` AS SELECT count(*) AS n FROM long_titles",
	"CREATE VIEW checked AS SELECT * FROM long_films WHERE id > 0 WITH CASCADED CHECK OPTION",
}

// TestViewsRoundTrip: views written by hand are read with their options,
// in dependency order, and created into an empty database (of another
// name) give the same mysqldump; the rebuilt database compares equal.
func TestViewsRoundTrip(t *testing.T) {
	d := &mysql.Dialect{}
	src := dbtest.MySQL(t)
	dbtest.Exec(t, src, viewsDDL...)
	in := dialecttest.Inspect(t, d, src.DB)
	for _, w := range in.Warnings {
		assert.NotContains(t, w, "view", "every view is modelled")
	}
	var names []string
	for _, v := range in.MetaData.Views {
		names = append(names, v.Name)
	}
	assert.Equal(t, []string{"long_films", "checked", "long_titles", "film count"}, names)
	lt := in.MetaData.View("", "long_titles")
	require.NotNil(t, lt)
	assert.Equal(t, "invoker", lt.Security)
	assert.Equal(t, "merge", lt.Algorithm)
	assert.Empty(t, lt.Definer, "the inspecting account's own views leave the definer to the server")
	assert.Equal(t, []string{"long_films"}, lt.Reads)
	assert.NotContains(t, lt.Definition, src.Name, "the view's own database is not named in its query")
	assert.Equal(t, metadata.CheckLocal, in.MetaData.View("", "long_films").CheckOption)

	dst := dbtest.MySQL(t)
	dialecttest.PlanAndExec(t, d, dst.DB, metadata.New(), dialect.CreateOps(in.MetaData)...)
	require.Equal(t, dbtest.SchemaDump(t, src), dbtest.SchemaDump(t, dst))

	res, err := autogen.Compare(in.MetaData, dialecttest.Inspect(t, d, dst.DB).MetaData, d, autogen.Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Ops)
}
