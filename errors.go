package retort

import (
	"errors"
	"fmt"
	"strings"

	"github.com/retortdb/retort/ops"
)

// ErrLocked is wrapped by the error of a run that could not take the
// migration lock within [Options.LockTimeout]; the error also wraps
// dialect.ErrLockTimeout and says who holds the lock where the database
// can tell.
var ErrLocked = errors.New("the database is locked by another migration")

// ErrNoConfig is wrapped when a configuration file named by --config or
// MIGRATE_CONFIG does not exist.
var ErrNoConfig = errors.New("no configuration file")

// ErrUnknownFunction is wrapped when a call op names a function that no
// [Register] call registered in this binary.
var ErrUnknownFunction = errors.New("call: no function registered under this name")

// StatementError is a database error with the statement that caused it.
type StatementError struct {
	// Revision is the revision the statement belongs to ("" for the
	// version table's own statements).
	Revision string
	// SQL is the statement's text (its arguments are not shown).
	SQL string
	// Err is the database's error, reachable with errors.As.
	Err error
}

// Error names the revision, the error and the statement.
func (e *StatementError) Error() string {
	where := ""
	if e.Revision != "" {
		where = "revision " + e.Revision + ": "
	}
	return fmt.Sprintf("%s%v\n  statement: %s", where, e.Err, oneLine(e.SQL, 400))
}

// Unwrap returns the database's error.
func (e *StatementError) Unwrap() error { return e.Err }

// PartialError reports a revision that failed part way on a database
// without transactional DDL (MySQL): Applied ran and were committed,
// Failed did not run (its first op is the one that failed, which may have
// run in part if it is several statements). The version table is still at
// the revision's parents.
type PartialError struct {
	// Revision is the id of the revision that failed.
	Revision string
	// Applied are the ops that ran, in order.
	Applied []ops.Op
	// Failed are the ops that did not run, the failing one first.
	Failed []ops.Op
	// Compensation are the reverse ops of Applied, in the order that
	// undoes them; nil when one of them has no reverse.
	Compensation []ops.Op
	// Compensated is true when the runner ran Compensation
	// ([Options.Compensate]) and it succeeded.
	Compensated bool
	// CompensateErr is the error of running Compensation, if it failed.
	CompensateErr error
	// Err is the error of the failing op.
	Err error
}

// Error says which ops ran and which did not, and what to do.
func (e *PartialError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "revision %s failed at op %d of %d (%s); the version table still names its parent\n",
		e.Revision, len(e.Applied)+1, len(e.Applied)+len(e.Failed), opName(e.Failed))
	b.WriteString("  applied (committed, this database cannot roll DDL back):")
	b.WriteString(opList(e.Applied))
	b.WriteString("\n  not applied:")
	b.WriteString(opList(e.Failed))
	switch {
	case e.Compensated:
		b.WriteString("\n  compensated: the reverse ops of the applied ones ran; the schema is back at the parent revision")
	case e.CompensateErr != nil:
		fmt.Fprintf(&b, "\n  compensation failed: %v", e.CompensateErr)
	case e.Compensation != nil:
		b.WriteString("\n  to return to the parent revision, undo the applied ops with these (with --compensate, or Options.Compensate, the runner does it when a revision fails):")
		b.WriteString(opList(e.Compensation))
	}
	fmt.Fprintf(&b, "\n  error: %v", e.Err)
	return b.String()
}

// Unwrap returns the failing op's error.
func (e *PartialError) Unwrap() error { return e.Err }

func opName(list []ops.Op) string {
	if len(list) == 0 {
		return "none"
	}
	return list[0].Name()
}

// opList renders ops one per line, as in a revision file.
func opList(list []ops.Op) string {
	if len(list) == 0 {
		return " none"
	}
	var b strings.Builder
	for _, o := range list {
		b.WriteString("\n    - " + describe(o))
	}
	return b.String()
}

// oneLine shortens s to one line of at most n bytes, for messages.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		s = s[:n] + " ..."
	}
	return s
}
