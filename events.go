package retort

import (
	"strings"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/ops"
)

// EventKind tells what an [Event] reports.
type EventKind int

// The kinds of [Event].
const (
	// RevisionStarted: a revision is about to run (Revision, Direction).
	RevisionStarted EventKind = iota + 1
	// RevisionFinished: a revision ran and its version change committed
	// (Duration is the revision's).
	RevisionFinished
	// StatementRan: one statement ran (SQL, Duration).
	StatementRan
	// Notice: something the operator should know (Message), such as a
	// revision running outside a transaction.
	Notice
	// Progress: a long op moved on (Message names it, Rows counts the rows
	// it has loaded so far), for a progress display. Rows is -1 for a step
	// that counts no rows, reported as it starts: a step of SQLite's table
	// recreate, an index build.
	Progress
	// Retry: a statement gave up waiting for its lock (lock_timeout) and
	// runs again after Duration, alone or with its revision's
	// transaction, which was rolled back (Message says which; Attempt
	// counts the retries, from 1).
	Retry
)

// Event is progress reported to [Options.Events] while a run goes on.
type Event struct {
	Kind EventKind
	// Revision is the revision's id; Message its message for revision
	// events, or the notice's text.
	Revision string
	Message  string
	// Direction is "upgrade", "downgrade" or "stamp".
	Direction string
	// SQL is the statement's text, for StatementRan.
	SQL      string
	Duration time.Duration
	// Rows is the number of rows done so far, for Progress.
	Rows int64
	// Attempt is the retry's number, for Retry.
	Attempt int
}

// emit reports e when the caller asked for events.
func (r *Runner) emit(e Event) {
	if r.opts.Events != nil {
		r.opts.Events(e)
	}
}

// indexProgress labels the CREATE ... INDEX statement of a create_index
// op, which can take a while on a big table, for the progress display; ""
// for other statements. (A dialect that batches ops gives a batch's
// statements the last op's index, so the op alone does not tell.)
func indexProgress(list []ops.Op, st dialect.Statement) string {
	if st.Op < 0 || st.Op >= len(list) || !isCreateIndex(st.SQL) {
		return ""
	}
	o, ok := list[st.Op].(*ops.CreateIndex)
	if !ok || o.Index == nil {
		return ""
	}
	if o.Index.Name == "" {
		return "create an index on " + o.Table
	}
	return "create index " + o.Index.Name + " on " + o.Table
}

// isCreateIndex reports whether sql is CREATE [UNIQUE] INDEX ..., as every
// dialect spells it.
func isCreateIndex(sql string) bool {
	words := strings.Fields(strings.ToUpper(sql))
	return len(words) >= 2 && words[0] == "CREATE" && (words[1] == "INDEX" || len(words) >= 3 && words[1] == "UNIQUE" && words[2] == "INDEX")
}
