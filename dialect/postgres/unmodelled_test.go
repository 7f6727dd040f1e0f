package postgres_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
)

// TestUnmodelledObjectsAreReported: every kind of object the model cannot
// hold is named in a warning, so that adopting a database never leaves
// one out without a word, and a range type's constructor functions, which
// come with the type, are not read as functions of their own.
func TestUnmodelledObjectsAreReported(t *testing.T) {
	db := dbtest.Postgres(t)
	dbtest.Exec(t, db,
		`CREATE TYPE mood AS ENUM ('sad', 'ok')`,
		`COMMENT ON TYPE mood IS 'how one feels'`,
		`CREATE TYPE pair AS (a int, b text)`,
		`CREATE TYPE floatrange AS RANGE (subtype = float8)`,
		`CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false)`,
		`CREATE SEQUENCE free_seq`,
		`COMMENT ON SEQUENCE free_seq IS 'a counter'`,
		`CREATE TABLE t (id int PRIMARY KEY, m mood, name text COLLATE ci)`,
		`CREATE FUNCTION f_plus(int, int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1 + $2'`,
		`CREATE OPERATOR ### (LEFTARG = int, RIGHTARG = int, FUNCTION = f_plus)`,
		`CREATE STATISTICS t_stats ON id, name FROM t`,
		`CREATE TEXT SEARCH CONFIGURATION my_ts (COPY = english)`,
	)
	in := dialecttest.Inspect(t, postgres.Postgres{}, db.DB)
	warnings := strings.Join(in.Warnings, "\n")
	for _, want := range []string{
		"composite type public.pair is not modelled",
		"range type public.floatrange is not modelled",
		"collation public.ci is not modelled",
		"operator public.### is not modelled",
		"statistics object public.t_stats is not modelled",
		"text search configuration public.my_ts is not modelled",
		"the comment on type public.mood is not modelled",
		"the comment on sequence public.free_seq is not modelled",
	} {
		assert.Contains(t, warnings, want)
	}
	var functions []string
	for _, f := range in.MetaData.Functions {
		functions = append(functions, f.Name)
	}
	assert.Equal(t, []string{"f_plus"}, functions, "a range type's constructors are the type's, not functions of the schema")
}

// TestStockDatabaseHasNothingUnmodelled: a new database, and one with
// only what the model holds, warn of nothing.
func TestStockDatabaseHasNothingUnmodelled(t *testing.T) {
	db := dbtest.Postgres(t)
	dbtest.Exec(t, db, `CREATE TYPE mood AS ENUM ('sad', 'ok')`, `CREATE SEQUENCE free_seq`,
		`CREATE TABLE t (id int PRIMARY KEY, m mood)`, `CREATE INDEX t_m ON t (m)`)
	in := dialecttest.Inspect(t, postgres.Postgres{}, db.DB)
	assert.Empty(t, in.Warnings)
}
