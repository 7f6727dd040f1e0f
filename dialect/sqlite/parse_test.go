package sqlite

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestParseCreateTable covers the parts of the grammar reflection relies on.
func TestParseCreateTable(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		sql  string
		want parsedTable
	}{
		{
			name: "column constraints lifted",
			sql:  `CREATE TABLE "a""b" (id INTEGER CONSTRAINT pk PRIMARY KEY ASC ON CONFLICT ROLLBACK AUTOINCREMENT, e TEXT UNIQUE NOT NULL DEFAULT 'x,)' CHECK (e <> ')'))`,
			want: parsedTable{
				Name: `a"b`,
				Columns: []parsedColumn{{Name: "id", Type: "INTEGER", AutoIncrement: true, Clauses: []string{"primary_key"}},
					{Name: "e", Type: "TEXT", Clauses: []string{"not_null", "default"}}},
				PrimaryKey: &parsedKey{Name: "pk", Columns: []string{"id"}},
				Uniques:    []parsedKey{{Columns: []string{"e"}}},
				Checks:     []parsedCheck{{Expr: "e <> ')'", Column: "e"}},
			},
		},
		{
			name: "table constraints, quoting, comments, options",
			sql: "CREATE TABLE IF NOT EXISTS main.[t] ( -- comment (\n" +
				"`x y` numeric ( 10 , 2 ) COLLATE nocase, \"z\" unsigned big int /* ) */,\n" +
				"CONSTRAINT \"fk\" FOREIGN KEY (\"x y\", z) REFERENCES p (a, b) ON UPDATE SET NULL ON DELETE NO ACTION MATCH FULL NOT DEFERRABLE,\n" +
				"CHECK ((z) > (0)), UNIQUE (z COLLATE binary DESC)) WITHOUT ROWID, STRICT",
			want: parsedTable{
				Name:    "t",
				Columns: []parsedColumn{{Name: "x y", Type: "numeric ( 10 , 2 )", Collate: "nocase"}, {Name: "z", Type: "unsigned big int"}},
				ForeignKeys: []parsedFK{{Name: "fk", Columns: []string{"x y", "z"}, RefTable: "p", RefColumns: []string{"a", "b"},
					OnUpdate: "set null", OnDelete: "no action"}},
				Checks:       []parsedCheck{{Expr: "(z) > (0)"}},
				Uniques:      []parsedKey{{Columns: []string{"z"}}},
				WithoutRowid: true,
				Strict:       true,
			},
		},
		{
			name: "generated column and references without columns",
			sql:  `CREATE TABLE t (a INT REFERENCES p DEFERRABLE INITIALLY DEFERRED, b INT GENERATED ALWAYS AS (a + 1) STORED, c AS (a * 2), d)`,
			want: parsedTable{
				Name: "t",
				Columns: []parsedColumn{{Name: "a", Type: "INT"}, {Name: "b", Type: "INT", Generated: true, GeneratedExpr: "a + 1"},
					{Name: "c", Generated: true, GeneratedExpr: "a * 2"}, {Name: "d"}},
				ForeignKeys: []parsedFK{{Columns: []string{"a"}, RefTable: "p", Deferrable: true, InitiallyDeferred: true}},
			},
		},
		{
			name: "virtual table",
			sql:  `CREATE VIRTUAL TABLE docs USING fts5(body, tokenize = 'porter')`,
			want: parsedTable{Name: "docs", Virtual: true},
		},
		{
			name: "clause order as written, unnamed keys",
			sql: `CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, a CHAR(1) DEFAULT 'Y' NOT NULL, ` +
				`b INT NULL DEFAULT 3, p INT, FOREIGN KEY (p) REFERENCES t (id))`,
			want: parsedTable{
				Name: "t",
				Columns: []parsedColumn{{Name: "id", Type: "INTEGER", AutoIncrement: true, Clauses: []string{"primary_key", "not_null"}},
					{Name: "a", Type: "CHAR(1)", Clauses: []string{"default", "not_null"}},
					{Name: "b", Type: "INT", Clauses: []string{"default"}}, {Name: "p", Type: "INT"}},
				PrimaryKey:  &parsedKey{Columns: []string{"id"}},
				ForeignKeys: []parsedFK{{Columns: []string{"p"}, RefTable: "t", RefColumns: []string{"id"}}},
			},
		},
		{
			name: "as select",
			sql:  `CREATE TEMP TABLE t AS SELECT 1 AS x`,
			want: parsedTable{Name: "t", AsSelect: true},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := parseCreateTable(tc.sql)
			require.NoError(t, err)
			require.Equal(t, tc.want, *got)
		})
	}
}

// TestParseCreateTableErrors: bad input is an error, not a panic.
func TestParseCreateTableErrors(t *testing.T) {
	t.Parallel()
	for _, sql := range []string{"", "CREATE", "CREATE TABLE", "CREATE TABLE t (", "CREATE TABLE t (a INT CHECK (a > 0)",
		"CREATE TABLE t (CONSTRAINT x)", "CREATE TABLE t (a) garbage", "SELECT 1", "CREATE TABLE t (a INT REFERENCES)"} {
		_, err := parseCreateTable(sql)
		require.ErrorIs(t, err, errSyntax, "%q", sql)
	}
}

// TestParseCreateIndex covers index keys: columns, expressions, partial.
func TestParseCreateIndex(t *testing.T) {
	t.Parallel()
	got, err := parseCreateIndex(`CREATE UNIQUE INDEX IF NOT EXISTS "ix" ON [t] ("a", b ASC, lower(c), d DESC, e COLLATE nocase) WHERE a > 0 AND (b IS NOT NULL)`)
	require.NoError(t, err)
	require.Equal(t, parsedIndex{Name: "ix", Table: "t", Unique: true, Where: "a > 0 AND (b IS NOT NULL)",
		Keys: []indexKey{{Column: "a"}, {Column: "b"}, {Expr: "lower(c)"}, {Expr: "d DESC"}, {Expr: "e COLLATE nocase"}}}, *got)
}

// TestIndexExprRoundTrip: an expression key renders as SQLite wants it and
// reads back as written.
func TestIndexExprRoundTrip(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"lower(a)":             "(lower(a))",
		"lower(a) DESC":        "(lower(a)) DESC",
		"a DESC":               "a DESC",
		`"a b" COLLATE nocase`: `"a b" COLLATE nocase`,
		"(a + b)":              "(a + b)",
		"a || b COLLATE x ASC": "(a || b) COLLATE x ASC",
	}
	for expr, sql := range cases {
		require.Equal(t, sql, indexExprSQL(expr), expr)
		ix, err := indexFromSQL(`CREATE INDEX i ON t (` + sql + `)`)
		require.NoError(t, err)
		require.Equal(t, normalIndexExpr(indexExprSQL(expr)), append(ix.Expressions, ix.Columns...)[0], expr)
	}
}

// FuzzParseCreateTable feeds the schema SQL readers anything: they never
// panic, and what createTableSQL-style text they accept they read whole.
// The seed corpus in testdata/fuzz runs with every go test.
func FuzzParseCreateTable(f *testing.F) {
	for _, s := range []string{
		`CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, "a""b" TEXT DEFAULT 'x' CHECK (length("a""b") > 0))`,
		"CREATE TABLE [t] (`a` INT, CONSTRAINT c FOREIGN KEY (a) REFERENCES p ON DELETE CASCADE)",
		`CREATE INDEX i ON t (lower(a) DESC, b) WHERE a IS NOT NULL`,
		`CREATE TABLE t (a /* unterminated`,
		`CREATE TABLE t (a TEXT DEFAULT 'unterminated`,
		`CREATE TABLE t (m TEXT CONSTRAINT "enum_mood" CHECK ("m" IN ('a', 'b')))`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sql string) {
		if pt, err := parseCreateTable(sql); err == nil {
			for _, ck := range pt.Checks {
				enumFromCheck(ck)
			}
			for _, c := range pt.Columns {
				declaredType(c.Type)
			}
		}
		if ix, err := parseCreateIndex(sql); err == nil && len(ix.Keys) == 0 {
			t.Errorf("an index without keys parsed: %q", sql)
		}
		normalDefault(sql)
		defaultSQL(sql)
		isConstantDefault(sql)
		normalIndexExpr(indexExprSQL(sql))
		renameIdent(sql, "a", "b")
	})
}
