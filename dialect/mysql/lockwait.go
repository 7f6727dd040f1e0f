package mysql

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	gomysql "github.com/go-sql-driver/mysql"

	"github.com/retortdb/retort/dialect"
)

var _ dialect.LockWaitProber = (*Dialect)(nil)

// errStatementTimeout is MariaDB's ER_STATEMENT_TIMEOUT: the statement ran
// past max_statement_time and was interrupted.
const errStatementTimeout = 1969

// onlineTable finds the table of an online ALTER TABLE, CREATE INDEX or
// DROP INDEX statement (one that asks for LOCK=NONE), after a leading
// comment such as the inplace foreign key's /*M!100301 SET STATEMENT ... */.
var onlineTable = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile("(?is)^\\s*(?:/\\*.*?\\*/\\s*)?(?:ALTER\\s+TABLE|(?:CREATE(?:\\s+UNIQUE)?|DROP)\\s+INDEX\\s+`(?:[^`]|``)+`\\s+ON)\\s+((?:`(?:[^`]|``)+`\\.)?`(?:[^`]|``)+`)\\s.*\\bLOCK\\s*=\\s*NONE\\b")
})

// LockWaitProbe returns, on MariaDB, SET STATEMENT max_statement_time=<wait>
// FOR LOCK TABLES <table> WRITE and UNLOCK TABLES for an online change
// of one table. LOCK TABLES WRITE waits behind the same open transactions
// as the ALTER's metadata lock, but max_statement_time, unlike
// lock_wait_timeout, takes fractions of a second. MySQL has no SET
// STATEMENT: no probe there; where the flavour is not known, the server's
// VERSION() chooses (an ExecRows query).
func (d *Dialect) LockWaitProbe(st dialect.Statement, wait time.Duration) []dialect.Statement {
	if d.flavor == MySQL || wait <= 0 || st.ExecRows {
		return nil
	}
	m := onlineTable().FindStringSubmatch(st.SQL)
	if m == nil {
		return nil
	}
	probe := dialect.Statement{SQL: fmt.Sprintf("SET STATEMENT max_statement_time=%g FOR LOCK TABLES %s WRITE", wait.Seconds(), m[1]), Op: st.Op}
	if d.flavor != MariaDB {
		probe.SQL = "SELECT IF(VERSION() LIKE '%MariaDB%', " + literal(probe.SQL) + ", 'DO 0')"
		probe.ExecRows = true
	}
	return []dialect.Statement{probe, {SQL: "UNLOCK TABLES", Op: st.Op}}
}

// literal is s as a single-quoted SQL string.
func literal(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", "''").Replace(s) + "'"
}

// LockBusy reports error 1969, the probe's max_statement_time running out.
func (*Dialect) LockBusy(err error) bool {
	var me *gomysql.MySQLError
	return errors.As(err, &me) && me.Number == errStatementTimeout
}
