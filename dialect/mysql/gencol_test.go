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
	"github.com/retortdb/retort/ops"
)

// generatedDDL is a table with a VIRTUAL and a STORED (PERSISTENT)
// generated column and an index on one, written by hand.
var generatedDDL = []string{
	"CREATE TABLE items (id int NOT NULL PRIMARY KEY, price decimal(10,2), qty int," +
		" total decimal(20,2) AS (price * qty) VIRTUAL," +
		" label varchar(40) GENERATED ALWAYS AS (concat('item-', id)) PERSISTENT COMMENT 'computed')",
	"CREATE INDEX ix_items_label ON items (label)",
}

// TestGeneratedRoundTrip: generated columns are read with their
// expressions and kinds (no warning), created into an empty database with
// the same mysqldump, and the up-to-date database compares equal.
func TestGeneratedRoundTrip(t *testing.T) {
	d := &mysql.Dialect{}
	src := dbtest.MySQL(t)
	dbtest.Exec(t, src, generatedDDL...)
	in := dialecttest.Inspect(t, d, src.DB)
	assert.Empty(t, in.Warnings)
	items := in.MetaData.Table("", "items")
	require.NotNil(t, items)
	assert.Equal(t, &metadata.Generated{Expression: "`price` * `qty`"}, items.Column("total").Generated)
	assert.Equal(t, &metadata.Generated{Expression: "concat('item-',`id`)", Stored: true}, items.Column("label").Generated)

	dst := dbtest.MySQL(t)
	dialecttest.PlanAndExec(t, d, dst.DB, metadata.New(), dialect.CreateOps(in.MetaData)...)
	assert.Equal(t, dbtest.SchemaDump(t, src), dbtest.SchemaDump(t, dst))
	res, err := autogen.Compare(in.MetaData, dialecttest.Inspect(t, d, dst.DB).MetaData, d, autogen.Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Ops)
}

// TestGeneratedBulkInsert: rows that carry a generated column's value (a
// dump of the table) load; the value is left out and computed.
func TestGeneratedBulkInsert(t *testing.T) {
	d := &mysql.Dialect{}
	db := dbtest.MySQL(t)
	dbtest.Exec(t, db, generatedDDL...)
	cur := dialecttest.Inspect(t, d, db.DB).MetaData
	dialecttest.PlanAndExec(t, d, db.DB, cur, &ops.BulkInsert{TableRef: ops.TableRef{Table: "items"},
		Columns: []string{"id", "price", "qty", "total", "label"}, Rows: [][]any{{int64(1), "2.50", int64(4), "999", "wrong"}}})
	assert.Equal(t, []string{"1 2.50 4 10.00 item-1"},
		dbtest.Lines(t, db.DB, `SELECT concat_ws(' ', id, price, qty, total, label) FROM items`))
}

// TestGeneratedChanges: autogenerate adds, changes (MODIFY) and drops
// generated columns; upgrade, downgrade, upgrade again, rows kept and
// generated values computed again.
func TestGeneratedChanges(t *testing.T) {
	plain := "CREATE TABLE t (id int NOT NULL PRIMARY KEY, a int)"
	with := func(g string) string {
		return "CREATE TABLE t (id int NOT NULL PRIMARY KEY, a int, g int AS (" + g + ")"
	}
	rows := "SELECT concat_ws(' ', id, a, g) FROM t"
	dialecttest.RunChanges(t, &mysql.Dialect{}, dbtest.MySQL, []dialecttest.Change{
		{Name: "virtual column added", From: []string{plain}, To: []string{with("a * 2) VIRTUAL")},
			Setup: []string{"INSERT INTO t VALUES (1, 5)"}, WantOps: []string{"add_column"}, Query: rows, Rows: []string{"1 5 10"}},
		{Name: "stored column added", From: []string{plain}, To: []string{with("a * 2) STORED")},
			Setup: []string{"INSERT INTO t VALUES (1, 5)"}, WantOps: []string{"add_column"}, Query: rows, Rows: []string{"1 5 10"}},
		{Name: "expression changed", From: []string{with("a * 2) STORED")}, To: []string{with("a * 3) STORED")},
			Setup: []string{"INSERT INTO t (id, a) VALUES (1, 5)"}, WantOps: []string{"alter_column"}, Query: rows, Rows: []string{"1 5 15"}},
		{Name: "stored to virtual", From: []string{with("a * 2) STORED")}, To: []string{with("a * 2) VIRTUAL")},
			Setup: []string{"INSERT INTO t (id, a) VALUES (1, 5)"}, WantOps: []string{"alter_column"}, Query: rows, Rows: []string{"1 5 10"}},
		{Name: "generated column dropped", From: []string{with("a * 2) VIRTUAL")}, To: []string{plain},
			Setup: []string{"INSERT INTO t (id, a) VALUES (1, 5)"}, WantOps: []string{"drop_column"},
			Query: "SELECT concat_ws(' ', id, a) FROM t", Rows: []string{"1 5"}},
	})
}

// TestNoDomainsNoExtensions: MySQL refuses domain and extension ops with
// the typed errors.
func TestNoDomainsNoExtensions(t *testing.T) {
	d := &mysql.Dialect{}
	_, err := d.Plan(metadata.New(), []ops.Op{&ops.CreateDomain{Domain: &metadata.Domain{Name: "year", Type: metadata.IntegerType}}})
	assert.ErrorIs(t, err, dialect.ErrNoDomains)
	_, err = d.Plan(metadata.New(), []ops.Op{&ops.CreateExtension{Extension: &metadata.Extension{Name: "citext"}}})
	assert.ErrorIs(t, err, dialect.ErrNoExtensions)
}
