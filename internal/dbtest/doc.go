// Package dbtest gives each test a fresh, empty database of its own on
// SQLite, PostgreSQL or MySQL/MariaDB, so packages and tests run in
// parallel without seeing each other's tables. It is for tests only.
//
// SQLite needs nothing: each database is a file in t.TempDir(). The servers
// come from RETORT_TEST_POSTGRES_URL and RETORT_TEST_MYSQL_URL
// (SQLAlchemy-style URLs, as in docs/design.md), defaulting to the local servers
// postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable and
// mysql://root@127.0.0.1:3306/. Each test gets a database named
// retort_test_<random> on the server, dropped when the test ends. A server
// that does not answer within 2 seconds skips the tests that need it (it is
// probed once per process), unless RETORT_REQUIRE_DBS=1, which makes that
// a failure: CI sets it. Databases that a killed test process left behind
// are dropped by a later process once they are an hour old.
//
// Connections are opened with these driver settings:
//
//   - SQLite (modernc.org/sqlite, driver "sqlite"): foreign keys on, and a
//     10 s busy timeout so that concurrent writers wait instead of failing.
//   - PostgreSQL (pgx through database/sql, driver "pgx"): the URL as given.
//   - MySQL (go-sql-driver/mysql, driver "mysql"): multiStatements=true, so
//     a test can run a script the way an execute op would; parseTime=true
//     with loc=UTC and the session time_zone '+00:00', so DATE, DATETIME and
//     TIMESTAMP scan into time.Time and mean the same instant whatever the
//     server's zone. Query parameters in the URL override these. Databases
//     are created with CHARACTER SET utf8mb4 and the server's default
//     collation for it.
//
// No password is ever printed: URLs in messages show it as ***.
package dbtest
