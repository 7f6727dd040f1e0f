package schemagen

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
)

// TestCreateOnEveryDatabase creates generated schemas on each database:
// the proof that types, defaults, key widths, names and constraints are
// portable.
func TestCreateOnEveryDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("needs databases")
	}
	t.Parallel()
	cfgs := []struct {
		name string
		cfg  Config
	}{
		{"defaults", Config{Tables: 12}},
		{"awkward everything", Config{Tables: 15, AwkwardNames: true, Enums: true, AllTypes: true, MaxColumns: 16}},
		{"benchmark shape", Config{Tables: 10, MinColumns: 10, MaxColumns: 10, IndexesPerTable: 2, FKsPerTable: 2}},
		{"composite and wide", Config{Tables: 6, CompositePKPercent: 60, MinColumns: 30, MaxColumns: 60, IndexesPerTable: 6, UniquesPerTable: 3, ChecksPerTable: 3}},
	}
	dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
		t.Parallel()
		// DDL is quick on SQLite and slow on MySQL (each statement commits).
		seeds := map[string]int64{dbtest.DialectSQLite: 10, dbtest.DialectPostgres: 3, dbtest.DialectMySQL: 1}[db.Dialect]
		for i, tc := range cfgs {
			t.Run(tc.name, func(t *testing.T) {
				for seed := range seeds {
					cfg := tc.cfg
					cfg.Seed = seed
					m := Generate(cfg)
					conn, schema := scratch(t, db, fmt.Sprintf("c%d_s%d", i, seed))
					execAll(t, conn, db.Dialect, ddl(db.Dialect, m))
					var n int
					if err := conn.QueryRowContext(context.Background(), countTables[db.Dialect], schema).Scan(&n); err != nil {
						t.Fatal(err)
					}
					if n != len(m.Tables) {
						t.Errorf("seed %d: %d tables on the server, want %d", seed, n, len(m.Tables))
					}
				}
			})
		}
	})
}

// countTables counts the tables of a scratch schema.
var countTables = map[string]string{
	dbtest.DialectSQLite:   `SELECT count(*) FROM pragma_table_list WHERE schema = ? AND type = 'table' AND name NOT LIKE 'sqlite_%'`,
	dbtest.DialectPostgres: `SELECT count(*) FROM pg_tables WHERE schemaname = $1`,
	dbtest.DialectMySQL:    `SELECT count(*) FROM information_schema.tables WHERE table_schema = ?`,
}

// scratch returns a connection whose default schema is a new, empty one,
// and that schema's name, so several schemas can be made in one test
// database (creating a PostgreSQL database takes seconds). SQLite gets a new
// file; MySQL's schemas are databases, dropped at the end.
func scratch(t *testing.T, db *dbtest.DB, schema string) (*sql.Conn, string) {
	t.Helper()
	if db.Dialect == dbtest.DialectSQLite {
		db = dbtest.SQLite(t)
		schema = "main"
	}
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	var stmts []string
	switch db.Dialect {
	case dbtest.DialectPostgres:
		stmts = []string{"CREATE SCHEMA " + schema, "SET search_path TO " + schema}
	case dbtest.DialectMySQL:
		schema = db.Name + "_" + schema
		stmts = []string{"CREATE DATABASE " + schema, "USE " + schema}
		t.Cleanup(func() { db.Exec("DROP DATABASE IF EXISTS " + schema) })
	}
	execAll(t, conn, "", stmts)
	return conn, schema
}

// execAll runs stmts on conn; in one transaction where DDL is
// transactional, which is much faster.
func execAll(t *testing.T, conn *sql.Conn, dialect string, stmts []string) {
	t.Helper()
	ctx := context.Background()
	tx := dialect == dbtest.DialectPostgres || dialect == dbtest.DialectSQLite
	if tx {
		if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range stmts {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			t.Fatalf("%v\n%s", err, s)
		}
	}
	if tx {
		if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
			t.Fatal(err)
		}
	}
}

// TestWordsNeedNoQuoting creates a table for every noun and a column for
// every column name, unquoted, on each database: none is a keyword.
func TestWordsNeedNoQuoting(t *testing.T) {
	if testing.Short() {
		t.Skip("needs databases")
	}
	t.Parallel()
	var columns []string
	seen := nameSet{}
	for _, k := range append(append([]kindSpec(nil), baseKinds...), extraKinds...) {
		for _, n := range k.names {
			if seen.claim(n) {
				columns = append(columns, n+" integer")
			}
		}
	}
	for _, ck := range compositeKeys {
		for _, c := range ck {
			if seen.claim(c.name) {
				columns = append(columns, c.name+" integer")
			}
		}
	}
	for _, e := range enumSpecs {
		if seen.claim(e.name) {
			columns = append(columns, e.name+" integer")
		}
	}
	for _, r := range roles { // prefixes of foreign key columns
		columns = append(columns, r+"_ref integer")
	}
	for _, n := range []string{"id", "status", "kind", "notes"} {
		if seen.claim(n) {
			columns = append(columns, n+" integer")
		}
	}
	dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
		t.Parallel()
		conn, _ := scratch(t, db, "words")
		stmts := []string{"CREATE TABLE all_columns (" + strings.Join(columns, ", ") + ")"}
		for _, n := range nouns {
			stmts = append(stmts, "CREATE TABLE "+n+" (id integer)")
		}
		execAll(t, conn, db.Dialect, stmts)
	})
}
