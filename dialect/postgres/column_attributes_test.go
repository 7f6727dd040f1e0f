package postgres_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
)

// TestColumnAttributesAutogen: a column's storage, compression,
// statistics target and attribute options, added with a table or a
// column, set, changed and reset on an existing column (of a plain,
// partitioned or inherited table), and dropped with their table, are
// found by autogenerate; upgrade, downgrade and upgrade again give
// pg_dump --schema-only what it should be at each step.
func TestColumnAttributesAutogen(t *testing.T) {
	table := `CREATE TABLE t (id integer, body text, n numeric)`
	all := []string{table, `ALTER TABLE ONLY t ALTER COLUMN body SET STORAGE EXTERNAL`,
		`ALTER TABLE ONLY t ALTER COLUMN body SET COMPRESSION pglz`, `ALTER TABLE ONLY t ALTER COLUMN id SET STATISTICS 500`,
		`ALTER TABLE ONLY t ALTER COLUMN id SET (n_distinct=-0.5, n_distinct_inherited=100)`}
	parted := []string{`CREATE TABLE p (a integer, b text) PARTITION BY RANGE (a)`, `CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10)`}
	inherited := []string{`CREATE TABLE q (a integer, b text)`, `CREATE TABLE c (x integer) INHERITS (q)`}
	dialecttest.RunChanges(t, postgres.Postgres{}, dbtest.Postgres, []dialecttest.Change{
		{Name: "create and drop a table with them", From: nil, To: all, WantOps: []string{"create_table"}},
		{Name: "drop a table with them", From: all, To: nil, WantOps: []string{"drop_table"}},
		{Name: "add a column with them", From: []string{`CREATE TABLE t (id integer)`},
			To: []string{`CREATE TABLE t (id integer, body text)`, `ALTER TABLE ONLY t ALTER COLUMN body SET STORAGE MAIN`,
				`ALTER TABLE ONLY t ALTER COLUMN body SET STATISTICS 0`, `ALTER TABLE ONLY t ALTER COLUMN body SET (n_distinct=2)`},
			WantOps: []string{"add_column"}},
		{Name: "set them", From: []string{table}, To: all, WantOps: []string{"alter_column", "alter_column"}},
		{Name: "reset them", From: all, To: []string{table}, WantOps: []string{"alter_column", "alter_column"}},
		{Name: "change them", From: all,
			To: []string{table, `ALTER TABLE ONLY t ALTER COLUMN body SET STORAGE MAIN`, `ALTER TABLE ONLY t ALTER COLUMN n SET STORAGE EXTERNAL`,
				`ALTER TABLE ONLY t ALTER COLUMN id SET STATISTICS 10`, `ALTER TABLE ONLY t ALTER COLUMN id SET (n_distinct_inherited=100, n_distinct=-0.25)`},
			WantOps: []string{"alter_column", "alter_column", "alter_column"}},
		{Name: "on a partitioned table, its partitions' storage too", From: parted,
			To:      append(slices.Clone(parted), `ALTER TABLE p ALTER COLUMN b SET STORAGE EXTERNAL`, `ALTER TABLE ONLY p ALTER COLUMN b SET STATISTICS 100`),
			WantOps: []string{"alter_column"}},
		{Name: "on an inherited table, its child's storage too", From: inherited,
			To:      append(slices.Clone(inherited), `ALTER TABLE q ALTER COLUMN b SET STORAGE MAIN`, `ALTER TABLE ONLY q ALTER COLUMN b SET (n_distinct=7)`),
			WantOps: []string{"alter_column"}},
		{Name: "keep them through a type change", From: []string{`CREATE TABLE t (body varchar(10))`,
			`ALTER TABLE ONLY t ALTER COLUMN body SET STORAGE MAIN`, `ALTER TABLE ONLY t ALTER COLUMN body SET STATISTICS 50`},
			To: []string{`CREATE TABLE t (body text)`, `ALTER TABLE ONLY t ALTER COLUMN body SET STORAGE MAIN`,
				`ALTER TABLE ONLY t ALTER COLUMN body SET STATISTICS 50`},
			WantOps: []string{"alter_column"}},
	})
}

// TestColumnAttributesInspect: the attributes are read from the one
// columns query as the model spells them; a storage that is the type's
// own (SET STORAGE EXTENDED on text) is none.
func TestColumnAttributesInspect(t *testing.T) {
	db := dbtest.Postgres(t)
	dbtest.Exec(t, db, `CREATE TABLE t (a text, b text, c integer)`,
		`ALTER TABLE t ALTER COLUMN a SET STORAGE EXTERNAL, ALTER COLUMN a SET COMPRESSION pglz`,
		`ALTER TABLE t ALTER COLUMN b SET STORAGE EXTENDED, ALTER COLUMN b SET (n_distinct=-1)`,
		`ALTER TABLE t ALTER COLUMN c SET STATISTICS 0`)
	m := dialecttest.Inspect(t, postgres.Postgres{}, db.DB).MetaData
	tb := m.Table("", "t")
	require.NotNil(t, tb)
	a, b, c := tb.Column("a").Attributes, tb.Column("b").Attributes, tb.Column("c").Attributes
	assert.Equal(t, "external", a.Storage)
	assert.Equal(t, "pglz", a.Compression)
	assert.Nil(t, a.Statistics)
	assert.Equal(t, "", b.Storage)
	assert.Equal(t, []string{"n_distinct=-1"}, b.Options)
	require.NotNil(t, c.Statistics)
	assert.Equal(t, 0, *c.Statistics)
}
