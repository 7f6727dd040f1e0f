package postgres_test

import (
	"path/filepath"
	"strings"
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

// objectsDDL holds generated columns, a domain with a check and a default
// used by two columns, a second domain named as Pagila names one, the
// types of two extensions (one in a schema of its own) as column types and
// a column COLLATE "C", written by hand.
var objectsDDL = []string{
	`CREATE EXTENSION citext`,
	`CREATE SCHEMA ext`,
	`CREATE EXTENSION hstore SCHEMA ext`,
	`CREATE DOMAIN year AS integer DEFAULT 2000 CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2155)`,
	`CREATE DOMAIN "bıgınt" AS bigint`,
	`COMMENT ON DOMAIN year IS 'a year'`,
	`CREATE TABLE films (id integer PRIMARY KEY, title text COLLATE "C" NOT NULL, released year, remade year NOT NULL,
		big "bıgınt", email citext, attrs ext.hstore, price numeric(6,2),
		with_tax numeric GENERATED ALWAYS AS (price * 1.2) STORED,
		slug text GENERATED ALWAYS AS (lower(title) || '-' || id) STORED)`,
	`CREATE INDEX films_slug ON films (slug)`,
}

// inspectWarnings fails t on a warning that names what is modelled now.
func noUnmodelled(t *testing.T, in *dialect.Inspection) {
	t.Helper()
	for _, w := range in.Warnings {
		for _, word := range []string{"domain", "generated", "extension", "collat"} {
			assert.NotContains(t, strings.ToLower(w), word)
		}
	}
}

// TestObjectsRoundTrip: generated columns, domains, an extension and its
// type, a column's collation: inspected, created into an empty database,
// pg_dump --schema-only equal, and the up-to-date database compares
// equal to its reflection; rows written into the copy get their generated
// values and domain defaults.
func TestObjectsRoundTrip(t *testing.T) {
	d := postgres.Postgres{}
	src := dbtest.Postgres(t)
	dbtest.Exec(t, src, objectsDDL...)
	in := dialecttest.Inspect(t, d, src.DB)
	noUnmodelled(t, in)
	require.Len(t, in.MetaData.Domains, 2)
	assert.Equal(t, []*metadata.Extension{{Name: "citext"}, {Name: "hstore", Schema: "ext"}}, in.MetaData.Extensions)
	films := in.MetaData.Table("", "films")
	require.NotNil(t, films)
	assert.Equal(t, &metadata.Generated{Expression: "price * 1.2", Stored: true}, films.Column("with_tax").Generated)
	assert.Equal(t, "C", films.Column("title").Collation)
	assert.Equal(t, metadata.NativeType("year"), films.Column("released").Type)

	dst := dbtest.Postgres(t)
	dialecttest.PlanAndExec(t, d, dst.DB, metadata.New(), dialect.CreateOps(in.MetaData)...)
	assert.Equal(t, dbtest.SchemaDump(t, src), dbtest.SchemaDump(t, dst))

	res, err := autogen.Compare(in.MetaData, dialecttest.Inspect(t, d, dst.DB).MetaData, d, autogen.Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Ops)

	dbtest.Exec(t, dst, `INSERT INTO films (id, title, remade, price) VALUES (1, 'Up', 2009, 10)`)
	var slug, tax string
	var released int
	require.NoError(t, dst.DB.QueryRow(`SELECT slug, with_tax::text, released FROM films`).Scan(&slug, &tax, &released))
	assert.Equal(t, []any{"up-1", "12.00", 2000}, []any{slug, tax[:5], released})
	_, err = dst.DB.Exec(`INSERT INTO films (id, title, remade, released) VALUES (2, 'x', 2009, 1800)`)
	assert.ErrorContains(t, err, "year_check", "the domain's check holds in the copy")
}

// TestObjectsChanges: autogenerate adds, changes and drops each kind;
// upgrade, downgrade and upgrade again give the target's and the
// original's dumps, the rows are kept (generated values recomputed) and
// check is clean afterwards.
func TestObjectsChanges(t *testing.T) {
	d := postgres.Postgres{}
	table := `CREATE TABLE t (id integer PRIMARY KEY, a integer, n text)`
	for _, tc := range []struct {
		name     string
		from, to []string
		wantOps  []string
		rows     string // the rows, as the query reads them after the upgrade
	}{
		{"generated column added",
			[]string{table},
			[]string{`CREATE TABLE t (id integer PRIMARY KEY, a integer, n text, g integer GENERATED ALWAYS AS (a * 2) STORED)`},
			[]string{"add_column"}, "(1,5,x,10)"},
		{"generation expression changed",
			[]string{`CREATE TABLE t (id integer PRIMARY KEY, a integer, n text, g integer GENERATED ALWAYS AS (a * 2) STORED)`, `CREATE INDEX t_g ON t (g)`},
			[]string{`CREATE TABLE t (id integer PRIMARY KEY, a integer, n text, g integer GENERATED ALWAYS AS (a * 3) STORED)`, `CREATE INDEX t_g ON t (g)`},
			[]string{"alter_column"}, "(1,5,x,15)"},
		{"generated column dropped",
			[]string{`CREATE TABLE t (id integer PRIMARY KEY, a integer, n text, g integer GENERATED ALWAYS AS (a * 2) STORED)`},
			[]string{table},
			[]string{"drop_column"}, "(1,5,x)"},
		{"domain added with its column",
			[]string{table},
			[]string{`CREATE DOMAIN pos AS integer CONSTRAINT pos_check CHECK (VALUE > 0)`, `CREATE TABLE t (id integer PRIMARY KEY, a integer, n text, p pos)`},
			[]string{"create_domain", "add_column"}, "(1,5,x,)"},
		{"domain check added, default set",
			[]string{`CREATE DOMAIN pos AS integer`, `CREATE TABLE t (id integer PRIMARY KEY, a pos, n text)`},
			[]string{`CREATE DOMAIN pos AS integer DEFAULT 1 CONSTRAINT pos_check CHECK (VALUE > 0)`, `CREATE TABLE t (id integer PRIMARY KEY, a pos, n text)`},
			[]string{"alter_domain"}, "(1,5,x)"},
		{"domain dropped with its column",
			[]string{`CREATE DOMAIN pos AS integer CONSTRAINT pos_check CHECK (VALUE > 0)`, `CREATE TABLE t (id integer PRIMARY KEY, a integer, n text, p pos)`},
			[]string{table},
			[]string{"drop_column", "drop_domain"}, "(1,5,x)"},
		{"extension added with a column of its type",
			[]string{table},
			[]string{`CREATE EXTENSION citext`, `CREATE TABLE t (id integer PRIMARY KEY, a integer, n text, e citext)`},
			[]string{"create_extension", "add_column"}, "(1,5,x,)"},
		{"collation changed",
			[]string{table},
			[]string{`CREATE TABLE t (id integer PRIMARY KEY, a integer, n text COLLATE "C")`},
			[]string{"alter_column"}, "(1,5,x)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := dbtest.Postgres(t)
			dbtest.Exec(t, want, tc.to...)
			db := dbtest.Postgres(t)
			dbtest.Exec(t, db, tc.from...)
			dbtest.Exec(t, db, `INSERT INTO t (id, a, n) VALUES (1, 5, 'x')`)
			before := dbtest.SchemaDump(t, db)
			target := dialecttest.Inspect(t, d, want.DB).MetaData
			cur := dialecttest.Inspect(t, d, db.DB).MetaData
			res, err := autogen.Compare(target, cur, d, autogen.Options{})
			require.NoError(t, err)
			var names []string
			for _, o := range res.Ops {
				names = append(names, o.Name())
			}
			require.Equal(t, tc.wantOps, names)
			down, err := autogen.Downgrade(res.Ops)
			require.NoError(t, err)

			dialecttest.PlanAndExec(t, d, db.DB, cur, res.Ops...)
			upgraded := dbtest.SchemaDump(t, db)
			if !strings.Contains(tc.name, "expression changed") { // the column moves to the end
				assert.Equal(t, dbtest.SchemaDump(t, want), upgraded, "upgraded")
			}
			assert.Equal(t, tc.rows, rowText(t, db), "rows kept")
			dialecttest.PlanAndExec(t, d, db.DB, dialecttest.Inspect(t, d, db.DB).MetaData, down...)
			if !strings.Contains(tc.name, "expression changed") {
				assert.Equal(t, before, dbtest.SchemaDump(t, db), "downgraded")
			}
			dialecttest.PlanAndExec(t, d, db.DB, dialecttest.Inspect(t, d, db.DB).MetaData, res.Ops...)
			assert.Equal(t, upgraded, dbtest.SchemaDump(t, db), "upgraded again")
			assert.Equal(t, tc.rows, rowText(t, db), "rows kept")

			res, err = autogen.Compare(target, dialecttest.Inspect(t, d, db.DB).MetaData, d, autogen.Options{})
			require.NoError(t, err)
			assert.Empty(t, res.Ops, "check is clean")
		})
	}
}

// rowText is table t's rows as PostgreSQL prints a row, one a line.
func rowText(t *testing.T, db *dbtest.DB) string {
	t.Helper()
	return strings.Join(dbtest.Lines(t, db.DB, `SELECT t::text FROM t ORDER BY id`), "\n")
}

// TestPagilaDomains: Pagila's two domains (year, with its CHECK, and
// "bıgınt") are adopted with no warning, the columns of type year keep
// the domain, and the rebuilt database's domains and those columns dump
// as the original's.
func TestPagilaDomains(t *testing.T) {
	d := postgres.Postgres{}
	src := dbtest.Postgres(t)
	dbtest.LoadSQLFile(t, src, filepath.Join(dbtest.RealWorldDir(t), "pagila.postgresql.sql"))
	in := dialecttest.Inspect(t, d, src.DB)
	noUnmodelled(t, in)
	var names []string
	for _, dom := range in.MetaData.Domains {
		names = append(names, dom.Name)
	}
	assert.Equal(t, []string{"bıgınt", "year"}, names)
	year := in.MetaData.Domain("", "year")
	require.NotNil(t, year)
	require.Len(t, year.Checks, 1)
	assert.Equal(t, "year_check", year.Checks[0].Name)
	assert.Equal(t, metadata.NativeType("year"), in.MetaData.Table("", "film").Column("release_year").Type)

	dst := dbtest.Postgres(t)
	dialecttest.PlanAndExec(t, d, dst.DB, metadata.New(), dialect.CreateOps(in.MetaData)...)
	domains := func(db *dbtest.DB) string {
		return strings.Join(dbtest.Lines(t, db.DB, `SELECT t.typname || ' ' || format_type(t.typbasetype, t.typtypmod) || ' notnull=' || t.typnotnull ||
			' default=' || coalesce(t.typdefault, '') || coalesce(' ' || (SELECT string_agg(c.conname || ' ' || pg_get_constraintdef(c.oid), ', ')
			FROM pg_constraint c WHERE c.contypid = t.oid), '') FROM pg_type t WHERE t.typtype = 'd' AND t.typnamespace = 'public'::regnamespace
			UNION ALL SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
			FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_type t ON t.oid = a.atttypid
			WHERE t.typtype = 'd' AND c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace ORDER BY 1`), "\n")
	}
	assert.Equal(t, domains(src), domains(dst))
	assert.Contains(t, domains(dst), "year integer notnull=false default= year_check CHECK (((VALUE >= 1901) AND (VALUE <= 2155)))")
}
