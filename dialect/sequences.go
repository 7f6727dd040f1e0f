package dialect

import "errors"

// ErrNoSequences is returned by a dialect without sequences of their own
// (MySQL/MariaDB, SQLite, as Retort models them) asked to plan a sequence
// op: its autoincrement columns number their rows.
var ErrNoSequences = errors.New("sequences are modelled on PostgreSQL only; on this database an autoincrement column numbers its rows: remove the sequence from the schema, or the op from the revision")

// SequenceReader is implemented by a dialect whose column defaults can
// read a sequence (PostgreSQL's nextval). Autogenerate asks it which
// sequence a default reads, to keep sequences with the tables a filter
// selects, to tell a renamed sequence from a new one, and to refuse a
// default that reads a sequence the target lacks.
type SequenceReader interface {
	// DefaultSequence returns the sequence the default def reads: its
	// schema as def names it ("" when def names none) and its name; ok
	// is false when def reads no sequence.
	DefaultSequence(def string) (schema, name string, ok bool)
}
