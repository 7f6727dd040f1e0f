package autogen_test

import "testing"

// mysqlSame are spellings MySQL/MariaDB users meet that mean the same
// (Alembic's #605 Boolean vs TINYINT(1), #968 MariaDB JSON as LONGTEXT
// with a json_valid check, #1177 quotes and backslashes,
// CURRENT_TIMESTAMP(6) and datetime precision).
var mysqlSame = []equivCase{
	{"default", "datetime", "CURRENT_TIMESTAMP", "now()"},
	{"default", "timestamp", "current_timestamp()", "CURRENT_TIMESTAMP"},
	{"default", "datetime(6)", "CURRENT_TIMESTAMP(6)", "now(6)"},
	{"default", "datetime(6)", "now(6)", "CURRENT_TIMESTAMP(6)"},
	{"default", "timestamp", "CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP", "now() ON UPDATE now()"},
	{"default", "date", "curdate()", "CURRENT_DATE"},
	{"default", "int", "'0'", "0"},
	{"default", "int", "0", "'0'"},
	{"default", "int", "(-1)", "-1"},
	{"default", "tinyint(1)", "TRUE", "1"},
	{"default", "tinyint(1)", "FALSE", "0"},
	{"default", "boolean", "1", "true"},
	{"default", "decimal(10,2)", "'0.00'", "0"},
	{"default", "decimal(10,2)", "1.50", "1.5"},
	{"default", "varchar(20)", "'it''s'", `'it\'s'`},
	{"default", "varchar(20)", `'a\\b'`, `'a\\b'`},
	{"default", "varchar(20)", "0", "'0'"},
	{"default", "varchar(20)", "NULL", ""},
	{"default", "varchar(20)", "'abc'", "('abc')"},
	{"default", "varchar(36)", "(uuid())", "UUID()"},
	{"default", "varchar(20)", "(lower('X'))", "LOWER('X')"},
	{"default", "int", "(0)", "0"},
	{"check", "varchar(20)", "c IN ('a', 'b')", "c in ('b', 'a')"},
	{"check", "int", "c > 0", "(c > 0)"},
	{"check", "int", "`c` > 0", "c > 0"},
	{"check", "int", "c != 1", "c <> 1"},
	{"check", "varchar(20)", "length(c) > 2", "octet_length(c) > 2"},
	{"check", "int", "c BETWEEN 1 AND 5", "c >= 1 AND c <= 5"},
	{"check", "varchar(20)", "c IS NOT NULL", "(c is not null)"},
	{"check", "varchar(20)", "c LIKE 'a%'", "C like 'a%'"},
	{"check", "int", "c = TRUE", "c = 1"},
	{"check", "text", "json_valid(c)", "JSON_VALID(`c`)"},
	{"check", "varchar(20)", "c REGEXP '^a'", "c RLIKE '^a'"},
	{"check", "int", "c > 0 AND c < 10", "((c > 0) AND (c < 10))"},
	{"check", "int", "c % 2 = 0", "(c % 2) = 0"},
	{"check", "varchar(20)", "c <> ''", "c != ''"},
	{"type", "", "tinyint(1)", "boolean"},
	{"type", "", "int", "integer"},
	{"type", "", "int(11)", "integer"},
	{"type", "", "json", "json"},
	{"type", "", "decimal(10)", "numeric(10,0)"},
	{"type", "", "double", "double"},
}

// mysqlDifferent are real changes: each must still be reported.
var mysqlDifferent = []equivCase{
	{"default", "int", "0", "1"},
	{"default", "varchar(20)", "'a'", "'b'"},
	{"default", "datetime", "CURRENT_TIMESTAMP", ""},
	{"default", "timestamp", "CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP"},
	{"default", "tinyint(1)", "TRUE", "FALSE"},
	{"default", "decimal(10,2)", "1.5", "1.6"},
	{"default", "varchar(20)", "'a'", "'A'"},
	{"default", "varchar(20)", "'x'", "'x '"},
	{"default", "varchar(36)", "(uuid())", "(rand())"},
	{"check", "int", "c > 0", "c >= 0"},
	{"check", "varchar(20)", "c IN ('a', 'b')", "c IN ('a', 'c')"},
	{"check", "int", "c > 0 AND c < 10", "c > 0 OR c < 10"},
	{"check", "varchar(20)", "lower(c) = c", "upper(c) = c"},
	{"check", "varchar(20)", "c IS NULL", "c IS NOT NULL"},
	{"check", "int", "c * 2 + 1 > 0", "c * (2 + 1) > 0"},
	{"check", "int", "c > 0", ""},
	{"type", "", "varchar(100)", "varchar(200)"},
	{"type", "", "int", "bigint"},
	{"type", "", "decimal(10,2)", "numeric(10,3)"},
	{"type", "", "tinyint(1)", "smallint"},
	{"type", "", "text", "varchar(20)"},
}

func TestEquivalenceCorpusMySQL(t *testing.T) {
	runCorpus(t, beds[2], mysqlSame, mysqlDifferent)
}
