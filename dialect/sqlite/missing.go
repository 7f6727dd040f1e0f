package sqlite

import (
	"errors"
	"strings"

	"modernc.org/sqlite"
)

// sqliteError is SQLITE_ERROR, the primary code a missing table is
// reported under.
const sqliteError = 1

// MissingTable reports SQLite's "no such table" (SQLITE_ERROR, which has
// no code of its own for it, so the message tells it).
func (*Dialect) MissingTable(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqliteError && strings.Contains(se.Error(), "no such table")
}
