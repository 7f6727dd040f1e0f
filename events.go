package retort

import "time"

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
	// it has loaded so far), for a progress display.
	Progress
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
}

// emit reports e when the caller asked for events.
func (r *Runner) emit(e Event) {
	if r.opts.Events != nil {
		r.opts.Events(e)
	}
}
