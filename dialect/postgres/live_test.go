package postgres_test

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/metadata"
)

// TestLiteralRoundTrip is must-show 5 of issue 3 on a live server: each
// value written by CompileLiteral reads back equal to the same value bound
// as a parameter.
func TestLiteralRoundTrip(t *testing.T) {
	db := dbtest.Postgres(t)
	d := postgres.Postgres{}
	dbtest.Exec(t, db, `CREATE TABLE v (id integer PRIMARY KEY, s text, b bytea, ts timestamptz, f double precision, ok boolean)`)
	tm := time.Date(2024, 2, 29, 13, 14, 15, 123456000, time.FixedZone("", 5*3600+1800))
	rows := []struct {
		s  any
		b  []byte
		ts time.Time
		f  float64
		ok bool
	}{
		{"it's", []byte{0, 1, 0xff, '\''}, tm, 0.1, true},
		{`back\slash \' \\`, []byte(`\x00`), tm.UTC(), 1e300, false},
		{"x'); DROP TABLE v; --", nil, time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), -0.000123, true},
		{"ünï©ødé ✓ 😀 \u2028", []byte{}, tm, 3.141592653589793, false},
		{nil, []byte("bin"), tm, 0, true},
	}
	for i, r := range rows {
		sql, err := dialect.CompileLiteral(d, dialect.InsertInto(dialect.Table("v"), "id", "s", "b", "ts", "f", "ok").Values(i, r.s, r.b, r.ts, r.f, r.ok))
		require.NoError(t, err)
		dbtest.Exec(t, db, sql)
		var s *string
		var b []byte
		var ts time.Time
		var f float64
		var ok bool
		q, err := dialect.Compile(d, &dialect.Select{Table: dialect.Table("v"), Columns: []string{"s", "b", "ts", "f", "ok"}, Where: dialect.Eq("id", i)})
		require.NoError(t, err)
		require.NoError(t, db.QueryRowContext(t.Context(), q.SQL, q.Args...).Scan(&s, &b, &ts, &f, &ok))
		if r.s == nil {
			assert.Nil(t, s)
		} else {
			assert.Equal(t, r.s, *s)
		}
		assert.True(t, bytes.Equal(r.b, b), "bytes %x vs %x", r.b, b)
		assert.True(t, r.ts.Equal(ts), "time %v vs %v", r.ts, ts)
		assert.Equal(t, r.f, f)
		assert.Equal(t, r.ok, ok)
	}
	_, err := dialect.CompileLiteral(d, dialect.InsertInto(dialect.Table("v"), "s").Values("nul\x00"))
	require.ErrorIs(t, err, dialect.ErrLiteral)
	assert.Contains(t, err.Error(), "NUL")
}

func TestLock(t *testing.T) {
	db := dbtest.Postgres(t)
	d := postgres.Postgres{}
	ctx := t.Context()
	a, err := db.Conn(ctx)
	require.NoError(t, err)
	defer a.Close()
	b, err := db.Conn(ctx)
	require.NoError(t, err)
	defer b.Close()
	_, err = a.ExecContext(ctx, "SET application_name = 'runner-a'")
	require.NoError(t, err)

	require.NoError(t, d.Lock(ctx, a, "migrate_version", time.Second))
	start := time.Now()
	err = d.Lock(ctx, b, "migrate_version", 300*time.Millisecond)
	require.Error(t, err)
	assert.True(t, errors.Is(err, dialect.ErrLockTimeout))
	assert.GreaterOrEqual(t, time.Since(start), 300*time.Millisecond)
	assert.Contains(t, err.Error(), "runner-a")
	assert.Contains(t, err.Error(), "pid ")

	// Released while b waits: b gets it.
	var wg sync.WaitGroup
	wg.Add(1)
	var lockErr error
	go func() { defer wg.Done(); lockErr = d.Lock(ctx, b, "migrate_version", 5*time.Second) }()
	time.Sleep(200 * time.Millisecond)
	require.NoError(t, d.Unlock(ctx, a, "migrate_version"))
	wg.Wait()
	require.NoError(t, lockErr)
	require.NoError(t, d.Unlock(ctx, b, "migrate_version"))
	err = d.Unlock(ctx, b, "migrate_version")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "did not hold it")
}

// TestInspectNativeSpellings is must-show 3 of issue 4: tables written by
// hand in PostgreSQL's own spellings read back as canonical types and
// defaults; unmodelled objects give one warning each.
func TestInspectNativeSpellings(t *testing.T) {
	db := dbtest.Postgres(t)
	dbtest.Exec(t, db,
		`CREATE TYPE "Mood" AS ENUM ('ok', 'meh')`,
		`CREATE TABLE hand (
			a serial PRIMARY KEY,
			b bigserial,
			c int4 NOT NULL DEFAULT '-1',
			d character varying(30) DEFAULT 'x'::text,
			e timestamp with time zone DEFAULT now(),
			f timestamp without time zone DEFAULT CURRENT_TIMESTAMP,
			g float8, h float4, i int2, j bool DEFAULT TRUE, k decimal(9,3) DEFAULT 1.5,
			l bytea, m "Mood" DEFAULT 'ok', n character(4), o int[], p inet,
			q bigint GENERATED ALWAYS AS IDENTITY, r numeric, s time, t json, u jsonb, v uuid, w interval)`,
		`CREATE VIEW hand_view AS SELECT a FROM hand`,
		`CREATE SEQUENCE lonely_seq`,
		`CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'`,
		`CREATE DOMAIN posint AS integer CHECK (VALUE > 0)`,
	)
	in, err := postgres.Postgres{}.Inspect(t.Context(), db.DB, dialect.InspectOptions{})
	require.NoError(t, err)
	tb := in.MetaData.Table("", "hand")
	require.NotNil(t, tb)
	want := []struct {
		col, typ, def string
		auto          bool
	}{
		{"a", "integer", "", true}, {"b", "bigint", "", true}, {"c", "integer", "-1", false},
		{"d", "varchar(30)", "'x'", false}, {"e", "timestamptz", "now()", false},
		{"f", "timestamp", "CURRENT_TIMESTAMP", false}, {"g", "double", "", false}, {"h", "real", "", false},
		{"i", "smallint", "", false}, {"j", "boolean", "true", false}, {"k", "numeric(9,3)", "1.5", false},
		{"l", "blob", "", false}, {"m", "enum(Mood)", "'ok'", false}, {"n", "char(4)", "", false},
		{"o", "integer[]", "", false}, {"p", "inet", "", false}, {"q", "bigint", "", true},
		{"r", "numeric", "", false}, {"s", "time", "", false}, {"t", "json", "", false},
		{"u", "jsonb", "", false}, {"v", "uuid", "", false}, {"w", "interval", "", false},
	}
	require.Len(t, tb.Columns, len(want))
	for i, w := range want {
		c := tb.Columns[i]
		assert.Equal(t, w.col, c.Name)
		assert.Equal(t, w.typ, c.Type.String(), w.col)
		assert.Equal(t, w.def, c.Default, w.col)
		assert.Equal(t, w.auto, c.AutoIncrement, w.col)
	}
	assert.Equal(t, &metadata.PrimaryKey{Name: "hand_pkey", Columns: []string{"a"}}, tb.PrimaryKey)
	warnings := strings.Join(in.Warnings, "\n")
	assert.NotContains(t, warnings, "function", "functions are modelled")
	assert.NotContains(t, warnings, "sequence", "sequences are modelled")
	assert.NotContains(t, warnings, "domain", "domains are modelled")
	assert.NotContains(t, warnings, "view", "views are modelled")
	assert.Empty(t, in.Warnings)
	require.NotNil(t, in.MetaData.Routine(metadata.KindFunction, "", "f", ""))
	require.NotNil(t, in.MetaData.View("", "hand_view"))
	require.Len(t, in.MetaData.Domains, 1)
	assert.Equal(t, &metadata.Domain{Name: "posint", Type: metadata.IntegerType,
		Checks: []*metadata.Check{{Name: "posint_check", Expression: "VALUE > 0"}}}, in.MetaData.Domains[0])
	// The serial column owns hand_a_seq (PostgreSQL's name: left unsaid);
	// the identity column is ALWAYS; lonely_seq is the schema's own.
	assert.Equal(t, metadata.IdentitySerial, tb.Column("a").Identity)
	assert.Nil(t, tb.Column("a").Sequence, "hand_a_seq is the name and type PostgreSQL gives a serial")
	assert.Equal(t, metadata.IdentityAlways, tb.Column("q").Identity)
	require.Len(t, in.MetaData.Sequences, 1)
	assert.Equal(t, &metadata.Sequence{Name: "lonely_seq"}, in.MetaData.Sequences[0])
}

func TestInspectPartitions(t *testing.T) {
	db := dbtest.Postgres(t)
	dbtest.Exec(t, db,
		`CREATE TABLE events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at)`,
		`CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`,
		`CREATE MATERIALIZED VIEW mv AS SELECT 1 AS one`)
	in, err := postgres.Postgres{}.Inspect(t.Context(), db.DB, dialect.InspectOptions{})
	require.NoError(t, err)
	require.Len(t, in.MetaData.Tables, 2)
	assert.Equal(t, "RANGE (at)", in.MetaData.Table("", "events").PartitionBy)
	assert.Equal(t, &metadata.PartitionOf{Table: "events", Bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"},
		in.MetaData.Table("", "events_2024").PartitionOf)
	assert.Empty(t, in.Warnings, "partitioning and materialized views are modelled")
	require.NotNil(t, in.MetaData.View("", "mv"))
}
