package autogen_test

import "testing"

// sqliteSame are spellings SQLite users meet that mean the same (the
// issue's examples and Alembic's #634: func.now() vs (CURRENT_TIMESTAMP)).
var sqliteSame = []equivCase{
	{"default", "INTEGER", "TRUE", "1"},
	{"default", "INTEGER", "FALSE", "0"},
	{"default", "BOOLEAN", "1", "TRUE"},
	{"default", "BOOLEAN", "0", "false"},
	{"default", "INTEGER", "'0'", "0"},
	{"default", "INTEGER", "0", "'0'"},
	{"default", "INTEGER", "'007'", "7"},
	{"default", "REAL", "'1.5'", "1.5"},
	{"default", "NUMERIC", "1.50", "1.5"},
	{"default", "TEXT", "0", "'0'"},
	{"default", "DATETIME", "(CURRENT_TIMESTAMP)", "CURRENT_TIMESTAMP"},
	{"default", "DATETIME", "CURRENT_TIMESTAMP", "(datetime('now'))"},
	{"default", "DATE", "(date('now'))", "current_date"},
	{"default", "TEXT", "'abc'", "('abc')"},
	{"default", "TEXT", "'it''s'", "('it''s')"},
	{"default", "TEXT", "NULL", ""},
	{"default", "INTEGER", "(0)", "0"},
	{"default", "INTEGER", "-1", "(-1)"},
	{"default", "TEXT", "(lower('X'))", "LOWER('X')"},
	{"default", "INTEGER", "(random())", "RANDOM()"},
	{"default", "TEXT", "(strftime('%s', 'now'))", "strftime('%s','now')"},
	{"check", "TEXT", "c IN ('a', 'b')", "c in ('b', 'a')"},
	{"check", "INTEGER", "c > 0", "(c > 0)"},
	{"check", "INTEGER", "c == 1", "c = 1"},
	{"check", "INTEGER", "c != 1", "c <> 1"},
	{"check", "INTEGER", `"c" > 0`, "c > 0"},
	{"check", "INTEGER", "[c] > 0", "C > 0"},
	{"check", "TEXT", "length(c) > 2", "LENGTH(c)>2"},
	{"check", "TEXT", "c IS NOT NULL", "(c is not null)"},
	{"check", "INTEGER", "c BETWEEN 1 AND 5", "c >= 1 AND c <= 5"},
	{"check", "INTEGER", "c = TRUE", "c = 1"},
	{"check", "TEXT", "c GLOB 'a*'", "c glob 'a*'"},
	{"check", "INTEGER", "typeof(c) = 'integer'", "TYPEOF(c)='integer'"},
	{"check", "TEXT", "json_valid(c)", "JSON_VALID(c)"},
	{"check", "INTEGER", "c > 0 AND c < 10", "((c > 0) AND (c < 10))"},
	{"index", "TEXT", "lower(c)", "LOWER(c)"},
	{"index", "INTEGER", "c + 1", "(c+1)"},
	{"where", "TEXT", "c IS NOT NULL", "(c is not null)"},
	{"where", "INTEGER", "c > 0", "c>0"},
	{"where", "INTEGER", "c IN (1, 2)", "c IN (2, 1)"},
	{"type", "", "INTEGER", "integer"},
	{"type", "", "TEXT", "text"},
	{"type", "", "NVARCHAR(120)", "varchar(120)"},
	{"type", "", "NCHAR(2)", "char(2)"},
}

// sqliteDifferent are real changes: each must still be reported.
var sqliteDifferent = []equivCase{
	{"default", "INTEGER", "0", "1"},
	{"default", "TEXT", "'a'", "'b'"},
	{"default", "INTEGER", "TRUE", "FALSE"},
	{"default", "DATETIME", "CURRENT_TIMESTAMP", "CURRENT_DATE"},
	{"default", "BOOLEAN", "1", "'true'"},
	{"default", "DATETIME", "(datetime('now'))", "(datetime('now', 'localtime'))"},
	{"default", "INTEGER", "(random())", "0"},
	{"default", "INTEGER", "0", ""},
	{"default", "TEXT", "'a'", "'A'"},
	{"check", "INTEGER", "c > 0", "c >= 0"},
	{"check", "TEXT", "c IN ('a', 'b')", "c IN ('a', 'c')"},
	{"check", "INTEGER", "c > 0 AND c < 10", "c > 0 OR c < 10"},
	{"check", "TEXT", "lower(c) = c", "upper(c) = c"},
	{"check", "TEXT", "c IS NULL", "c IS NOT NULL"},
	{"check", "INTEGER", "c * 2 + 1 > 0", "c * (2 + 1) > 0"},
	{"index", "TEXT", "lower(c)", "upper(c)"},
	{"index", "INTEGER", "c + 1", "c + 2"},
	{"where", "INTEGER", "c > 0", "c > 1"},
	{"where", "INTEGER", "c IS NULL", "c IS NOT NULL"},
	{"type", "", "INTEGER", "text"},
	{"type", "", "REAL", "integer"},
	{"type", "", "NVARCHAR(120)", "varchar(200)"},
}

func TestEquivalenceCorpusSQLite(t *testing.T) {
	runCorpus(t, beds[0], sqliteSame, sqliteDifferent)
}
