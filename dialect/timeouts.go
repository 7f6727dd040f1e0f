package dialect

import "time"

// Timeouts are the session limits a revision runs under (the revision
// header's and migrate.yaml's lock_timeout and statement_timeout). A zero
// field is the server's own default.
type Timeouts struct {
	// Lock bounds how long one statement waits for a lock before the
	// server gives up on it (PostgreSQL lock_timeout; MySQL/MariaDB
	// lock_wait_timeout and innodb_lock_wait_timeout).
	Lock time.Duration
	// Statement bounds how long one statement runs (PostgreSQL
	// statement_timeout; MariaDB max_statement_time; MySQL
	// max_execution_time, which bounds SELECTs only).
	Statement time.Duration
}

// TimeoutSetter is implemented by dialects whose sessions can bound lock
// waits, so a runner can set a revision's timeouts and retry a statement
// that gave up waiting for its lock. Each dialect keeps it in timeouts.go.
type TimeoutSetter interface {
	// SetTimeouts returns the statements that put t in force on the
	// session (zero fields restore the server's default), and a note when
	// the server cannot hold t exactly (MySQL counts lock waits in whole
	// seconds: 500ms is rounded up to 1s), "" otherwise. A statement may
	// be ExecRows (its row is the SET to run) when the form depends on the
	// server.
	SetTimeouts(t Timeouts) (stmts []Statement, note string)
	// LockTimedOut reports whether err is the server's error for a
	// statement that gave up waiting for a lock under SetTimeouts' Lock
	// (PostgreSQL SQLSTATE 55P03, MySQL/MariaDB error 1205). Such a
	// statement changed nothing: it may run again.
	LockTimedOut(err error) bool
}
