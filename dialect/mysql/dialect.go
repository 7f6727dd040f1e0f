// Package mysql is Retort's dialect for MySQL 8 and MariaDB 10.6+, through
// github.com/go-sql-driver/mysql. Importing it registers the dialect under
// the name "mysql" and the URL schemes mysql:// and mariadb://.
//
// # Types
//
// The canonical vocabulary maps onto native types so that reflecting what
// was created gives the same canonical type back:
//
//	smallint, integer, bigint   smallint, int, bigint
//	boolean                     tinyint(1)
//	varchar(n), char(n)         varchar(n), char(n)
//	text                        longtext (unbounded, like PostgreSQL's text; TEXT
//	                            is only 64 KB). TEXT, TINYTEXT, MEDIUMTEXT read
//	                            back as native types: reflection is exact.
//	numeric(p,s)                decimal(p,s); bare numeric is decimal(65,30)
//	real, double                float, double
//	date, time                  date, time(6) (time(0..5) reads back native)
//	timestamp, timestamptz      datetime(6), both (datetime(0..5) reads back
//	                            native): MySQL has no zoned type, and
//	                            TIMESTAMP ends in 2038. Connections run with
//	                            time_zone '+00:00' and loc=UTC, so values are UTC.
//	                            Normalize turns timestamptz into timestamp.
//	interval                    varchar(64) (Normalize says so)
//	uuid                        char(36) (Normalize says so: reflection cannot
//	                            tell a uuid from any other char(36)); MariaDB's
//	                            own UUID type reads back as native uuid
//	json, jsonb                 json (MariaDB: longtext + CHECK (json_valid),
//	                            read back as json with the check hidden)
//	blob                        longblob (BLOB, MEDIUMBLOB read back native)
//	varbinary(n)                varbinary(n)
//	enum(name)                  ENUM('a','b') inline, with the model's values
//
// Integer display widths are dropped where they are the server's default
// (int(11), int(10) unsigned) and kept where someone chose another
// (int(5), int(11) unsigned), so a rebuilt column dumps as the original.
//
// MySQL has no enum objects: reflection names the enum of column c of table
// t "t_c", and [Dialect.Normalize] renames a model's enums the same way, so
// the two compare equal. Native spellings without a canonical twin
// (mediumtext, tinyint unsigned, TIMESTAMP, set(...)) come back verbatim.
//
// # Flavours
//
// The registered dialect serves both servers with DDL both accept (MySQL
// 8.0.19+, MariaDB 10.5+: RENAME COLUMN, DROP CONSTRAINT for checks). A few
// things differ (expression indexes exist on MySQL 8.0.13+ only); [New]
// returns a dialect for one flavour, [FlavorOf] tells it from VERSION(),
// and Inspect reads it from the server itself.
//
// # What MySQL does on its own
//
//   - Every DDL statement commits: a revision cannot be rolled back.
//   - A foreign key gets an index behind it when no index starts with its
//     columns, named after the key (Plan names every key, an unnamed one
//     <table>_ibfk_<n>). Inspect hides that index, and only that one: an
//     index named otherwise is the model's and Plan creates it, in CREATE
//     TABLE, so the key uses it. Plan drops the hidden index with the key, and
//     dropping the index (or unique, or primary key) a key relies on drops
//     and re-adds the key so that MySQL makes its own again.
//   - Unnamed checks are named <table>_chk_<n> by Plan (MySQL's scheme;
//     MariaDB would say CONSTRAINT_<n>), unnamed indexes after their first
//     column, unnamed foreign keys <table>_ibfk_<n>; the primary key is
//     always PRIMARY, which the model shows as no name.
//   - Deferrable foreign keys do not exist: deferrable is left out. Partial
//     indexes do not exist: Plan refuses them. Index methods other than
//     fulltext and spatial make a B-tree.
//   - Defaults come back re-spelled (MariaDB quotes strings, 0 is 0.00 in a
//     decimal, true is 1, now() is current_timestamp()); reflection and
//     Normalize agree on one spelling (canonical defaults: true/false,
//     CURRENT_TIMESTAMP, numbers without trailing zeros, 'quoted' strings).
package mysql

import (
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/retortdb/retort/dialect"
)

// Flavor says which server a dialect value speaks to.
type Flavor int

// The flavours: Unknown emits DDL that both accept and leaves MariaDB's
// refusals (expression indexes) to the server.
const (
	Unknown Flavor = iota
	MySQL
	MariaDB
)

// String names the flavour.
func (f Flavor) String() string {
	switch f {
	case MySQL:
		return "MySQL"
	case MariaDB:
		return "MariaDB"
	}
	return "MySQL/MariaDB"
}

// Dialect is the MySQL/MariaDB dialect. The zero value serves both servers.
type Dialect struct {
	flavor Flavor
}

var _ dialect.Dialect = (*Dialect)(nil)
var _ dialect.Locker = (*Dialect)(nil)

// New returns a dialect for one server flavour.
func New(f Flavor) *Dialect { return &Dialect{flavor: f} }

func init() { dialect.Register(&Dialect{}) }

// Name is "mysql", the key of revision files' per-dialect SQL and variants.
func (*Dialect) Name() string { return "mysql" }

// Schemes are mysql and mariadb (with any +driver suffix).
func (*Dialect) Schemes() []string { return []string{"mysql", "mariadb"} }

// Flavor returns the server flavour the dialect was made for.
func (d *Dialect) Flavor() Flavor { return d.flavor }

// defaultParams are set unless the URL's query says otherwise: times are
// read as time.Time in UTC, and the session's time zone is UTC so that
// CURRENT_TIMESTAMP agrees with the values Go writes. The driver's default
// collation is already utf8mb4; a charset parameter in the URL is passed on.
var defaultParams = [][2]string{
	{"parseTime", "true"},
	{"loc", "UTC"},
	{"time_zone", "'+00:00'"},
}

// Driver returns the go-sql-driver name "mysql" and a DSN for u:
// user:password@tcp(host:port)/db?params, the URL's query parameters
// passed to the driver after the defaults. Errors never hold the password.
func (*Dialect) Driver(u *dialect.URL) (string, string, error) {
	cfg := mysql.NewConfig()
	cfg.User = u.User
	cfg.Passwd = u.Password
	cfg.Net = "tcp"
	host, port := u.Host, u.Port
	if host == "" {
		host = "127.0.0.1"
	}
	if port == 0 {
		port = 3306
	}
	cfg.Addr = net.JoinHostPort(host, strconv.Itoa(port))
	cfg.DBName = u.Database
	dsn := cfg.FormatDSN()
	sep := "?"
	add := func(k, v string) {
		dsn += sep + k + "=" + escapeParam(v)
		sep = "&"
	}
	for _, kv := range defaultParams {
		if _, set := u.Query[kv[0]]; !set {
			add(kv[0], kv[1])
		}
	}
	for k, vs := range u.Query {
		for _, v := range vs {
			add(k, v)
		}
	}
	parsed, err := mysql.ParseDSN(dsn)
	if err != nil {
		return "", "", fmt.Errorf("mysql: URL %s: query parameters: %v", u.Redacted(), err)
	}
	return "mysql", parsed.FormatDSN(), nil
}

// escapeParam escapes a DSN parameter value as the driver unescapes it
// (url.QueryUnescape), keeping the characters it reads as separators safe.
func escapeParam(v string) string {
	const hex = "0123456789ABCDEF"
	var b []byte
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_', c == '.', c == '~', c == ',', c == '/':
			b = append(b, c)
		default:
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return string(b)
}

// Capabilities: no transactional DDL (every DDL statement commits), no
// schemas (a MySQL schema is a database), enums inline, no partial
// indexes, comments kept, identifiers up to 64 characters. Expression
// indexes are reported only for the MySQL flavour (8.0.13+).
func (d *Dialect) Capabilities() dialect.Capabilities {
	return dialect.Capabilities{
		TransactionalDDL:    false,
		Schemas:             false,
		NativeEnums:         false,
		PartialIndexes:      false,
		ExpressionIndexes:   d.flavor == MySQL,
		Comments:            true,
		MaxIdentifierLength: 64,
	}
}

// QuoteIdent quotes a name in backticks, doubling any backtick inside.
func (*Dialect) QuoteIdent(name string) string { return dialect.QuoteWith(name, '`') }

// Placeholder is "?" whatever n.
func (*Dialect) Placeholder(int) string { return "?" }

// literals is MySQL's literal spelling: backslashes escape inside strings,
// as they do unless the server runs with NO_BACKSLASH_ESCAPES (Retort
// assumes the default SQL mode).
var literals = dialect.LiteralFormat{
	Dialect:          "mysql",
	True:             "TRUE",
	False:            "FALSE",
	BackslashEscapes: true,
	NUL:              `\0`,
	// Times are written in UTC, as the driver (loc=UTC) sends them.
	Time: func(t time.Time) string {
		return "'" + t.UTC().Format("2006-01-02 15:04:05.999999") + "'"
	},
}

// Literal renders v as a MySQL literal, for --sql scripts and DDL text
// (comments, enum values) that cannot take bound parameters.
func (*Dialect) Literal(v any) (string, error) { return literals.Literal(v) }
