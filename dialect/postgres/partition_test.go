package postgres_test

import (
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

// partitionsDDL partitions tables every way PostgreSQL can: by range
// (with a default partition and a sub-partitioned one), by list and by
// hash; with a key and an index on the parent, which every partition
// inherits, and a partition with an index and a foreign key of its own.
var partitionsDDL = []string{
	`CREATE TABLE customer (id integer PRIMARY KEY)`,
	`CREATE TABLE payment (id integer NOT NULL, customer_id integer NOT NULL, paid_at timestamptz NOT NULL, amount numeric(5,2),
	   PRIMARY KEY (id, paid_at)) PARTITION BY RANGE (paid_at)`,
	`CREATE INDEX payment_customer ON payment (customer_id)`,
	`COMMENT ON TABLE payment IS 'one row per payment'`,
	`CREATE TABLE payment_2022_01 PARTITION OF payment FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2022-02-01 00:00:00+00')`,
	`CREATE TABLE payment_2022_02 PARTITION OF payment FOR VALUES FROM ('2022-02-01 00:00:00+00') TO ('2022-03-01 00:00:00+00')
	   PARTITION BY HASH (id)`,
	`CREATE TABLE payment_2022_02_h0 PARTITION OF payment_2022_02 FOR VALUES WITH (MODULUS 2, REMAINDER 0)`,
	`CREATE TABLE payment_2022_02_h1 PARTITION OF payment_2022_02 FOR VALUES WITH (MODULUS 2, REMAINDER 1)`,
	`CREATE TABLE payment_rest PARTITION OF payment DEFAULT`,
	`CREATE INDEX payment_2022_01_amount ON payment_2022_01 (amount)`,
	`ALTER TABLE payment_2022_01 ADD CONSTRAINT payment_2022_01_customer FOREIGN KEY (customer_id) REFERENCES customer (id)`,
	`CREATE TABLE store (region text NOT NULL, name text) PARTITION BY LIST (region)`,
	`CREATE TABLE store_eu PARTITION OF store FOR VALUES IN ('eu', 'EU')`,
	`CREATE TABLE store_us PARTITION OF store FOR VALUES IN ('us')`,
}

// TestPartitionsRoundTrip: partitioned tables and their partitions are
// inspected as they are (no warning), created into an empty database in
// order, and the two databases' pg_dump --schema-only are equal; the
// rebuilt one routes rows as the original; an up-to-date database has
// nothing to change.
func TestPartitionsRoundTrip(t *testing.T) {
	d := postgres.Postgres{}
	src := dbtest.Postgres(t)
	dbtest.Exec(t, src, partitionsDDL...)
	in := dialecttest.Inspect(t, d, src.DB)
	for _, w := range in.Warnings {
		assert.NotContains(t, w, "partition", "partitioning is modelled")
	}
	pay := in.MetaData.Table("", "payment_2022_01")
	require.NotNil(t, pay)
	assert.Equal(t, "RANGE (paid_at)", in.MetaData.Table("", "payment").PartitionBy)
	assert.Equal(t, &metadata.PartitionOf{Table: "payment", Bound: "FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2022-02-01 00:00:00+00')"}, pay.PartitionOf)
	assert.Empty(t, pay.Columns, "a partition's columns are its parent's")
	assert.Len(t, pay.Indexes, 1, "the inherited index is the parent's")
	assert.Len(t, pay.ForeignKeys, 1)
	assert.Nil(t, pay.PrimaryKey, "the inherited key is the parent's")

	text, err := metadata.Write(in.MetaData)
	require.NoError(t, err)
	back, err := metadata.Read("schema.yaml", text)
	require.NoError(t, err, "the written schema.yaml reads back")

	dst := dbtest.Postgres(t)
	dialecttest.PlanAndExec(t, d, dst.DB, metadata.New(), dialect.CreateOps(back)...)
	require.Equal(t, dbtest.SchemaDump(t, src), dbtest.SchemaDump(t, dst))

	dbtest.Exec(t, dst, `INSERT INTO customer VALUES (1)`,
		`INSERT INTO payment VALUES (1, 1, '2022-01-05', 1), (2, 1, '2022-02-05', 2), (3, 1, '2022-02-06', 3), (4, 1, '2030-01-01', 4)`)
	got := dbtest.Lines(t, dst.DB, `SELECT tableoid::regclass::text || ' ' || id FROM payment ORDER BY id`)
	assert.Equal(t, "payment_2022_01 1", got[0])
	assert.True(t, strings.HasPrefix(got[1], "payment_2022_02_h"), got[1])
	assert.Equal(t, "payment_rest 4", got[3])

	res, err := autogen.Compare(back, dialecttest.Inspect(t, d, dst.DB).MetaData, d, autogen.Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Ops)
}

// TestPartitionChanges: autogenerate adds a partition (with an index of
// its own) and drops one, a new partitioned table comes with its
// partitions; upgrade, downgrade and upgrade again give the databases'
// dumps at each step, the rows of the kept partitions kept. A changed
// bound or key is refused with what to do instead, and nothing planned.
func TestPartitionChanges(t *testing.T) {
	d := postgres.Postgres{}
	base := []string{
		`CREATE TABLE m (id integer NOT NULL, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)`,
		`CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`,
		`CREATE TABLE m_2025 PARTITION OF m FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')`,
	}
	from := dbtest.Postgres(t)
	dbtest.Exec(t, from, base...)
	dbtest.Exec(t, from, `INSERT INTO m VALUES (1, '2024-03-01'), (2, '2025-03-01')`)
	toDDL := []string{base[0], base[2],
		`CREATE TABLE m_2026 PARTITION OF m FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')`,
		`CREATE INDEX m_2026_id ON m_2026 (id)`,
		`CREATE TABLE l (k text NOT NULL) PARTITION BY LIST (k)`,
		`CREATE TABLE l_a PARTITION OF l FOR VALUES IN ('a')`}
	to := dbtest.Postgres(t)
	dbtest.Exec(t, to, toDDL...)
	before := dbtest.SchemaDump(t, from)
	cur := dialecttest.Inspect(t, d, from.DB).MetaData
	res, err := autogen.Compare(dialecttest.Inspect(t, d, to.DB).MetaData, cur, d, autogen.Options{})
	require.NoError(t, err)
	var names []string
	for _, o := range res.Ops {
		names = append(names, autogen.Describe(o))
	}
	t.Log(strings.Join(names, "\n"))
	require.Len(t, res.Ops, 4, "create m_2026, l, l_a; drop m_2024")
	dialecttest.PlanAndExec(t, d, from.DB, cur, res.Ops...)
	assert.Equal(t, dbtest.SchemaDump(t, to), dbtest.SchemaDump(t, from), "upgraded")
	assert.Equal(t, []string{"2"}, dbtest.Lines(t, from.DB, `SELECT id::text FROM m`))

	down, err := autogen.Downgrade(res.Ops)
	require.NoError(t, err)
	dialecttest.PlanAndExec(t, d, from.DB, dialecttest.Inspect(t, d, from.DB).MetaData, down...)
	assert.Equal(t, before, dbtest.SchemaDump(t, from), "downgraded")
	dialecttest.PlanAndExec(t, d, from.DB, dialecttest.Inspect(t, d, from.DB).MetaData, res.Ops...)
	assert.Equal(t, dbtest.SchemaDump(t, to), dbtest.SchemaDump(t, from), "upgraded again")

	for _, tc := range []struct{ name, ddl, want string }{
		{"bound", `ALTER TABLE m DETACH PARTITION m_2025; ALTER TABLE m ATTACH PARTITION m_2025 FOR VALUES FROM ('2025-01-01') TO ('2025-07-01')`,
			"table m_2025: partitioning changed: partition_of m FOR VALUES FROM ('2025-01-01') TO ('2025-07-01') in the schema"},
		{"key", `DROP TABLE l; CREATE TABLE l (k text NOT NULL) PARTITION BY HASH (k); CREATE TABLE l_a PARTITION OF l FOR VALUES WITH (MODULUS 1, REMAINDER 0)`,
			"table l: partitioning changed: partition_by HASH (k) in the schema, LIST (k) in the database"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			changed := dbtest.Postgres(t)
			dbtest.Exec(t, changed, toDDL...)
			dbtest.Exec(t, changed, tc.ddl)
			_, err := autogen.Compare(dialecttest.Inspect(t, d, changed.DB).MetaData, dialecttest.Inspect(t, d, to.DB).MetaData, d, autogen.Options{})
			require.ErrorIs(t, err, autogen.ErrPartitionChanged)
			assert.ErrorContains(t, err, tc.want)
		})
	}
}
