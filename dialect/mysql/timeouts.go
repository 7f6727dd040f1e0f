package mysql

import (
	"errors"
	"fmt"
	"time"

	gomysql "github.com/go-sql-driver/mysql"

	"github.com/retortdb/retort/dialect"
)

var _ dialect.TimeoutSetter = (*Dialect)(nil)

// errLockWaitTimeout is ER_LOCK_WAIT_TIMEOUT, which both servers return
// when a metadata lock wait (lock_wait_timeout) or a row lock wait
// (innodb_lock_wait_timeout) runs out. The statement is rolled back.
const errLockWaitTimeout = 1205

// SetTimeouts sets lock_wait_timeout and innodb_lock_wait_timeout, which
// count whole seconds (a fraction is rounded up, and said so), and the
// statement limit: MariaDB's max_statement_time (seconds, fractions
// allowed) or MySQL's max_execution_time (milliseconds, SELECTs only),
// chosen by the server's VERSION() when the flavour is not known. A zero
// field is the global value (DEFAULT).
func (d *Dialect) SetTimeouts(t dialect.Timeouts) ([]dialect.Statement, string) {
	lock, note := "DEFAULT", ""
	if t.Lock > 0 {
		secs := (t.Lock + time.Second - 1) / time.Second
		lock = fmt.Sprint(int64(secs))
		if t.Lock%time.Second != 0 {
			note = fmt.Sprintf("lock_timeout %s is %ds here: MySQL and MariaDB count lock waits in whole seconds", t.Lock, secs)
		}
	}
	stmts := []dialect.Statement{{SQL: fmt.Sprintf("SET SESSION lock_wait_timeout = %s, innodb_lock_wait_timeout = %s", lock, lock), Op: -1}}
	return append(stmts, d.statementLimit(t.Statement)), note
}

// statementLimit is the SET of the statement limit for d's flavour.
func (d *Dialect) statementLimit(limit time.Duration) dialect.Statement {
	maria, mysql := "SET SESSION max_statement_time = DEFAULT", "SET SESSION max_execution_time = DEFAULT"
	if limit > 0 {
		maria = fmt.Sprintf("SET SESSION max_statement_time = %g", limit.Seconds())
		mysql = fmt.Sprintf("SET SESSION max_execution_time = %d", limit.Milliseconds())
	}
	switch d.flavor {
	case MariaDB:
		return dialect.Statement{SQL: maria, Op: -1}
	case MySQL:
		return dialect.Statement{SQL: mysql, Op: -1}
	}
	return dialect.Statement{SQL: fmt.Sprintf("SELECT IF(VERSION() LIKE '%%MariaDB%%', '%s', '%s')", maria, mysql), Op: -1, ExecRows: true}
}

// LockTimedOut reports error 1205.
func (*Dialect) LockTimedOut(err error) bool {
	var me *gomysql.MySQLError
	return errors.As(err, &me) && me.Number == errLockWaitTimeout
}
