package dbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"sync"
	"time"

	_ "github.com/go-sql-driver/mysql" // driver "mysql"
	_ "github.com/jackc/pgx/v5/stdlib" // driver "pgx"
)

// probeTimeout bounds the first contact with a server.
const probeTimeout = 2 * time.Second

// adminTimeout bounds CREATE and DROP DATABASE.
const adminTimeout = 60 * time.Second

// admin is an open connection pool to a server's maintenance database,
// shared by every test of the process, and why there is none.
type admin struct {
	once sync.Once
	db   *sql.DB
	err  error
}

var admins = map[*server]*admin{postgresServer: {}, mysqlServer: {}}

// connect returns the server's admin pool, probing the server the first
// time; later calls return the first answer at once.
func (s *server) connect() (*sql.DB, error) {
	a := admins[s]
	a.once.Do(func() { a.db, a.err = s.open() })
	return a.db, a.err
}

func (s *server) open() (*sql.DB, error) {
	raw := os.Getenv(s.env)
	if raw == "" {
		raw = s.def
	}
	u, err := parseServerURL(s.dialect, raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", s.env, err)
	}
	s.url = u
	db, err := s.openURL(u)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), probeTimeout)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s not reachable at %s (set %s): %s", s.dialect, u.Host, s.env, scrub(err, raw))
	}
	db.SetMaxIdleConns(2)
	s.sweep(db)
	return db, nil
}

// openURL opens (without connecting) a pool on the database u names.
func (s *server) openURL(u *url.URL) (*sql.DB, error) {
	switch s.dialect {
	case "postgres":
		return sql.Open("pgx", postgresDSN(u))
	default:
		dsn, err := mysqlDSN(u)
		if err != nil {
			return nil, err
		}
		return sql.Open("mysql", dsn)
	}
}

// quote quotes an identifier for the server's dialect.
func (s *server) quote(name string) string {
	if s.dialect == "mysql" {
		return "`" + name + "`"
	}
	return `"` + name + `"`
}

// createDatabase creates a fresh retort_test_<random> database and returns
// its name.
func (s *server) createDatabase(adm *sql.DB) (string, error) {
	name := "retort_test_" + randomHex(6)
	stmt := "CREATE DATABASE " + s.quote(name)
	if s.dialect == "mysql" {
		stmt += " CHARACTER SET utf8mb4"
	}
	ctx, cancel := context.WithTimeout(context.Background(), adminTimeout)
	defer cancel()
	if _, err := adm.ExecContext(ctx, stmt); err != nil {
		return "", fmt.Errorf("%s: %s: %w", s.dialect, stmt, err)
	}
	return name, nil
}

// dropDatabase drops a test database, closing what connections to it are
// left on PostgreSQL.
func (s *server) dropDatabase(adm *sql.DB, name string) error {
	stmt := "DROP DATABASE IF EXISTS " + s.quote(name)
	if s.dialect == "postgres" {
		stmt += " WITH (FORCE)"
	}
	ctx, cancel := context.WithTimeout(context.Background(), adminTimeout)
	defer cancel()
	if _, err := adm.ExecContext(ctx, stmt); err != nil {
		return fmt.Errorf("%s: %s: %w", s.dialect, stmt, err)
	}
	return nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
