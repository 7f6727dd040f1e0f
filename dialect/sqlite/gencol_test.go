package sqlite_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// generatedDDL is a table with a VIRTUAL and a STORED generated column, an
// index on one, written by hand.
var generatedDDL = []string{
	`CREATE TABLE items (id INTEGER NOT NULL, price NUMERIC(10,2), qty INTEGER,
		total NUMERIC GENERATED ALWAYS AS (price * qty) VIRTUAL,
		label TEXT GENERATED ALWAYS AS ('item-' || id) STORED,
		CONSTRAINT pk_items PRIMARY KEY (id))`,
	`CREATE INDEX ix_items_label ON items (label)`,
}

// TestGeneratedRoundTrip: generated columns are read with their
// expressions and kinds (no warning), created into an empty database with
// the same dump, and the up-to-date database compares equal.
func TestGeneratedRoundTrip(t *testing.T) {
	d := &sqlite.Dialect{}
	src := dbtest.SQLite(t)
	dbtest.Exec(t, src, generatedDDL...)
	in := dialecttest.Inspect(t, d, src.DB)
	assert.Empty(t, in.Warnings)
	items := in.MetaData.Table("", "items")
	require.NotNil(t, items)
	assert.Equal(t, &metadata.Generated{Expression: "price * qty"}, items.Column("total").Generated)
	assert.Equal(t, &metadata.Generated{Expression: "'item-' || id", Stored: true}, items.Column("label").Generated)

	dst := dbtest.SQLite(t)
	dialecttest.PlanAndExec(t, d, dst.DB, metadata.New(), dialect.CreateOps(in.MetaData)...)
	assert.Equal(t, dbtest.SchemaDump(t, src), dbtest.SchemaDump(t, dst))
	res, err := autogen.Compare(in.MetaData, dialecttest.Inspect(t, d, dst.DB).MetaData, d, autogen.Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Ops)
}

// TestGeneratedRecreate: changing another column's type recreates the
// table; the generated columns are kept, computed by the new table, and
// the rows are the same.
func TestGeneratedRecreate(t *testing.T) {
	d := &sqlite.Dialect{}
	db := dbtest.SQLite(t)
	dbtest.Exec(t, db, generatedDDL...)
	dbtest.Exec(t, db, `INSERT INTO items (id, price, qty) VALUES (1, 2.5, 4), (2, 1, 3)`)
	rows := `SELECT id || ' ' || price || ' ' || qty || ' ' || total || ' ' || label FROM items ORDER BY id`
	before := dbtest.Lines(t, db.DB, rows)
	cur := dialecttest.Inspect(t, d, db.DB).MetaData
	target := cur.Clone()
	target.Table("", "items").Column("qty").Type = metadata.BigIntType
	res, err := autogen.Compare(target, cur, d, autogen.Options{})
	require.NoError(t, err)
	require.Len(t, res.Ops, 1)
	stmts, err := d.Plan(cur, res.Ops)
	require.NoError(t, err)
	var copied string
	for _, s := range stmts {
		if strings.HasPrefix(s.SQL, "INSERT INTO \"_retort_tmp_items\"") {
			copied = s.SQL
		}
	}
	assert.NotContains(t, copied, "total", "the copy leaves the generated columns out")
	dialecttest.PlanAndExec(t, d, db.DB, cur, res.Ops...)
	assert.Equal(t, before, dbtest.Lines(t, db.DB, rows))
	after := dialecttest.Inspect(t, d, db.DB).MetaData.Table("", "items")
	assert.Equal(t, cur.Table("", "items").Column("label").Generated, after.Column("label").Generated)
	assert.Equal(t, metadata.BigIntType, after.Column("qty").Type)
}

// TestGeneratedBulkInsert: rows that carry a generated column's value (a
// dump of the table) load; the value is left out and computed.
func TestGeneratedBulkInsert(t *testing.T) {
	d := &sqlite.Dialect{}
	db := dbtest.SQLite(t)
	dbtest.Exec(t, db, generatedDDL...)
	cur := dialecttest.Inspect(t, d, db.DB).MetaData
	dialecttest.PlanAndExec(t, d, db.DB, cur, &ops.BulkInsert{TableRef: ops.TableRef{Table: "items"},
		Columns: []string{"id", "price", "qty", "total", "label"}, Rows: [][]any{{int64(1), int64(2), int64(3), int64(999), "wrong"}}})
	assert.Equal(t, []string{"1 2 3 6 item-1"},
		dbtest.Lines(t, db.DB, `SELECT id || ' ' || price || ' ' || qty || ' ' || total || ' ' || label FROM items`))
}

// TestGeneratedChanges: autogenerate adds, changes and drops generated
// columns; upgrade, downgrade, upgrade again, rows kept.
func TestGeneratedChanges(t *testing.T) {
	plain := `CREATE TABLE t (id INTEGER NOT NULL, a INTEGER, PRIMARY KEY (id))`
	with := func(g string) string {
		return `CREATE TABLE t (id INTEGER NOT NULL, a INTEGER, g INTEGER GENERATED ALWAYS AS (` + g + `, PRIMARY KEY (id))`
	}
	dialecttest.RunChanges(t, &sqlite.Dialect{}, dbtest.SQLite, []dialecttest.Change{
		{Name: "virtual column added", From: []string{plain}, To: []string{with("a * 2) VIRTUAL")},
			Setup: []string{`INSERT INTO t VALUES (1, 5)`}, WantOps: []string{"add_column"},
			Query: `SELECT id || ' ' || a || ' ' || g FROM t`, Rows: []string{"1 5 10"}},
		{Name: "stored column added", From: []string{plain}, To: []string{with("a * 2) STORED")},
			Setup: []string{`INSERT INTO t VALUES (1, 5)`}, WantOps: []string{"add_column"},
			Query: `SELECT id || ' ' || a || ' ' || g FROM t`, Rows: []string{"1 5 10"}},
		{Name: "expression changed", From: []string{with("a * 2) STORED")}, To: []string{with("a * 3) STORED")},
			Setup: []string{`INSERT INTO t (id, a) VALUES (1, 5)`}, WantOps: []string{"alter_column"},
			Query: `SELECT id || ' ' || a || ' ' || g FROM t`, Rows: []string{"1 5 15"}},
		{Name: "generated column dropped", From: []string{with("a * 2) VIRTUAL")}, To: []string{plain},
			Setup: []string{`INSERT INTO t (id, a) VALUES (1, 5)`}, WantOps: []string{"drop_column"},
			Query: `SELECT id || ' ' || a FROM t`, Rows: []string{"1 5"}},
	})
}
