package postgres

import (
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/retortdb/retort/dialect"
)

var _ dialect.TimeoutSetter = Postgres{}

// lockNotAvailable is SQLSTATE 55P03, lock_not_available: what a statement
// returns when lock_timeout ran out (and what NOWAIT returns at once).
const lockNotAvailable = "55P03"

// SetTimeouts sets lock_timeout and statement_timeout on the session, in
// milliseconds; a zero field is RESET to the server's (or role's) value.
// A session-level SET made inside a transaction is undone with it, which
// is what a rolled-back revision wants.
func (Postgres) SetTimeouts(t dialect.Timeouts) ([]dialect.Statement, string) {
	return []dialect.Statement{
		{SQL: pgTimeout("lock_timeout", t.Lock), Op: -1},
		{SQL: pgTimeout("statement_timeout", t.Statement), Op: -1},
	}, ""
}

func pgTimeout(name string, d time.Duration) string {
	if d <= 0 {
		return "RESET " + name
	}
	ms := (d + time.Millisecond - 1) / time.Millisecond
	return fmt.Sprintf("SET %s = '%dms'", name, ms)
}

// LockTimedOut reports SQLSTATE 55P03.
func (Postgres) LockTimedOut(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == lockNotAvailable
}
