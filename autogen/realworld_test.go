package autogen_test

import (
	"context"
	"database/sql/driver"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
)

// realWorld lists the files of testdata/realworld by database, with the
// one statement (a substring) allowed to fail while loading, if any:
// Sakila's view actor_info names the database sakila.
var realWorld = []struct{ file, dialect, tolerate string }{
	{"chinook.sqlite.sql", dbtest.DialectSQLite, ""},
	{"chinook-autoincrement.sqlite.sql", dbtest.DialectSQLite, ""},
	{"sakila.sqlite.sql", dbtest.DialectSQLite, ""},
	{"synapse.sqlite.sql", dbtest.DialectSQLite, ""},
	{"chinook.postgresql.sql", dbtest.DialectPostgres, ""},
	{"chinook-identity.postgresql.sql", dbtest.DialectPostgres, ""},
	{"chinook-serial.postgresql.sql", dbtest.DialectPostgres, ""},
	{"pagila.postgresql.sql", dbtest.DialectPostgres, ""},
	{"sakila.postgresql.sql", dbtest.DialectPostgres, ""},
	{"synapse.postgresql.sql", dbtest.DialectPostgres, ""},
	{"chinook.mysql.sql", dbtest.DialectMySQL, ""},
	{"chinook-autoincrement.mysql.sql", dbtest.DialectMySQL, ""},
	{"sakila.mysql.sql", dbtest.DialectMySQL, "VIEW actor_info"},
	{"sakila-jooq.mysql.sql", dbtest.DialectMySQL, "VIEW actor_info"},
}

// TestRealWorld is must-show 4: each real-world schema is loaded into a
// database and inspected as schema.yaml (written and read back, as a user
// would keep it); comparing that file with the database finds nothing.
// Autogenerating from an empty second database to the file, and applying
// the ops there, leaves nothing to compare either.
func TestRealWorld(t *testing.T) {
	dir := dbtest.RealWorldDir(t)
	for _, tc := range realWorld {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(dir, tc.file)
			if _, err := os.Stat(path); err != nil {
				t.Skipf("not in this checkout: %v", err)
			}
			b := bedOf(tc.dialect)
			db := dbtest.Open(t, tc.dialect)
			if err := loadScript(db, path, tc.tolerate); err != nil {
				if strings.Contains(err.Error(), "no such module: fts4") {
					t.Skip("the SQLite driver (modernc.org/sqlite) has no FTS4 module, so the file does not load: " + err.Error())
				}
				t.Fatal(err)
			}
			data, err := metadata.Write(inspect(t, b, db, nil))
			if err != nil {
				t.Fatal(err)
			}
			// Read as adoption reads it: for its database, from its catalog.
			schema, _, err := metadata.ReadWith("schema.yaml", data, metadata.ReadOptions{Database: b.d.Name(), Reflected: true})
			if err != nil {
				t.Fatalf("the inspected schema.yaml does not read back: %v", err)
			}
			if !assertClean(t, b, schema, inspect(t, b, db, nil)) {
				t.Fatal("diff against the database it came from is not empty")
			}
			db2 := dbtest.Open(t, tc.dialect)
			res := compare(t, b, schema, inspect(t, b, db2, nil))
			dialecttest.PlanAndExec(t, b.d, db2.DB, metadata.New(), res.Ops...)
			if !assertClean(t, b, schema, inspect(t, b, db2, nil)) {
				t.Fatal("check is not clean after upgrading an empty database")
			}
		})
	}
}

func bedOf(name string) bed {
	for _, b := range beds {
		if b.name == name {
			return b
		}
	}
	panic("no bed " + name)
}

// loadScript runs a real-world script on db (one call on SQLite and
// PostgreSQL, statement by statement on MySQL, on a connection then
// discarded, since scripts change session settings); the one statement
// holding tolerate, if any, may fail, as under mysql --force.
func loadScript(db *dbtest.DB, path, tolerate string) error {
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
	defer conn.Raw(func(any) error { return driver.ErrBadConn })
	for _, s := range stmts {
		if _, err := conn.ExecContext(ctx, s.SQL); err != nil && (tolerate == "" || !strings.Contains(s.SQL, tolerate)) {
			return fmt.Errorf("%s:%d: %w", filepath.Base(path), s.Line, err)
		}
	}
	return nil
}
