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

// inheritsDDL uses table inheritance the ways sakila's legacy
// partitioning and hand-made hierarchies do: children with only a CHECK
// of their own, a child with columns of its own and a column merged into
// an inherited one (another default), two parents, and a grandchild.
var inheritsDDL = []string{
	`CREATE TABLE payment (id serial NOT NULL, amount numeric(5,2) NOT NULL, note text DEFAULT 'x', PRIMARY KEY (id))`,
	`CREATE TABLE payment_2007 (CONSTRAINT payment_2007_id_check CHECK (id > 0)) INHERITS (payment)`,
	`CREATE INDEX payment_2007_amount ON payment_2007 (amount)`,
	`CREATE TABLE payment_2008 (note text DEFAULT 'y', extra integer) INHERITS (payment)`,
	`CREATE TABLE audited (changed_at timestamp)`,
	`CREATE TABLE payment_audited () INHERITS (payment, audited)`,
	`CREATE TABLE payment_2007_q1 () INHERITS (payment_2007)`,
}

// TestInheritsRoundTrip: inheriting tables are inspected as they are (no
// warning; a child holds only its own columns and checks), written to
// schema.yaml and read back, created into an empty database in order, and
// the two pg_dump --schema-only are equal; rows inserted into a child are
// the parent's; an up-to-date database has nothing to change, and a
// changed parent list is refused with what to do instead.
func TestInheritsRoundTrip(t *testing.T) {
	d := postgres.Postgres{}
	src := dbtest.Postgres(t)
	dbtest.Exec(t, src, inheritsDDL...)
	in := dialecttest.Inspect(t, d, src.DB)
	for _, w := range in.Warnings {
		assert.NotContains(t, w, "inherit", "inheritance is modelled")
	}
	m := in.MetaData
	for _, tc := range []struct {
		table    string
		inherits []metadata.Inherit
		own      []string
		checks   int
	}{
		{"payment", nil, []string{"id", "amount", "note"}, 0},
		{"payment_2007", []metadata.Inherit{{Table: "payment"}}, nil, 1},
		{"payment_2008", []metadata.Inherit{{Table: "payment"}}, []string{"note", "extra"}, 0},
		{"payment_audited", []metadata.Inherit{{Table: "payment"}, {Table: "audited"}}, nil, 0},
		{"payment_2007_q1", []metadata.Inherit{{Table: "payment_2007"}}, nil, 0},
	} {
		tb := m.Table("", tc.table)
		require.NotNil(t, tb, tc.table)
		assert.Equal(t, tc.inherits, tb.Inherits, tc.table)
		var own []string
		for _, c := range tb.Columns {
			own = append(own, c.Name)
		}
		assert.Equal(t, tc.own, own, "%s: its own columns", tc.table)
		assert.Len(t, tb.Checks, tc.checks, "%s: an inherited check is the parent's", tc.table)
	}
	assert.Len(t, m.ColumnsOf(m.Table("", "payment_audited")), 4, "payment's three and audited's one")

	text, err := metadata.Write(m)
	require.NoError(t, err)
	back, err := metadata.Read("schema.yaml", text)
	require.NoError(t, err, "the written schema.yaml reads back:\n%s", text)
	require.NoError(t, back.Validate())

	dst := dbtest.Postgres(t)
	dialecttest.PlanAndExec(t, d, dst.DB, metadata.New(), dialect.CreateOps(back)...)
	require.Equal(t, dbtest.SchemaDump(t, src), dbtest.SchemaDump(t, dst))

	dbtest.Exec(t, dst, `INSERT INTO payment_2007_q1 (amount) VALUES (1)`, `INSERT INTO payment_2008 (amount) VALUES (2)`)
	assert.Equal(t, []string{"payment_2007_q1 1 x", "payment_2008 2 y"},
		dbtest.Lines(t, dst.DB, `SELECT tableoid::regclass::text || ' ' || id || ' ' || note FROM payment ORDER BY id`))

	res, err := autogen.Compare(back, dialecttest.Inspect(t, d, dst.DB).MetaData, d, autogen.Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Ops)

	dbtest.Exec(t, dst, `ALTER TABLE payment_audited NO INHERIT audited`)
	_, err = autogen.Compare(back, dialecttest.Inspect(t, d, dst.DB).MetaData, d, autogen.Options{})
	require.ErrorIs(t, err, autogen.ErrInheritsChanged)
	assert.ErrorContains(t, err, "inherits payment, audited in the schema, payment in the database")
}

// TestInheritsAlteredColumn: a child whose inherited column was changed
// on the child alone (ALTER TABLE ONLY child ALTER COLUMN ... SET DEFAULT)
// keeps that column as its own in the model, so the rebuilt child has the
// same default (declared in the child, which PostgreSQL merges into the
// inherited column: pg_dump then writes it in the child's CREATE TABLE
// rather than as an ALTER TABLE ONLY).
func TestInheritsAlteredColumn(t *testing.T) {
	d := postgres.Postgres{}
	src := dbtest.Postgres(t)
	dbtest.Exec(t, src, `CREATE TABLE p (id integer NOT NULL, note text DEFAULT 'x')`, `CREATE TABLE c () INHERITS (p)`,
		`ALTER TABLE ONLY c ALTER COLUMN note SET DEFAULT 'z'`, `ALTER TABLE ONLY c ALTER COLUMN note SET NOT NULL`)
	m := dialecttest.Inspect(t, d, src.DB).MetaData
	c := m.Table("", "c")
	require.Len(t, c.Columns, 1)
	assert.Equal(t, &metadata.Column{Name: "note", Type: c.Columns[0].Type, Default: "'z'"}, c.Columns[0])
	dst := dbtest.Postgres(t)
	dialecttest.PlanAndExec(t, d, dst.DB, metadata.New(), dialect.CreateOps(m)...)
	dbtest.Exec(t, dst, `INSERT INTO c (id) VALUES (1)`)
	assert.Equal(t, []string{"z"}, dbtest.Lines(t, dst.DB, `SELECT note FROM p`))
	assert.Equal(t, []string{"id", "note"}, dbtest.Lines(t, dst.DB, `SELECT attname FROM pg_attribute WHERE attrelid = 'c'::regclass AND attnum > 0 ORDER BY attnum`))
	res, err := autogen.Compare(m, dialecttest.Inspect(t, d, dst.DB).MetaData, d, autogen.Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Ops)
}
