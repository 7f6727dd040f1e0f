package autogen_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
)

// mysqlTypeCorpus are column types as people write them in MariaDB DDL
// (issue 22's must-show 2: at least 50). Each is created by plain SQL.
var mysqlTypeCorpus = []string{
	"tinyint", "tinyint(1)", "tinyint(2)", "tinyint unsigned", "tinyint(1) unsigned", "tinyint(3) zerofill",
	"smallint", "smallint(3)", "smallint unsigned", "mediumint", "mediumint unsigned",
	"int", "int(5)", "int unsigned", "int(11) unsigned", "int(8) unsigned zerofill",
	"bigint", "bigint unsigned", "bigint(10)",
	"decimal(10,2)", "decimal(65,30)", "decimal(5,0)", "decimal(12,4) unsigned",
	"float", "float(7,4)", "double", "double(10,3)",
	"bit(1)", "bit(8)",
	"char(1)", "char(36)", "varchar(20)", "varchar(255)", "binary(16)", "varbinary(64)",
	"tinytext", "text", "mediumtext", "longtext",
	"tinyblob", "blob", "mediumblob", "longblob",
	"date", "time", "time(3)", "time(6)", "datetime", "datetime(3)", "datetime(6)",
	"timestamp", "timestamp(6)", "year",
	"enum('a','b')", "enum('x','y','z')", "set('r','w')",
	"json", "point", "geometry", "inet6", "uuid",
}

// pgTypeCorpus are PostgreSQL 15 column types (at least 60).
var pgTypeCorpus = []string{
	"smallint", "integer", "bigint", "numeric", "numeric(10,2)", "numeric(5)", "real", "double precision", "money",
	"char(1)", "char(10)", "varchar(20)", "varchar", "text", "bytea", "boolean",
	"date", "time", "time(3)", "time with time zone", "timestamp", "timestamp(3)", "timestamp with time zone",
	"timestamp(0) with time zone", "interval", "interval year to month", "interval(3)",
	"uuid", "json", "jsonb", "xml", "inet", "cidr", "macaddr", "macaddr8",
	"bit(1)", "bit(8)", "bit varying(16)", "varbit", "tsvector", "tsquery",
	"point", "line", "lseg", "box", "path", "polygon", "circle",
	"int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange",
	"integer[]", "text[]", "varchar(10)[]", "numeric(8,2)[]", "timestamp with time zone[]", "jsonb[]",
	"oid", "regclass", "pg_lsn", "txid_snapshot", "int2vector",
}

// sqliteTypeCorpus are declared types as people write them in SQLite DDL
// (at least 20): the affinity examples of SQLite's documentation, the
// spellings of other databases' dumps, and Retort's own. National
// spellings, which EquivalentTypes takes for their plain ones
// (NVARCHAR(n) is VARCHAR(n)), have lengths of their own here.
var sqliteTypeCorpus = []string{
	"INT", "INTEGER", "TINYINT", "SMALLINT", "MEDIUMINT", "BIGINT", "UNSIGNED BIG INT", "INT2", "INT8", "INT(11)",
	"CHARACTER(20)", "VARCHAR(255)", "VARYING CHARACTER(254)", "NCHAR(55)", "NATIVE CHARACTER(70)", "NVARCHAR(100)",
	"varchar(40)", "TEXT", "CLOB", "BLOB", "REAL", "DOUBLE", "DOUBLE PRECISION", "FLOAT", "NUMERIC", "DECIMAL(10,5)",
	"NUMERIC(12, 2)", "BOOLEAN", "DATE", "DATETIME", "datetime(6)", "TIMESTAMP", "TIMESTAMPTZ", "TIME", "JSON",
	"JSONB", "UUID", "ANY",
}

// showCreate is the server's own description of table's columns: SHOW
// CREATE TABLE on MySQL, format_type of each column on PostgreSQL, the
// declared types of PRAGMA table_info on SQLite (as SQLite reports them:
// it spells its own INT, INTEGER, TEXT, BLOB, REAL and ANY upper case,
// every other name as written).
func showCreate(t *testing.T, db *dbtest.DB, table string) string {
	t.Helper()
	var q string
	switch db.Dialect {
	case dbtest.DialectMySQL:
		var name, ddl string
		if err := db.QueryRow("SHOW CREATE TABLE `"+table+"`").Scan(&name, &ddl); err != nil {
			t.Fatal(err)
		}
		return ddl
	case dbtest.DialectPostgres:
		q = "SELECT attname || ' ' || format_type(atttypid, atttypmod) || CASE WHEN attnotnull THEN ' not null' ELSE '' END FROM pg_attribute WHERE attrelid = '" + table + "'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum"
	default:
		q = "SELECT name || ' ' || type || CASE WHEN \"notnull\" THEN ' not null' ELSE '' END FROM pragma_table_info('" + table + "') ORDER BY cid"
	}
	return strings.Join(dbtest.Lines(t, db.DB, q), "\n")
}

// TestTypeCorpus: every type of a database's corpus, created by plain
// SQL, reflected and rebuilt from the reflection into an empty database,
// dumps back identical; and a change between any two distinct types is
// detected, offline (Compare) and online (CompareOnline).
func TestTypeCorpus(t *testing.T) {
	for _, c := range []struct {
		b      bed
		corpus []string
		least  int
	}{{beds[0], sqliteTypeCorpus, 20}, {beds[1], pgTypeCorpus, 60}, {beds[2], mysqlTypeCorpus, 50}} {
		t.Run(c.b.name, func(t *testing.T) {
			t.Parallel()
			typeCorpus(t, c.b, c.corpus, c.least)
		})
	}
}

func typeCorpus(t *testing.T, b bed, corpus []string, least int) {
	src := dbtest.Open(t, b.name)
	var cols []string
	for i, typ := range corpus {
		cols = append(cols, fmt.Sprintf("c%02d %s NULL", i, typ))
	}
	if _, err := src.Exec("CREATE TABLE corpus (id integer NOT NULL PRIMARY KEY, " + strings.Join(cols, ", ") + ")"); err != nil {
		t.Fatal(err)
	}
	got := inspect(t, b, src, nil)
	dst := dbtest.Open(t, b.name)
	dialecttest.PlanAndExec(t, b.d, dst.DB, metadata.New(), dialect.CreateOps(got)...)
	want, have := strings.Split(showCreate(t, src, "corpus"), "\n"), strings.Split(showCreate(t, dst, "corpus"), "\n")
	if len(want) != len(have) {
		t.Fatalf("rebuilt table has %d lines, the original %d:\n%s\n--\n%s", len(have), len(want), strings.Join(want, "\n"), strings.Join(have, "\n"))
	}
	for i := range want {
		if want[i] != have[i] {
			t.Errorf("rebuilt: %s\n  original: %s", have[i], want[i])
		}
	}
	if again := inspect(t, b, dst, nil); !compareNothing(t, b, again, got) {
		t.Error("the rebuilt database reflects differently from the original")
	}

	types := got.Table("", "corpus").Columns[1:]
	if len(types) < least {
		t.Fatalf("%d types in the corpus, want at least %d", len(types), least)
	}
	pairs := 0
	for i, a := range types {
		for j, c := range types {
			if i == j {
				continue
			}
			target, current := oneColumn(a.Type), oneColumn(c.Type)
			if compareNothing(t, b, target, current) {
				t.Errorf("offline: %s (was %s) -> %s: no change", corpus[j], c.Type, corpus[i])
			}
			res, err := autogen.CompareOnline(ctx(t), src.DB, target, current, b.d, autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Ops) == 0 {
				t.Errorf("online: %s -> %s: no change", corpus[j], corpus[i])
			}
			pairs++
		}
	}
	if t.Failed() {
		return
	}
	t.Logf("%d types rebuilt identical; %d ordered pairs of distinct types, each a change offline and online", len(types), pairs)
}

// oneColumn is a model of one table whose column c has type typ.
func oneColumn(typ metadata.Type) *metadata.MetaData {
	m := metadata.New()
	m.Tables = append(m.Tables, &metadata.Table{Name: "t", Columns: []*metadata.Column{
		{Name: "id", Type: metadata.IntegerType}, {Name: "c", Type: typ, Nullable: true}},
		PrimaryKey: &metadata.PrimaryKey{Columns: []string{"id"}}})
	return m
}

// compareNothing reports whether Compare finds no change.
func compareNothing(t *testing.T, b bed, target, current *metadata.MetaData) bool {
	t.Helper()
	res := compare(t, b, target, current)
	return len(res.Ops) == 0
}
