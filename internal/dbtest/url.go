package dbtest

import (
	"fmt"
	"net"
	"net/url"
	"strings"

	"github.com/go-sql-driver/mysql"
)

// server is a database server to create test databases on.
type server struct {
	dialect string // "postgres" or "mysql"
	env     string // the variable that overrides def
	def     string // the URL used when env is unset
	url     *url.URL
}

var (
	postgresServer = &server{dialect: "postgres", env: "RETORT_TEST_POSTGRES_URL",
		def: "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"}
	mysqlServer = &server{dialect: "mysql", env: "RETORT_TEST_MYSQL_URL",
		def: "mysql://root@127.0.0.1:3306/"}
)

// parseServerURL reads a SQLAlchemy-style URL of the given dialect; the
// scheme's +driver part is ignored, as in docs/design.md.
func parseServerURL(dialect, raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("bad URL %s: %v", redactRaw(raw), scrub(err, raw))
	}
	scheme, _, _ := strings.Cut(u.Scheme, "+")
	ok := false
	switch dialect {
	case "postgres":
		ok = scheme == "postgres" || scheme == "postgresql"
	case "mysql":
		ok = scheme == "mysql" || scheme == "mariadb"
	}
	if !ok {
		return nil, fmt.Errorf("URL %s is not a %s URL", redact(u), dialect)
	}
	u.Scheme = dialect
	if u.Host == "" {
		u.Host = "127.0.0.1"
	}
	return u, nil
}

// withDatabase returns a copy of u naming database db.
func withDatabase(u *url.URL, db string) *url.URL {
	c := *u
	c.Path = "/" + db
	c.RawPath = ""
	return &c
}

// databaseOf returns the database a URL names, or "".
func databaseOf(u *url.URL) string { return strings.TrimPrefix(u.Path, "/") }

// postgresDSN is the pgx connection string for u: pgx reads URLs itself.
func postgresDSN(u *url.URL) string { return u.String() }

// mysqlDefaults are the driver parameters used unless the URL sets them;
// the package doc says why.
var mysqlDefaults = map[string]string{
	"multiStatements": "true",
	"parseTime":       "true",
	"loc":             "UTC",
	"time_zone":       "'+00:00'",
}

// mysqlDSN converts u to a go-sql-driver DSN.
func mysqlDSN(u *url.URL) (string, error) {
	q := u.Query()
	for k, v := range mysqlDefaults {
		if !q.Has(k) {
			q.Set(k, v)
		}
	}
	addr := u.Host
	if u.Port() == "" {
		addr = net.JoinHostPort(u.Hostname(), "3306")
	}
	cfg, err := mysql.ParseDSN("tcp(" + addr + ")/" + databaseOf(u) + "?" + q.Encode())
	if err != nil {
		return "", fmt.Errorf("URL %s: %v", redact(u), err)
	}
	cfg.User = u.User.Username()
	cfg.Passwd, _ = u.User.Password()
	return cfg.FormatDSN(), nil
}

// redact renders u with its password, if any, as ***.
func redact(u *url.URL) string { return redactRaw(u.String()) }

// redactRaw is redact for a URL as text, parsed or not: what lies between
// the user name's colon and the last "@" of the authority is the password.
func redactRaw(raw string) string {
	scheme, rest, ok := strings.Cut(raw, "//")
	if !ok {
		return raw
	}
	authority := rest
	if end := strings.IndexAny(rest, "/?#"); end >= 0 {
		authority = rest[:end]
	}
	at := strings.LastIndex(authority, "@")
	if at < 0 {
		return raw
	}
	user, _, hasPass := strings.Cut(authority[:at], ":")
	if !hasPass {
		return raw
	}
	return scheme + "//" + user + ":***" + rest[at:]
}

// scrub returns err's message with the password of raw, if any, replaced
// by ***, for errors that might quote it.
func scrub(err error, raw string) string {
	msg := err.Error()
	if u, perr := url.Parse(raw); perr == nil {
		if pw, ok := u.User.Password(); ok && pw != "" {
			msg = strings.ReplaceAll(msg, pw, "***")
		}
		return msg
	}
	if _, rest, ok := strings.Cut(raw, "//"); ok {
		if at := strings.LastIndex(rest, "@"); at >= 0 {
			if _, pw, ok := strings.Cut(rest[:at], ":"); ok && pw != "" {
				msg = strings.ReplaceAll(msg, pw, "***")
			}
		}
	}
	return msg
}
