package dbtest

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	_ "modernc.org/sqlite" // driver "sqlite"
)

// Dialect names, the values of [DB.Dialect].
const (
	DialectSQLite   = "sqlite"
	DialectPostgres = "postgres"
	DialectMySQL    = "mysql"
)

// DB is a test's own database, open, empty and dropped when the test ends.
type DB struct {
	*sql.DB
	// Dialect is "sqlite", "postgres" or "mysql".
	Dialect string
	// URL reaches the database, in docs/design.md's SQLAlchemy style, password
	// included: postgres://postgres@127.0.0.1:5432/retort_test_1a2b3c4d5e6f?sslmode=disable,
	// mysql://root@127.0.0.1:3306/retort_test_1a2b3c4d5e6f,
	// sqlite:////tmp/TestX123/001/test.db. Print it with [DB.Redacted].
	URL string
	// Name is the database's name on its server; on SQLite, the file's
	// schema name, main.
	Name string
}

// Redacted returns URL with the password, if any, shown as ***.
func (db *DB) Redacted() string { return redactRaw(db.URL) }

// SQLite returns a fresh SQLite database in a file under t.TempDir(), with
// foreign keys enforced.
func SQLite(t testing.TB) *DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.db")
	sqldb, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatalf("dbtest: sqlite: %v", err)
	}
	t.Cleanup(func() { sqldb.Close() })
	if err := sqldb.Ping(); err != nil {
		t.Fatalf("dbtest: sqlite %s: %v", path, err)
	}
	return &DB{DB: sqldb, Dialect: DialectSQLite, URL: "sqlite:///" + path, Name: "main"}
}

// Postgres returns a fresh database on the PostgreSQL test server, or skips
// the test when there is none (fails it under RETORT_REQUIRE_DBS=1).
func Postgres(t testing.TB) *DB {
	t.Helper()
	return onServer(t, postgresServer)
}

// MySQL returns a fresh database on the MySQL or MariaDB test server, or
// skips the test when there is none (fails it under RETORT_REQUIRE_DBS=1).
func MySQL(t testing.TB) *DB {
	t.Helper()
	return onServer(t, mysqlServer)
}

// Open returns a fresh database of the named dialect ("sqlite",
// "postgres" or "mysql").
func Open(t testing.TB, dialect string) *DB {
	t.Helper()
	switch dialect {
	case DialectSQLite:
		return SQLite(t)
	case DialectPostgres:
		return Postgres(t)
	case DialectMySQL:
		return MySQL(t)
	}
	t.Fatalf("dbtest: unknown dialect %q", dialect)
	return nil
}

// Dialects lists the dialects [Each] runs, in its order.
var Dialects = []string{DialectSQLite, DialectPostgres, DialectMySQL}

// Each runs fn as the subtests "sqlite", "postgres" and "mysql", each with
// a fresh database of its own. fn may call t.Parallel: the database stays
// until its subtest ends. A subtest whose server is missing is skipped.
func Each(t *testing.T, fn func(t *testing.T, db *DB)) {
	t.Helper()
	for _, d := range Dialects {
		t.Run(d, func(t *testing.T) { fn(t, Open(t, d)) })
	}
}

// required reports whether missing databases fail tests rather than skip
// them.
func required() bool { return os.Getenv("RETORT_REQUIRE_DBS") == "1" }

func onServer(t testing.TB, s *server) *DB {
	t.Helper()
	adm, err := s.connect()
	if err != nil {
		if required() {
			t.Fatalf("dbtest: %v (RETORT_REQUIRE_DBS=1)", err)
		}
		t.Skip(err.Error())
	}
	name, err := s.createDatabase(adm)
	if err != nil {
		t.Fatalf("dbtest: %v", err)
	}
	u := withDatabase(s.url, name)
	sqldb, err := s.openURL(u)
	if err != nil {
		s.dropDatabase(adm, name)
		t.Fatalf("dbtest: %v", err)
	}
	t.Cleanup(func() {
		sqldb.Close()
		if err := s.dropDatabase(adm, name); err != nil {
			t.Errorf("dbtest: %v", err)
		}
	})
	return &DB{DB: sqldb, Dialect: s.dialect, URL: u.String(), Name: name}
}
