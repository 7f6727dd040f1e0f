package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/stretchr/testify/require"
)

// TestDriver maps SQLAlchemy-style URLs to modernc.org/sqlite DSNs.
func TestDriver(t *testing.T) {
	t.Parallel()
	const defaults = "_pragma=foreign_keys%281%29&_pragma=busy_timeout%285000%29&_time_format=sqlite&_txlock=immediate"
	cases := []struct {
		url, dsn, err string
	}{
		{url: "sqlite:///app.db", dsn: "app.db?" + defaults},
		{url: "sqlite:///sub/dir/app.db", dsn: "sub/dir/app.db?" + defaults},
		{url: "sqlite:////abs/app.db", dsn: "/abs/app.db?" + defaults},
		{url: "sqlite://", dsn: "file::memory:?cache=shared&" + defaults},
		{url: "sqlite:///:memory:", dsn: "file::memory:?cache=shared&" + defaults},
		{url: "sqlite+pysqlite:///app.db", dsn: "app.db?" + defaults},
		{url: "sqlite:///app.db?_pragma=journal_mode(WAL)", dsn: "app.db?_pragma=journal_mode%28WAL%29&" + defaults},
		{url: "sqlite:///app.db?_pragma=foreign_keys(0)&_txlock=deferred",
			dsn: "app.db?_pragma=foreign_keys%280%29&_pragma=busy_timeout%285000%29&_time_format=sqlite&_txlock=deferred"},
		{url: "sqlite://host/app.db", err: "no host"},
		{url: "sqlite://user:secret@/app.db", err: "no host"},
	}
	for _, tc := range cases {
		t.Run(tc.url, func(t *testing.T) {
			t.Parallel()
			d, u, err := dialect.Open(tc.url)
			require.NoError(t, err)
			require.Equal(t, Name, d.Name())
			driver, dsn, err := d.Driver(u)
			if tc.err != "" {
				require.ErrorIs(t, err, dialect.ErrBadURL)
				require.ErrorContains(t, err, tc.err)
				require.NotContains(t, err.Error(), "secret")
				return
			}
			require.NoError(t, err)
			require.Equal(t, "sqlite", driver)
			require.Equal(t, tc.dsn, dsn)
		})
	}
}

// TestDriverOpens: the DSNs open, with foreign keys on; in memory, every
// connection of the pool sees the same database.
func TestDriverOpens(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, url := range []string{"sqlite:///rel.db", "sqlite:///" + filepath.Join(dir, "abs.db"), "sqlite://"} {
		d, u, err := dialect.Open(url)
		require.NoError(t, err)
		driver, dsn, err := d.Driver(u)
		require.NoError(t, err)
		db, err := sql.Open(driver, dsn)
		require.NoError(t, err)
		ctx := context.Background()
		c1, err := db.Conn(ctx)
		require.NoError(t, err)
		_, err = c1.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS seen (x INT)`)
		require.NoError(t, err)
		c2, err := db.Conn(ctx) // a second connection
		require.NoError(t, err)
		var fk, n int
		require.NoError(t, c2.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk))
		require.Equal(t, 1, fk, url)
		require.NoError(t, c2.QueryRowContext(ctx, `SELECT count(*) FROM seen`).Scan(&n), url)
		c1.Close()
		c2.Close()
		db.Close()
	}
	_, err := os.Stat(filepath.Join(dir, "rel.db"))
	require.NoError(t, err, "a relative path is relative to the working directory")
}

// TestQuoteIdent: any name stays one identifier.
func TestQuoteIdent(t *testing.T) {
	t.Parallel()
	require.Equal(t, `"a""b"`, sqliteDialect.QuoteIdent(`a"b`))
	require.Equal(t, `"x""; DROP TABLE t; --"`, sqliteDialect.QuoteIdent(`x"; DROP TABLE t; --`))
	require.Equal(t, "?", sqliteDialect.Placeholder(3))
}

// TestLiteral renders values as SQLite reads them back equal to bound ones.
func TestLiteral(t *testing.T) {
	t.Parallel()
	d, u, err := dialect.Open("sqlite:///" + filepath.Join(t.TempDir(), "lit.db"))
	require.NoError(t, err)
	driver, dsn, err := d.Driver(u)
	require.NoError(t, err)
	db, err := sql.Open(driver, dsn)
	require.NoError(t, err)
	defer db.Close()
	when := time.Date(2026, 11, 23, 21, 40, 0, 123456789, time.FixedZone("x", 3600))
	for _, v := range []any{nil, true, false, int64(-42), 3.5, "it's", `back\slash`, "nul\x00byte", "ünï😀", []byte{0, 1, 0xff}, when} {
		lit, err := sqliteDialect.Literal(v)
		require.NoError(t, err)
		var same bool
		require.NoError(t, db.QueryRow(`SELECT `+lit+` IS ?`, v).Scan(&same), lit)
		require.True(t, same, "%s is the bound %#v", lit, v)
	}
}

// TestTypeSQLRoundTrip: every canonical type renders to a declared type
// that reads back as itself.
func TestTypeSQLRoundTrip(t *testing.T) {
	t.Parallel()
	types := []metadata.Type{
		metadata.SmallIntType, metadata.IntegerType, metadata.BigIntType, metadata.BooleanType,
		metadata.VarcharType(20), metadata.CharType(2), metadata.TextType, metadata.NumericType(10, 2),
		metadata.NumericType(8, 0), metadata.NumericType(0, 0), metadata.RealType, metadata.DoubleType,
		metadata.DateType, metadata.TimeType, metadata.TimestampType, metadata.TimestampTZType,
		metadata.IntervalType, metadata.UUIDType, metadata.JSONType, metadata.JSONBType, metadata.BlobType,
		metadata.VarBinaryType(16),
	}
	for _, typ := range types {
		sql, err := sqliteDialect.TypeSQL(typ)
		require.NoError(t, err)
		require.Equal(t, typ, declaredType(sql), "%s renders as %s", typ, sql)
		require.Equal(t, typ, normalType(typ))
	}
	for text, want := range map[string]string{
		"mediumtext": "mediumtext", "int4": "integer", "datetime": "datetime", "character varying(5)": "varchar(5)",
	} {
		require.Equal(t, want, normalType(metadata.MustParseType(text)).String(), text)
	}
	v := metadata.TextType
	v.Variants = map[string]string{"sqlite": "CLOB", "mysql": "mediumtext"}
	sql, err := sqliteDialect.TypeSQL(v)
	require.NoError(t, err)
	require.Equal(t, "CLOB", sql)
	_, err = sqliteDialect.TypeSQL(metadata.NativeType(`int"; DROP TABLE t; --`))
	require.Error(t, err, "a native type cannot end the column definition")
}

// TestNormalizeAutoincrement: a bigint autoincrement key is INTEGER
// PRIMARY KEY AUTOINCREMENT on SQLite, and autoincrement elsewhere is
// dropped.
func TestNormalizeAutoincrement(t *testing.T) {
	t.Parallel()
	m := metadata.New()
	a := metadata.NewTable("a", &metadata.Column{Name: "id", Type: metadata.BigIntType, AutoIncrement: true, Comment: "dropped"})
	a.SetPrimaryKey("id")
	a.Comment = "dropped too"
	b := metadata.NewTable("b", &metadata.Column{Name: "x", Type: metadata.BigIntType, AutoIncrement: true},
		&metadata.Column{Name: "y", Type: metadata.BigIntType})
	b.SetPrimaryKey("x", "y")
	m.AddTable(a)
	m.AddTable(b)
	m.AddEnum("unused", "v")
	require.NoError(t, m.ApplyNamingConvention())
	n := sqliteDialect.Normalize(m)
	require.Equal(t, &metadata.Column{Name: "id", Type: metadata.IntegerType, AutoIncrement: true}, n.Tables[0].Columns[0])
	require.Empty(t, n.Tables[0].Comment)
	require.Equal(t, &metadata.Column{Name: "x", Type: metadata.BigIntType}, n.Tables[1].Columns[0])
	require.Empty(t, n.Enums, "an enum no column uses is kept nowhere")
	db := freshDB(t)
	create(t, db, m)
	requireSameModel(t, n, inspect(t, db).MetaData)
}

// TestLock: a second connection waits for the write lock up to the
// timeout, then fails with ErrLockTimeout.
func TestLock(t *testing.T) {
	t.Parallel()
	db := freshDB(t)
	ctx := context.Background()
	holder, err := db.Conn(ctx)
	require.NoError(t, err)
	defer holder.Close()
	waiter, err := db.Conn(ctx)
	require.NoError(t, err)
	defer waiter.Close()

	require.NoError(t, sqliteDialect.Lock(ctx, waiter, "migrate", time.Second), "free")
	_, err = holder.ExecContext(ctx, `BEGIN IMMEDIATE`)
	require.NoError(t, err)
	start := time.Now()
	err = sqliteDialect.Lock(ctx, waiter, "migrate", 200*time.Millisecond)
	require.True(t, errors.Is(err, dialect.ErrLockTimeout), "%v", err)
	require.GreaterOrEqual(t, time.Since(start), 150*time.Millisecond, "it waited")
	require.True(t, strings.Contains(err.Error(), "write lock"))
	_, err = holder.ExecContext(ctx, `COMMIT`)
	require.NoError(t, err)
	require.NoError(t, sqliteDialect.Lock(ctx, waiter, "migrate", time.Second))
	require.NoError(t, sqliteDialect.Unlock(ctx, waiter, "migrate"))
}

// TestAutoincrementKeyTakesReferringType: a smallint or bigint
// autoincrement key, created as INTEGER, reads back with the type of the
// columns that refer to it, so the reflected model stays valid.
func TestAutoincrementKeyTakesReferringType(t *testing.T) {
	t.Parallel()
	for _, typ := range []metadata.Type{metadata.SmallIntType, metadata.IntegerType, metadata.BigIntType} {
		m := metadata.New()
		p := metadata.NewTable("p", &metadata.Column{Name: "id", Type: typ, AutoIncrement: true})
		p.SetPrimaryKey("id")
		c := metadata.NewTable("c", metadata.NewColumn("p_id", typ))
		c.AddForeignKey([]string{"p_id"}, "p", []string{"id"})
		m.AddTable(p)
		m.AddTable(c)
		require.NoError(t, m.ApplyNamingConvention())
		n := sqliteDialect.Normalize(m)
		require.Equal(t, typ, n.Tables[0].Columns[0].Type)
		db := freshDB(t)
		create(t, db, m)
		got := inspect(t, db).MetaData
		requireSameModel(t, n, got)
		require.NoError(t, got.Validate())
	}
}
