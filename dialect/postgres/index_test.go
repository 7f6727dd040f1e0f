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

const indexBase = `CREATE TABLE docs (id integer PRIMARY KEY, title text NOT NULL, body jsonb, score numeric, created timestamptz)`

// indexShapes are indexes in full as people write them by hand: each is
// created by plain SQL, reflected, rebuilt into an empty database and
// compared by pg_dump.
var indexShapes = []struct {
	name string
	ddl  []string
	want metadata.IndexKey // the first key as reflected
}{
	{"text_pattern_ops", []string{`CREATE INDEX ix ON docs (title text_pattern_ops)`}, metadata.IndexKey{Column: "title", OpClass: "text_pattern_ops"}},
	{"jsonb_path_ops", []string{`CREATE INDEX ix ON docs USING gin (body jsonb_path_ops)`}, metadata.IndexKey{Column: "body", OpClass: "jsonb_path_ops"}},
	{"gin_trgm_ops", []string{`CREATE EXTENSION pg_trgm`, `CREATE INDEX ix ON docs USING gin (title gin_trgm_ops)`}, metadata.IndexKey{Column: "title", OpClass: "gin_trgm_ops"}},
	{"desc nulls last", []string{`CREATE INDEX ix ON docs (score DESC NULLS LAST, id)`}, metadata.IndexKey{Column: "score", Desc: true, Nulls: metadata.NullsLast}},
	{"desc", []string{`CREATE INDEX ix ON docs (created DESC)`}, metadata.IndexKey{Column: "created", Desc: true}},
	{"nulls first", []string{`CREATE INDEX ix ON docs (score NULLS FIRST)`}, metadata.IndexKey{Column: "score", Nulls: metadata.NullsFirst}},
	{"collation", []string{`CREATE INDEX ix ON docs (title COLLATE "C")`}, metadata.IndexKey{Column: "title", Collation: "C"}},
	{"expression before a column", []string{`CREATE INDEX ix ON docs (lower(title), id)`}, metadata.IndexKey{Expression: "lower(title)"}},
	{"expression with opclass and order", []string{`CREATE INDEX ix ON docs (lower(title) text_pattern_ops DESC)`}, metadata.IndexKey{Expression: "lower(title)", OpClass: "text_pattern_ops", Desc: true}},
	{"include", []string{`CREATE UNIQUE INDEX ix ON docs (title) INCLUDE (score, created)`}, metadata.IndexKey{Column: "title"}},
	{"with fillfactor", []string{`CREATE INDEX ix ON docs (created) WITH (fillfactor = 70)`}, metadata.IndexKey{Column: "created"}},
	{"hash", []string{`CREATE INDEX ix ON docs USING hash (title)`}, metadata.IndexKey{Column: "title"}},
	{"unique nulls not distinct with include", []string{`CREATE UNIQUE INDEX ix ON docs (title, score) INCLUDE (created) NULLS NOT DISTINCT WHERE id > 0`}, metadata.IndexKey{Column: "title"}},
	{"partial and commented", []string{`CREATE INDEX ix ON docs (created) WHERE score > 0`, `COMMENT ON INDEX ix IS 'recent scored docs'`}, metadata.IndexKey{Column: "created"}},
}

// TestIndexShapesRoundTrip: each shape reads back without a warning, builds
// the same database (pg_dump equal) and then compares equal.
func TestIndexShapesRoundTrip(t *testing.T) {
	d := postgres.Postgres{}
	for _, tc := range indexShapes {
		t.Run(tc.name, func(t *testing.T) {
			src := dbtest.Postgres(t)
			dbtest.Exec(t, src, append([]string{indexBase}, tc.ddl...)...)
			in := dialecttest.Inspect(t, d, src.DB)
			assert.Empty(t, in.Warnings)
			docs := in.MetaData.Table("", "docs")
			require.NotNil(t, docs)
			ix := docs.Index("ix")
			require.NotNil(t, ix, "index ix is read")
			assert.Equal(t, tc.want, ix.KeyList()[0])

			dst := dbtest.Postgres(t)
			dialecttest.PlanAndExec(t, d, dst.DB, metadata.New(), dialect.CreateOps(in.MetaData)...)
			require.Equal(t, dbtest.SchemaDump(t, src), dbtest.SchemaDump(t, dst))

			res, err := autogen.Compare(in.MetaData, dialecttest.Inspect(t, d, dst.DB).MetaData, d, autogen.Options{})
			require.NoError(t, err)
			assert.Empty(t, res.Ops)
			res, err = autogen.Compare(in.MetaData, dialecttest.Inspect(t, d, src.DB).MetaData, d, autogen.Options{})
			require.NoError(t, err)
			assert.Empty(t, res.Ops, "against the original")
		})
	}
}

// TestIndexDetails: INCLUDE, WITH and the comment are read.
func TestIndexDetails(t *testing.T) {
	d := postgres.Postgres{}
	src := dbtest.Postgres(t)
	dbtest.Exec(t, src, indexBase, `CREATE INDEX ix ON docs (title) INCLUDE (score) WITH (fillfactor = 70)`, `COMMENT ON INDEX ix IS 'covering'`)
	ix := dialecttest.Inspect(t, d, src.DB).MetaData.Table("", "docs").Index("ix")
	require.NotNil(t, ix)
	assert.Equal(t, []string{"score"}, ix.Include)
	assert.Equal(t, []string{"fillfactor=70"}, ix.With)
	assert.Equal(t, "covering", ix.Comment)
}

// TestIndexNullsNotDistinct: a unique index with NULLS NOT DISTINCT reads
// back so, its rebuild refuses a second row of NULLs as the original does
// (with the version guard first), and autogenerate finds it added,
// changed (the option dropped) and removed, each upgrade, downgrade and
// upgrade again giving the dumps it should.
func TestIndexNullsNotDistinct(t *testing.T) {
	d := postgres.Postgres{}
	const nnd = `CREATE UNIQUE INDEX ix ON docs (title, score) NULLS NOT DISTINCT`
	src := dbtest.Postgres(t)
	dbtest.Exec(t, src, indexBase, nnd)
	m := dialecttest.Inspect(t, d, src.DB).MetaData
	ix := m.Table("", "docs").Index("ix")
	require.NotNil(t, ix)
	assert.True(t, ix.NullsNotDistinct)
	st, err := d.Plan(metadata.New(), dialect.CreateOps(m))
	require.NoError(t, err)
	require.Contains(t, st[0].SQL, "server_version_num')::int < 150000", "the guard comes first")
	dst := dbtest.Postgres(t)
	dialecttest.PlanAndExec(t, d, dst.DB, metadata.New(), dialect.CreateOps(m)...)
	dbtest.Exec(t, dst, `INSERT INTO docs (id, title) VALUES (1, 'a')`)
	_, err = dst.DB.Exec(`INSERT INTO docs (id, title) VALUES (2, 'a')`)
	require.Error(t, err, "a second (a, NULL) collides")

	plain := `CREATE UNIQUE INDEX ix ON docs (title, score)`
	dialecttest.RunChanges(t, d, dbtest.Postgres, []dialecttest.Change{
		{Name: "add", From: []string{indexBase}, To: []string{indexBase, nnd}, WantOps: []string{"create_index"}},
		{Name: "change", From: []string{indexBase, nnd}, To: []string{indexBase, plain}, WantOps: []string{"drop_index", "create_index"}},
		{Name: "drop", From: []string{indexBase, nnd}, To: []string{indexBase}, WantOps: []string{"drop_index"}},
	})
}
