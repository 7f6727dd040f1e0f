// Package sqlite is Retort's SQLite dialect, on the pure-Go driver
// modernc.org/sqlite (driver name "sqlite").
//
// URLs: sqlite:///relative.db (relative to the working directory),
// sqlite:////absolute.db, and sqlite:// for a database in memory. Query
// parameters go to the driver unchanged (_pragma=..., _txlock=...). Retort
// always adds _pragma=foreign_keys(1) (SQLite leaves foreign keys unchecked
// otherwise), _pragma=busy_timeout(5000), _txlock=immediate (see lock.go)
// and _time_format=sqlite (times stored as "2006-01-02 15:04:05.999999999-07:00",
// which SQLite's date functions read), unless the URL sets them itself.
//
// An in-memory database lives as long as a connection to it: each new
// connection to a plain ":memory:" database would see an empty database of
// its own. sqlite:// therefore opens file::memory:?cache=shared, one
// database shared by every connection of the process, which vanishes when
// the last connection closes.
//
// What SQLite keeps and what it does not:
//   - Comments: SQLite keeps no comments; Retort drops them on this dialect
//     (Normalize removes them, set_table_comment plans nothing) and says so
//     here rather than failing.
//   - Enums: an enum column is TEXT with a column CHECK named "enum_<name>"
//     listing the values; reflection reads the enum back from it. An enum no
//     column uses is kept nowhere.
//   - Schemas: none (ATTACHed databases are out of scope).
//   - Autoincrement: only a single-column INTEGER PRIMARY KEY can have it, so
//     a smallint or bigint autoincrement key is created as INTEGER (64 bits
//     in SQLite anyway). It reads back as integer, or as the bigint or
//     smallint type of the columns that refer to it (so the model stays
//     valid: a foreign key and its key have one type); Normalize says the
//     same. Autoincrement anywhere
//     else is dropped.
//
// SQLite's ALTER TABLE adds, renames and drops columns and renames tables;
// anything else is done by the "move and copy" recreate of its
// documentation (https://www.sqlite.org/lang_altertable.html#otheralter),
// planned in recreate.go. The migration lock is the runner's own write
// transaction (BEGIN IMMEDIATE); see lock.go.
package sqlite

import (
	"fmt"
	"math"
	"net/url"
	"strings"
	"time"

	"github.com/retortdb/retort/dialect"
)

// Name is the dialect's name in revision files and variants.
const Name = "sqlite"

// DriverName is the database/sql driver name of modernc.org/sqlite.
const DriverName = "sqlite"

// Dialect is the SQLite dialect. Its zero value is ready to use.
type Dialect struct{}

var _ dialect.Dialect = (*Dialect)(nil)

func init() {
	dialect.Register(&Dialect{})
}

// Name returns "sqlite".
func (*Dialect) Name() string { return Name }

// Schemes returns the URL schemes of SQLite.
func (*Dialect) Schemes() []string { return []string{"sqlite", "sqlite3"} }

// Capabilities returns what SQLite can do.
func (*Dialect) Capabilities() dialect.Capabilities {
	return dialect.Capabilities{
		TransactionalDDL:  true,
		Schemas:           false,
		NativeEnums:       false,
		PartialIndexes:    true,
		ExpressionIndexes: true,
		Comments:          false,
		// SQLite has no limit on identifier length.
		MaxIdentifierLength: math.MaxInt32,
	}
}

// memoryDSN is the shared in-memory database; see the package doc.
const memoryDSN = "file::memory:?cache=shared"

// Driver returns the modernc.org/sqlite driver name and DSN for u.
func (*Dialect) Driver(u *dialect.URL) (string, string, error) {
	if u.Host != "" || u.User != "" || u.Port != 0 {
		return "", "", fmt.Errorf("%w %q: a SQLite URL has no host or user: write sqlite:///relative.db, sqlite:////absolute.db or sqlite:// (in memory)",
			dialect.ErrBadURL, u.Redacted())
	}
	q := url.Values{}
	for k, v := range u.Query {
		q[k] = append([]string(nil), v...)
	}
	addDefaults(q)
	path := u.Database
	if path == "" || path == ":memory:" {
		return DriverName, memoryDSN + "&" + q.Encode(), nil
	}
	if strings.ContainsAny(path, "?#") {
		return "", "", fmt.Errorf("%w %q: the file name must not contain ? or #", dialect.ErrBadURL, u.Redacted())
	}
	return DriverName, path + "?" + q.Encode(), nil
}

// addDefaults adds the connection settings Retort relies on, unless the URL
// chose its own.
func addDefaults(q url.Values) {
	has := func(pragma string) bool {
		for _, p := range q["_pragma"] {
			if strings.HasPrefix(strings.ToLower(strings.TrimSpace(p)), pragma) {
				return true
			}
		}
		return false
	}
	if !has("foreign_keys") && q.Get("_foreign_keys") == "" && q.Get("_fk") == "" {
		q.Add("_pragma", "foreign_keys(1)")
	}
	if !has("busy_timeout") && q.Get("_busy_timeout") == "" && q.Get("_timeout") == "" {
		q.Add("_pragma", "busy_timeout(5000)")
	}
	if q.Get("_txlock") == "" {
		q.Set("_txlock", "immediate")
	}
	if q.Get("_time_format") == "" {
		// Times as SQLite's date functions read them, not Go's String form.
		q.Set("_time_format", "sqlite")
	}
}

// QuoteIdent quotes name in double quotes, doubling any inside it.
func (*Dialect) QuoteIdent(name string) string { return quote(name) }

func quote(name string) string {
	return dialect.QuoteWith(name, '"')
}

// Placeholder returns "?": SQLite binds arguments in order.
func (*Dialect) Placeholder(int) string { return "?" }

// literals renders values the way modernc.org/sqlite stores bound ones on
// a connection opened with Retort's DSN, so a --sql script writes what a
// live run would: times in the _time_format=sqlite text form, and NUL
// characters through char(0).
var literals = dialect.LiteralFormat{
	Dialect: Name,
	Time:    func(t time.Time) string { return "'" + t.Format(timeFormat) + "'" },
	NUL:     "' || char(0) || '",
}

// timeFormat is modernc.org/sqlite's _time_format=sqlite text form.
const timeFormat = "2006-01-02 15:04:05.999999999-07:00"

// Literal renders v as an SQLite literal, for --sql scripts.
func (*Dialect) Literal(v any) (string, error) { return literals.Literal(v) }
