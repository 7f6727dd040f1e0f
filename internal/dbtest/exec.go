package dbtest

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Exec runs each statement on db, failing the test at the first error.
func Exec(t testing.TB, db *DB, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		if _, err := db.ExecContext(context.Background(), s); err != nil {
			t.Fatalf("dbtest: %s: %v\n%s", db.Dialect, err, s)
		}
	}
}

// Lines runs a query of one text column on db and returns its rows,
// failing the test on any error: the schema dumps that tests compare.
func Lines(t testing.TB, db *sql.DB, q string, args ...any) []string {
	t.Helper()
	rs, err := db.QueryContext(context.Background(), q, args...)
	if err != nil {
		t.Fatalf("dbtest: %v\n%s", err, q)
	}
	defer rs.Close()
	var lines []string
	for rs.Next() {
		var l string
		if err := rs.Scan(&l); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, l)
	}
	if err := rs.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

// LoadSQLFile runs the SQL script at path on db, as the database's own
// command-line client would: SQLite and PostgreSQL take the whole script in
// one call (pgx sends a call without parameters over the simple protocol,
// which runs several statements); on MySQL it is split with [SplitMySQL],
// so DELIMITER blocks work. The script runs on one connection, which is
// then discarded, so the session settings a dump changes (search_path,
// FOREIGN_KEY_CHECKS, sql_mode) do not leak into the test's other
// connections.
func LoadSQLFile(t testing.TB, db *DB, path string) {
	t.Helper()
	if err := loadSQLFile(db, path); err != nil {
		t.Fatalf("dbtest: %v", err)
	}
}

func loadSQLFile(db *DB, path string) error {
	script, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return loadScript(db, filepath.Base(path), string(script))
}

// loadScript runs script on one connection of db, as loadSQLFile does.
func loadScript(db *DB, name, script string) error {
	var err error
	stmts := []Statement{{SQL: string(script), Line: 1}}
	if db.Dialect == DialectMySQL {
		if stmts, err = SplitMySQL(string(script)); err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
	}
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("%s: loading %s: %w", db.Dialect, name, err)
	}
	defer conn.Raw(func(any) error { return driver.ErrBadConn }) // close, not pool
	for _, s := range stmts {
		if _, err := conn.ExecContext(ctx, s.SQL); err != nil {
			return fmt.Errorf("%s: loading %s:%d: %w", db.Dialect, name, s.Line, err)
		}
	}
	return nil
}

// RealWorldDir returns the folder of the real-world schema fixtures:
// $RETORT_REALWORLD_DIR when set, or else testdata/realworld of this
// repository (found from the folder holding go.mod). The fixtures are part
// of the repository, so a missing folder fails the test rather than
// skipping it.
func RealWorldDir(t testing.TB) string {
	t.Helper()
	dir, err := realWorldDir()
	if err != nil {
		t.Fatalf("dbtest: %v", err)
	}
	return dir
}

func realWorldDir() (string, error) {
	if dir := os.Getenv("RETORT_REALWORLD_DIR"); dir != "" {
		if !isDir(dir) {
			return "", fmt.Errorf("RETORT_REALWORLD_DIR=%s is not a folder", dir)
		}
		return dir, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			dir := filepath.Join(d, "testdata", "realworld")
			if !isDir(dir) {
				return "", fmt.Errorf("real-world fixtures not found at %s (restore testdata/realworld from git, or set RETORT_REALWORLD_DIR)", dir)
			}
			return dir, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no go.mod above %s to find testdata/realworld from (set RETORT_REALWORLD_DIR)", wd)
		}
	}
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
