package retort_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/reflect"
)

// twoSchemas is a pg_dump-style script: search_path emptied, two schemas
// with a table of the same name, a foreign key across them, and objects
// the model does not hold (sequence, view, function, type) that emptying
// the scratch database must drop too.
const twoSchemas = `SELECT pg_catalog.set_config('search_path', '', false);
CREATE SCHEMA billing;
CREATE SCHEMA audit;
CREATE TABLE public.users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE billing.users (id bigint PRIMARY KEY, owner_id bigint REFERENCES public.users (id));
CREATE TABLE audit.users (id integer PRIMARY KEY, billing_id bigint REFERENCES billing.users (id));
CREATE TABLE audit.events (id bigint PRIMARY KEY, user_id integer REFERENCES audit.users (id));
CREATE SEQUENCE billing.invoice_seq;
CREATE TYPE audit.level AS (n integer);
CREATE VIEW billing.owners AS SELECT owner_id FROM billing.users;
CREATE FUNCTION public.one() RETURNS integer LANGUAGE sql AS 'SELECT 1';
`

// TestSQLTargetTwoSchemas: a .sql target creating two schemas loads into
// one dev database twice in a row, every schema is reflected, and the
// database the same script built is at the target.
func TestSQLTargetTwoSchemas(t *testing.T) {
	dev, live := dbtest.Postgres(t), dbtest.Postgres(t)
	path := filepath.Join(t.TempDir(), "schema.sql")
	if err := os.WriteFile(path, []byte(twoSchemas), 0o644); err != nil {
		t.Fatal(err)
	}
	dbtest.Exec(t, live, strings.TrimPrefix(twoSchemas, "SELECT pg_catalog.set_config('search_path', '', false);\n"))
	o := retort.DiffOptions{URL: live.URL, Schema: path, DevURL: dev.URL, Migrations: history()}
	for load := 1; load <= 2; load++ {
		c, err := retort.Diff(ctx(t), o)
		if err != nil {
			t.Fatalf("load %d: %v", load, err)
		}
		var names []string
		for _, tb := range c.Target.Tables {
			names = append(names, tb.QualifiedName())
		}
		if got := strings.Join(names, ","); !strings.Contains(got, "billing.users") || !strings.Contains(got, "audit.users") || len(names) != 4 {
			t.Errorf("load %d: target tables %s", load, got)
		}
		if len(c.Result.Ops) != 0 {
			t.Errorf("load %d: %d ops, want none: %v", load, len(c.Result.Ops), c.Result.Ops)
		}
	}
	var n int
	if err := dev.QueryRow(`SELECT count(*) FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
WHERE s.nspname NOT LIKE 'pg\_%' AND s.nspname <> 'information_schema'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("the dev database holds %d relations after the loads (%v), want none", n, err)
	}
	if err := dev.QueryRow(`SELECT count(*) FROM pg_namespace WHERE nspname IN ('billing', 'audit')`).Scan(&n); err != nil || n != 0 {
		t.Errorf("the dev database holds %d of the script's schemas (%v), want none", n, err)
	}
}

// TestSQLTargetTwice: on every database a .sql target with objects the
// model does not hold loads twice into one scratch database.
func TestSQLTargetTwice(t *testing.T) {
	scripts := map[string]string{
		dbtest.DialectSQLite: "CREATE TABLE a (id INTEGER PRIMARY KEY);\nCREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id));\n" +
			"CREATE VIEW v AS SELECT id FROM a;\nCREATE TRIGGER tr AFTER INSERT ON a BEGIN SELECT 1; END;\n",
		dbtest.DialectPostgres: "CREATE TABLE a (id bigint PRIMARY KEY);\nCREATE TABLE b (id bigint PRIMARY KEY, a_id bigint REFERENCES a (id));\n" +
			"CREATE VIEW v AS SELECT id FROM a;\nCREATE SEQUENCE s;\nCREATE TYPE e AS ENUM ('x');\n",
		dbtest.DialectMySQL: "CREATE TABLE a (id bigint PRIMARY KEY);\nCREATE TABLE b (id bigint PRIMARY KEY, a_id bigint, FOREIGN KEY (a_id) REFERENCES a (id));\n" +
			"CREATE VIEW v AS SELECT id FROM a;\nCREATE FUNCTION f() RETURNS int DETERMINISTIC RETURN 1;\n",
	}
	dbtest.Each(t, func(t *testing.T, live *dbtest.DB) {
		path := filepath.Join(t.TempDir(), "schema.sql")
		if err := os.WriteFile(path, []byte(scripts[live.Dialect]), 0o644); err != nil {
			t.Fatal(err)
		}
		o := retort.DiffOptions{URL: live.URL, Schema: path, Migrations: history()}
		if live.Dialect != dbtest.DialectSQLite {
			o.DevURL = dbtest.Open(t, live.Dialect).URL
		} else {
			o.DevURL = dbtest.SQLite(t).URL // a file, kept between the loads
		}
		for load := 1; load <= 2; load++ {
			c, err := retort.Diff(ctx(t), o)
			if err != nil {
				t.Fatalf("load %d: %v", load, err)
			}
			if len(c.Target.Tables) != 2 || len(c.Result.Ops) != 2+len(c.Target.Enums)+len(c.Target.Sequences)+len(c.Target.Views)+
				len(c.Target.Triggers)+len(c.Target.AllRoutines()) {
				t.Errorf("load %d: %d tables, %d ops; want 2 and one per table, enum, sequence, view, trigger and routine", load,
					len(c.Target.Tables), len(c.Result.Ops))
			}
		}
	})
}

// TestSQLTargetDelimiter: a MySQL .sql target with DELIMITER blocks, as
// the mysql client and mysqldump write them, loads statement by
// statement, and its routines and trigger are modelled whole.
func TestSQLTargetDelimiter(t *testing.T) {
	script := "CREATE TABLE a (id int PRIMARY KEY, n int);\n" +
		"DELIMITER $$\nCREATE FUNCTION twice(x int) RETURNS int DETERMINISTIC\nBEGIN\n  DECLARE y int; SET y = x * 2; RETURN y;\nEND $$\n" +
		"CREATE PROCEDURE bump() BEGIN UPDATE a SET n = n + 1; SELECT ';'; END$$\nDELIMITER ;;\n" +
		"CREATE TRIGGER a_twice BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.n = twice(NEW.n); END;;\nDELIMITER ;\nSELECT 1;\n"
	path := filepath.Join(t.TempDir(), "schema.sql")
	if err := os.WriteFile(path, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	d, _, err := dialect.Open(dbtest.MySQL(t).URL)
	if err != nil {
		t.Fatal(err)
	}
	target, err := retort.ReadTarget(ctx(t), path, d, dbtest.MySQL(t).URL)
	if err != nil {
		t.Fatal(err)
	}
	m := target.MetaData
	if len(m.Functions) != 1 || len(m.Procedures) != 1 || len(m.Triggers) != 1 || len(target.Warnings) != 0 {
		t.Fatalf("%d functions, %d procedures, %d triggers, warnings %q; want one each and none", len(m.Functions),
			len(m.Procedures), len(m.Triggers), target.Warnings)
	}
	for _, want := range []string{"DECLARE y int; SET y = x * 2; RETURN y;\nEND", "SELECT ';'; END"} {
		if !strings.Contains(m.Functions[0].Definition+m.Procedures[0].Definition, want) {
			t.Errorf("no routine body holds %q:\n%s\n%s", want, m.Functions[0].Definition, m.Procedures[0].Definition)
		}
	}
	if !strings.HasSuffix(m.Triggers[0].Definition, "BEGIN SET NEW.n = twice(NEW.n); END") {
		t.Errorf("trigger cut: %q", m.Triggers[0].Definition)
	}
	// inspect --format sql writes the bodies between DELIMITER lines, so
	// the script it writes is a .sql target that reads back the same.
	text, err := reflect.Dump(m, d, reflect.FormatSQL)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, text, 0o644); err != nil {
		t.Fatal(err)
	}
	again, err := retort.ReadTarget(ctx(t), path, d, dbtest.MySQL(t).URL)
	if err != nil {
		t.Fatalf("reading inspect --format sql back: %v\n%s", err, text)
	}
	a := again.MetaData
	if len(a.Functions) != 1 || a.Functions[0].Definition != m.Functions[0].Definition || len(a.Procedures) != 1 ||
		a.Procedures[0].Definition != m.Procedures[0].Definition || len(a.Triggers) != 1 || a.Triggers[0].Definition != m.Triggers[0].Definition {
		t.Errorf("the script of inspect --format sql read back other routines:\n%s", text)
	}
}
