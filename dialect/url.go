package dialect

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// URL is a database URL in SQLAlchemy's form, so that Alembic users keep
// their DATABASE_URL: scheme[+driver]://user:password@host:port/database?k=v.
// For SQLite, sqlite:///relative.db, sqlite:////absolute.db and sqlite://
// (in memory) put the path in Database.
//
// URL never prints its password: String and Redacted show "***".
type URL struct {
	Scheme   string // without the +driver suffix, lower case
	Driver   string // the +driver part, ignored by Retort but kept
	User     string
	Password string
	Host     string
	Port     int // 0: the database's default
	Database string
	Query    url.Values
}

// ErrBadURL is wrapped by every URL parsing error.
var ErrBadURL = errors.New("bad database URL")

var userinfoRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(://[^:@/]*):[^@/]*@`) })

// RedactURL hides the password of a URL-like string, even one that does not
// parse, for messages and logs.
func RedactURL(raw string) string {
	return userinfoRE().ReplaceAllString(raw, "$1:***@")
}

// RedactError wraps err so that its message never shows password (a
// driver may quote it); errors.As and errors.Is still reach err. A nil err
// or an empty password gives err back.
func RedactError(err error, password string) error {
	if err == nil || password == "" {
		return err
	}
	return redactedError{err, password}
}

// redactedError is an error whose message has a password replaced by ***.
type redactedError struct {
	err      error
	password string
}

func (e redactedError) Error() string {
	return strings.ReplaceAll(e.err.Error(), e.password, "***")
}

func (e redactedError) Unwrap() error { return e.err }

// ParseURL parses a database URL. Errors never include the password.
func ParseURL(raw string) (*URL, error) {
	bad := func(format string, args ...any) (*URL, error) {
		return nil, fmt.Errorf("%w %q: %s", ErrBadURL, RedactURL(raw), fmt.Sprintf(format, args...))
	}
	i := strings.Index(raw, "://")
	if i <= 0 {
		return bad("want scheme://..., as in postgres://user@host/db, mysql://user@host/db or sqlite:///file.db")
	}
	pu, err := url.Parse(raw)
	if err != nil {
		// url.Parse quotes the whole URL, password included: do not wrap it.
		return bad("it does not parse as a URL (percent-encode special characters in the password)")
	}
	u := &URL{Query: pu.Query()}
	u.Scheme, u.Driver, _ = strings.Cut(strings.ToLower(pu.Scheme), "+")
	if pu.User != nil {
		u.User = pu.User.Username()
		u.Password, _ = pu.User.Password()
	}
	u.Host = pu.Hostname()
	if p := pu.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n <= 0 || n > 65535 {
			return bad("port %q is not a number between 1 and 65535", p)
		}
		u.Port = n
	}
	u.Database = strings.TrimPrefix(pu.Path, "/")
	return u, nil
}

// Redacted renders the URL with the password replaced by ***.
func (u *URL) Redacted() string {
	var b strings.Builder
	b.WriteString(u.Scheme)
	if u.Driver != "" {
		b.WriteString("+" + u.Driver)
	}
	b.WriteString("://")
	if u.User != "" || u.Password != "" {
		b.WriteString(url.PathEscape(u.User))
		if u.Password != "" {
			b.WriteString(":***")
		}
		b.WriteString("@")
	}
	b.WriteString(u.Host)
	if u.Port != 0 {
		b.WriteString(":" + strconv.Itoa(u.Port))
	}
	if u.Database != "" || u.Scheme == "sqlite" {
		b.WriteString("/" + u.Database)
	}
	if len(u.Query) > 0 {
		b.WriteString("?" + u.Query.Encode())
	}
	return b.String()
}

// String is Redacted: a URL is never printed with its password.
func (u *URL) String() string { return u.Redacted() }

// Open finds the dialect for a URL by its scheme and parses the URL.
func Open(raw string) (Dialect, *URL, error) {
	u, err := ParseURL(raw)
	if err != nil {
		return nil, nil, err
	}
	registry.RLock()
	d, ok := registry.byScheme[u.Scheme]
	registry.RUnlock()
	if !ok {
		return nil, nil, fmt.Errorf("%w %q: unknown scheme %q (known dialects: %s)", ErrBadURL, u.Redacted(), u.Scheme, strings.Join(Names(), ", "))
	}
	return d, u, nil
}
