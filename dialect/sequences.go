package dialect

import "errors"

// ErrNoSequences is returned by a dialect without sequences of their own
// (MySQL/MariaDB, SQLite, as Retort models them) asked to plan a sequence
// op: its autoincrement columns number their rows.
var ErrNoSequences = errors.New("sequences are modelled on PostgreSQL only; on this database an autoincrement column numbers its rows: remove the sequence from the schema, or the op from the revision")
