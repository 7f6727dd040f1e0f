package reflect_test

import (
	"context"
	"database/sql/driver"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/reflect"
)

// realWorldCase is one file of testdata/realworld and what inspecting it
// must warn about.
type realWorldCase struct {
	file    string
	dialect string
	// warnings are substrings some warning must hold, one per kind of
	// object the model does not hold.
	warnings []string
	// gone are substrings no warning may hold: kinds of object the
	// file has that the model holds now.
	gone []string
	// tolerate is the one statement (a substring of it) allowed to fail
	// while loading: Sakila's view actor_info names the database sakila.
	tolerate string
	// skipRecreate names the bug that keeps the schema.yaml of the first
	// inspection from being created again.
	skipRecreate string
}

var realWorldCases = []realWorldCase{
	{file: "chinook.sqlite.sql", dialect: dbtest.DialectSQLite},
	{file: "chinook-autoincrement.sqlite.sql", dialect: dbtest.DialectSQLite},
	// SQLite's triggers are modelled.
	{file: "sakila.sqlite.sql", dialect: dbtest.DialectSQLite, gone: []string{"trigger"}},
	{file: "synapse.sqlite.sql", dialect: dbtest.DialectSQLite, warnings: []string{"virtual table"}},
	{file: "chinook.postgresql.sql", dialect: dbtest.DialectPostgres},
	{file: "chinook-identity.postgresql.sql", dialect: dbtest.DialectPostgres},
	{file: "chinook-serial.postgresql.sql", dialect: dbtest.DialectPostgres},
	// pagila's and sakila's functions, group_concat aggregate, triggers
	// and the views calling group_concat are modelled, and sakila's table
	// inheritance (payment_p2007_0N INHERITS payment) and its rules.
	{file: "pagila.postgresql.sql", dialect: dbtest.DialectPostgres, gone: []string{"view", "trigger", "function", "aggregate"}},
	{file: "sakila.postgresql.sql", dialect: dbtest.DialectPostgres,
		gone: []string{"view", "trigger", "function", "aggregate", "inheritance", "rule"}},
	{file: "synapse.postgresql.sql", dialect: dbtest.DialectPostgres, gone: []string{"trigger", "function"}},
	{file: "chinook.mysql.sql", dialect: dbtest.DialectMySQL},
	{file: "chinook-autoincrement.mysql.sql", dialect: dbtest.DialectMySQL},
	// Sakila's MySQL triggers, functions and procedures are modelled.
	{file: "sakila.mysql.sql", dialect: dbtest.DialectMySQL, tolerate: "VIEW actor_info",
		gone: []string{"trigger", "function", "procedure"}},
	{file: "sakila-jooq.mysql.sql", dialect: dbtest.DialectMySQL, tolerate: "VIEW actor_info",
		gone: []string{"trigger", "function", "procedure"}},
}

// TestRealWorld is must-show 5: each real-world schema that loads on our
// servers is loaded into a fresh database, inspected to schema.yaml,
// created from that schema.yaml in a second fresh database and inspected
// again; the two inspections are the same schema.yaml, byte for byte. The
// objects the model does not hold are reported, one warning line each.
func TestRealWorld(t *testing.T) {
	dir := dbtest.RealWorldDir(t)
	for _, tc := range realWorldCases {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			d := dialectOf(t, tc.dialect)
			db := dbtest.Open(t, tc.dialect)
			if err := load(db, filepath.Join(dir, tc.file), tc.tolerate); err != nil {
				if strings.Contains(err.Error(), "no such module: fts4") {
					t.Skip("the SQLite driver (modernc.org/sqlite) has no FTS4 module, so the file does not load: " + err.Error())
				}
				t.Fatal(err)
			}
			first := inspect(t, d, db.DB, reflect.Options{})
			if len(first.MetaData.Tables) == 0 {
				t.Fatal("no table read")
			}
			checkWarnings(t, tc, first.Warnings)
			if tc.skipRecreate != "" {
				t.Skip("known bug: " + tc.skipRecreate)
			}
			db2 := dbtest.Open(t, tc.dialect)
			recreate(t, d, db2, first, reflect.Options{})
		})
	}
}

// checkWarnings asserts the warnings tc expects, each on one line.
func checkWarnings(t *testing.T, tc realWorldCase, warnings []string) {
	t.Helper()
	has := func(s string) bool {
		for _, w := range warnings {
			if strings.Contains(strings.ToLower(w), s) {
				return true
			}
		}
		return false
	}
	for _, w := range warnings {
		if strings.Contains(w, "\n") {
			t.Errorf("warning on several lines: %q", w)
		}
	}
	for _, s := range tc.warnings {
		if !has(s) {
			t.Errorf("no warning mentions %q; warnings:\n%s", s, strings.Join(warnings, "\n"))
		}
	}
	for _, s := range tc.gone {
		if has(s) {
			t.Errorf("a warning mentions %q, which is modelled; warnings:\n%s", s, strings.Join(warnings, "\n"))
		}
	}
}

// load runs a real-world script on db as dbtest.LoadSQLFile does (one
// call on SQLite and PostgreSQL, statement by statement on MySQL, on a
// connection then discarded), but returns its error; the one statement
// holding tolerate, if any, may fail (as under mysql --force), no other.
func load(db *dbtest.DB, path, tolerate string) error {
	script, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	stmts := []dbtest.Statement{{SQL: string(script), Line: 1}}
	if db.Dialect == dbtest.DialectMySQL {
		if stmts, err = dbtest.SplitMySQL(string(script)); err != nil {
			return err
		}
	}
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Raw(func(any) error { return driver.ErrBadConn }) // session settings stay behind
	for _, s := range stmts {
		if _, err := conn.ExecContext(ctx, s.SQL); err != nil && (tolerate == "" || !strings.Contains(s.SQL, tolerate)) {
			return fmt.Errorf("%s:%d: %w", filepath.Base(path), s.Line, err)
		}
	}
	return nil
}

var _ dialect.Queryer = (*dbtest.DB)(nil)
