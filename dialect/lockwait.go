package dialect

import "time"

// LockWaitProber is implemented by dialects that can ask, without queueing,
// whether a statement would get its table lock now. An online ALTER that
// waits for its metadata lock behind a long transaction makes every reader
// that comes after it wait too (the lock queue), for as long as the server
// lets it wait; where the server counts that wait in whole seconds only
// (MySQL/MariaDB lock_wait_timeout), a probe bounded by a fraction of a
// second lets a runner back off and retry instead. Each dialect keeps it
// in lockwait.go.
type LockWaitProber interface {
	// LockWaitProbe returns the statements that take and release st's
	// table lock, giving up after wait, or none when st needs no probe
	// (not an online change of one table, or a server without the form).
	LockWaitProbe(st Statement, wait time.Duration) []Statement
	// LockBusy reports whether err is a probe that gave up after wait:
	// the lock is held now, nothing changed, and the probe may run again.
	LockBusy(err error) bool
}
