package dialect_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// stub is a dialect with only the expression core's parts: quoting,
// placeholders and literals. It stands in for no database.
type stub struct {
	quote  byte
	dollar bool
	lit    dialect.LiteralFormat
}

func (s stub) Name() string                                { return "stub" }
func (s stub) Schemes() []string                           { return nil }
func (s stub) Driver(*dialect.URL) (string, string, error) { return "", "", nil }
func (s stub) Capabilities() dialect.Capabilities          { return dialect.Capabilities{} }
func (s stub) QuoteIdent(n string) string                  { return dialect.QuoteWith(n, s.quote) }
func (s stub) Placeholder(n int) string {
	if s.dollar {
		return "$" + strconv.Itoa(n)
	}
	return "?"
}
func (s stub) Literal(v any) (string, error)         { return s.lit.Literal(v) }
func (s stub) TypeSQL(metadata.Type) (string, error) { return "", nil }
func (s stub) Plan(*metadata.MetaData, []ops.Op) ([]dialect.Statement, error) {
	return nil, nil
}
func (s stub) Inspect(context.Context, dialect.Queryer, dialect.InspectOptions) (*dialect.Inspection, error) {
	return nil, nil
}
func (s stub) Normalize(m *metadata.MetaData) *metadata.MetaData { return m }

var (
	pgLike    = stub{quote: '"', dollar: true, lit: dialect.LiteralFormat{Dialect: "stub"}}
	mysqlLike = stub{quote: '`', lit: dialect.LiteralFormat{Dialect: "stub", BackslashEscapes: true, NUL: `\0`, True: "1", False: "0"}}
)

func TestCompile(t *testing.T) {
	users := dialect.TableRef{Schema: "app", Table: "users"}
	tests := []struct {
		name     string
		d        stub
		stmt     dialect.Stmt
		wantSQL  string
		wantArgs []any
	}{
		{"insert", pgLike, dialect.InsertInto(users, "id", "name").Values(1, "a").Values(2, "b"),
			`INSERT INTO "app"."users" ("id", "name") VALUES ($1, $2), ($3, $4)`, []any{1, "a", 2, "b"}},
		{"insert question marks", mysqlLike, dialect.InsertInto(dialect.Table("t"), "a").Values("x"),
			"INSERT INTO `t` (`a`) VALUES (?)", []any{"x"}},
		{"update", pgLike, &dialect.Update{Table: dialect.Table("t"), Set: []dialect.Assignment{dialect.Set("a", 1), dialect.Set("b", nil)}, Where: dialect.Eq("id", 7)},
			`UPDATE "t" SET "a" = $1, "b" = $2 WHERE "id" = $3`, []any{1, nil, 7}},
		{"delete all", pgLike, &dialect.Delete{Table: dialect.Table("t")}, `DELETE FROM "t"`, nil},
		{"delete in", pgLike, &dialect.Delete{Table: dialect.Table("t"), Where: dialect.In("v", "a", "b")},
			`DELETE FROM "t" WHERE "v" IN ($1, $2)`, []any{"a", "b"}},
		{"delete in empty", pgLike, &dialect.Delete{Table: dialect.Table("t"), Where: dialect.In("v")},
			`DELETE FROM "t" WHERE 1 = 0`, nil},
		{"select", pgLike, &dialect.Select{Table: dialect.Table("t"), Columns: []string{"a", "b"},
			Where:   dialect.And(dialect.Ge("a", 1), dialect.Or(dialect.Eq("b", nil), dialect.Not(dialect.Lt("b", 3)))),
			OrderBy: []dialect.Order{dialect.Asc("a"), dialect.Desc("b")}, Limit: 10},
			`SELECT "a", "b" FROM "t" WHERE ("a" >= $1) AND (("b" IS NULL) OR (NOT ("b" < $2))) ORDER BY "a", "b" DESC LIMIT 10`, []any{1, 3}},
		{"select star", mysqlLike, &dialect.Select{Table: dialect.Table("t"), Where: dialect.Ne("a", nil)},
			"SELECT * FROM `t` WHERE `a` IS NOT NULL", nil},
		{"quoted names", pgLike, &dialect.Select{Table: dialect.Table(`x"; DROP TABLE t; --`), Columns: []string{`we"ird`}},
			`SELECT "we""ird" FROM "x""; DROP TABLE t; --"`, nil},
		{"backtick names", mysqlLike, &dialect.Select{Table: dialect.Table("x`; DROP TABLE t; --"), Columns: []string{"a"}},
			"SELECT `a` FROM `x``; DROP TABLE t; --`", nil},
		{"raw", pgLike, &dialect.Raw{SQL: "SELECT :a, ':b', \"c:d\", x::text, -- :e\n:a_2 /* :f */ $$ :g $$", Binds: map[string]any{"a": 1, "a_2": 2}},
			"SELECT $1, ':b', \"c:d\", x::text, -- :e\n$2 /* :f */ $$ :g $$", []any{1, 2}},
		{"raw repeated", mysqlLike, &dialect.Raw{SQL: "SELECT :v + :v", Binds: map[string]any{"v": 5}},
			"SELECT ? + ?", []any{5, 5}},
		{"raw verbatim", pgLike, &dialect.Raw{SQL: "SELECT a[1:n]"}, "SELECT a[1:n]", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := dialect.Compile(tc.d, tc.stmt)
			require.NoError(t, err)
			assert.Equal(t, tc.wantSQL, got.SQL)
			assert.Equal(t, tc.wantArgs, got.Args)
		})
	}
}

func TestCompileErrors(t *testing.T) {
	tests := []struct {
		name string
		stmt dialect.Stmt
		want string
	}{
		{"insert no rows", dialect.InsertInto(dialect.Table("t"), "a"), "needs columns and at least one row"},
		{"insert ragged", dialect.InsertInto(dialect.Table("t"), "a", "b").Values(1), "row 1 has 1 values for 2 columns"},
		{"update nothing", &dialect.Update{Table: dialect.Table("t")}, "sets nothing"},
		{"no table", &dialect.Delete{}, "without a table"},
		{"lt null", &dialect.Delete{Table: dialect.Table("t"), Where: dialect.Lt("a", nil)}, "never true"},
		{"missing bind", &dialect.Raw{SQL: "SELECT :a", Binds: map[string]any{}}, ":a, which has no value"},
		{"unused bind", &dialect.Raw{SQL: "SELECT 1", Binds: map[string]any{"zz": 1}}, "does not use bind(s) zz"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := dialect.Compile(pgLike, tc.stmt)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// nasty are values that would break or inject SQL if written into text.
var nasty = []any{
	"it's", `back\slash`, "x'); DROP TABLE t; --", "nul\x00byte", "ünï©ødé ✓", nil,
	[]byte{0, 1, 0xff, '\''}, time.Date(2024, 2, 29, 13, 14, 15, 123456000, time.FixedZone("", 5*3600+1800)),
	true, int64(-9223372036854775808), 3.141592653589793, float32(0.1), uint8(255),
}

// TestCompileNeverInlinesValues is must-show 5 of issue 3: without literal
// mode every value, however hostile, is an argument, never text.
func TestCompileNeverInlinesValues(t *testing.T) {
	for _, d := range []stub{pgLike, mysqlLike} {
		ins := dialect.InsertInto(dialect.Table("t"), "v")
		for _, v := range nasty {
			ins.Values(v)
		}
		stmt, err := dialect.Compile(d, ins)
		require.NoError(t, err)
		assert.Equal(t, nasty, stmt.Args)
		for _, bad := range []string{"'", `\`, "DROP", "\x00", "ü", "NULL", "2024", "TRUE", "3.14"} {
			assert.NotContains(t, stmt.SQL, bad)
		}
		where := &dialect.Delete{Table: dialect.Table("t"), Where: dialect.And(dialect.In("v", nasty...), dialect.Eq("w", "it's"))}
		stmt, err = dialect.Compile(d, where)
		require.NoError(t, err)
		assert.NotContains(t, stmt.SQL, "'")
		assert.Len(t, stmt.Args, len(nasty)+1)
	}
}

func TestLiteral(t *testing.T) {
	tm := time.Date(2024, 2, 29, 13, 14, 15, 123456000, time.FixedZone("", 5*3600+1800))
	tests := []struct {
		name       string
		v          any
		std, mysql string
	}{
		{"quote", "it's", `'it''s'`, `'it''s'`},
		{"backslash", `a\b`, `'a\b'`, `'a\\b'`},
		{"injection", "x'); DROP TABLE t; --", `'x''); DROP TABLE t; --'`, `'x''); DROP TABLE t; --'`},
		{"unicode", "ünï©ødé ✓ 😀", "'ünï©ødé ✓ 😀'", "'ünï©ødé ✓ 😀'"},
		{"empty", "", "''", "''"},
		{"null", nil, "NULL", "NULL"},
		{"true", true, "TRUE", "1"},
		{"false", false, "FALSE", "0"},
		{"int", -42, "-42", "-42"},
		{"int64 min", int64(-9223372036854775808), "-9223372036854775808", "-9223372036854775808"},
		{"uint64 max", uint64(18446744073709551615), "18446744073709551615", "18446744073709551615"},
		{"float exact", 0.1, "0.1", "0.1"},
		{"float32", float32(0.1), "0.1", "0.1"},
		{"float big", 1e300, "1e+300", "1e+300"},
		{"binary", []byte{0, 1, 0xff, '\''}, "X'0001ff27'", "X'0001ff27'"},
		{"time", tm, "'2024-02-29T13:14:15.123456+05:30'", "'2024-02-29T13:14:15.123456+05:30'"},
		{"time utc", time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), "'2000-01-01T00:00:00Z'", "'2000-01-01T00:00:00Z'"},
		{"json map", map[string]any{"a": "it's"}, `'{"a":"it''s"}'`, `'{"a":"it''s"}'`},
		{"stringer", time.Duration(90 * time.Second), "'1m30s'", "'1m30s'"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := pgLike.Literal(tc.v)
			require.NoError(t, err)
			assert.Equal(t, tc.std, got)
			got, err = mysqlLike.Literal(tc.v)
			require.NoError(t, err)
			assert.Equal(t, tc.mysql, got)
		})
	}
}

func TestLiteralErrors(t *testing.T) {
	for name, v := range map[string]any{"nul": "a\x00b", "nan": mathNaN(), "chan": make(chan int)} {
		t.Run(name, func(t *testing.T) {
			_, err := pgLike.Literal(v)
			require.Error(t, err)
			assert.True(t, errors.Is(err, dialect.ErrLiteral))
		})
	}
	got, err := mysqlLike.Literal("a\x00b")
	require.NoError(t, err)
	assert.Equal(t, `'a\0b'`, got)
}

func mathNaN() float64 { var z float64; return z / z }

func TestCompileLiteral(t *testing.T) {
	stmt := &dialect.Update{Table: dialect.Table("t"), Set: []dialect.Assignment{dialect.Set("a", "it's"), dialect.Set("b", nil)},
		Where: dialect.In("id", 1, 2)}
	got, err := dialect.CompileLiteral(pgLike, stmt)
	require.NoError(t, err)
	assert.Equal(t, `UPDATE "t" SET "a" = 'it''s', "b" = NULL WHERE "id" IN (1, 2)`, got)

	_, err = dialect.CompileLiteral(pgLike, dialect.InsertInto(dialect.Table("t"), "a").Values("\x00"))
	require.ErrorIs(t, err, dialect.ErrLiteral)
	assert.Contains(t, err.Error(), "NUL")

	raw, err := dialect.CompileLiteral(mysqlLike, &dialect.Raw{SQL: "INSERT INTO t VALUES (:v)", Binds: map[string]any{"v": `a\'b`}})
	require.NoError(t, err)
	assert.Equal(t, `INSERT INTO t VALUES ('a\\''b')`, raw)
	assert.False(t, strings.Contains(raw, "?"))
}
