// Package postgres is Retort's PostgreSQL dialect: URLs to pgx DSNs, type
// rendering, DDL for every op, bulk catalog reflection, normalisation and
// the advisory migration lock.
//
// Importing the package registers the dialect as "postgresql", selected by
// the URL schemes postgres:// and postgresql:// (any +driver suffix, such as
// postgresql+psycopg2://, is ignored).
//
// Check constraints, partial index predicates and index expressions are
// SQL text that PostgreSQL stores parsed and prints back in its own form:
// Inspect strips the outer parentheses PostgreSQL adds around a check, so
// a simple check ("a > 0", "length(t) > 0") reads back as written, but a
// compound one comes back with PostgreSQL's inner parentheses. Normalize
// cannot parse SQL and leaves such text alone; comparisons of checks should
// allow for that.
package postgres

import (
	"fmt"
	"net"
	"net/url"
	"strconv"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// Postgres is the PostgreSQL dialect. Its zero value is ready to use; a
// variant (CockroachDB, say) embeds it and overrides what differs.
type Postgres struct{}

// DriverName is the database/sql driver Postgres opens: pgx's stdlib adapter.
const DriverName = "pgx"

var (
	_ dialect.Dialect = Postgres{}
	_ dialect.Locker  = Postgres{}
)

func init() { dialect.Register(Postgres{}) }

// Name is "postgresql", the key of variants and execute ops.
func (Postgres) Name() string { return "postgresql" }

// Schemes are postgres and postgresql.
func (Postgres) Schemes() []string { return []string{"postgres", "postgresql"} }

// Driver returns pgx's driver name and a postgres:// DSN built from u: host,
// port, user, password, database, and every query parameter (sslmode,
// application_name, ...) passed on as it is.
func (Postgres) Driver(u *dialect.URL) (string, string, error) {
	host := u.Host
	if u.Port != 0 {
		host = net.JoinHostPort(u.Host, strconv.Itoa(u.Port))
	} else if host != "" && net.ParseIP(host) != nil && net.ParseIP(host).To4() == nil {
		host = "[" + host + "]"
	}
	dsn := url.URL{Scheme: "postgres", Host: host, Path: "/" + u.Database}
	switch {
	case u.Password != "":
		dsn.User = url.UserPassword(u.User, u.Password)
	case u.User != "":
		dsn.User = url.User(u.User)
	}
	if len(u.Query) > 0 {
		dsn.RawQuery = u.Query.Encode()
	}
	return DriverName, dsn.String(), nil
}

// Capabilities: PostgreSQL has it all, with 63-byte names.
func (Postgres) Capabilities() dialect.Capabilities {
	return dialect.Capabilities{
		TransactionalDDL:    true,
		Schemas:             true,
		NativeEnums:         true,
		PartialIndexes:      true,
		ExpressionIndexes:   true,
		Comments:            true,
		MaxIdentifierLength: 63,
	}
}

// QuoteIdent quotes with double quotes, doubling any inside.
func (Postgres) QuoteIdent(name string) string { return dialect.QuoteWith(name, '"') }

// Placeholder is $n.
func (Postgres) Placeholder(n int) string { return "$" + strconv.Itoa(n) }

// literals renders standard SQL literals; binary as a bytea escape, and a
// string holding NUL is an error (PostgreSQL text cannot store one).
var literals = dialect.LiteralFormat{
	Dialect: "postgresql",
	Bytes: func(b []byte) string {
		return fmt.Sprintf(`'\x%x'::bytea`, b)
	},
	Time: func(t time.Time) string {
		return "'" + t.Format("2006-01-02 15:04:05.999999999Z07:00") + "'"
	},
}

// Literal renders v for an SQL script; see [dialect.LiteralFormat].
func (Postgres) Literal(v any) (string, error) { return literals.Literal(v) }

func (p Postgres) qname(schema, name string) string { return dialect.QualifiedName(p, schema, name) }

// typeOf is the type a column has here: its variant for this dialect first.
func typeOf(t metadata.Type) metadata.Type { return t.For("postgresql") }
