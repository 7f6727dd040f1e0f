package dialect

import (
	"context"
	"database/sql"

	"github.com/retortdb/retort/ops"
)

// LockProber is implemented by dialects that can measure what a statement
// does to the tables it touches, for "migrate lint": which lock it takes,
// whether it rewrites or scans a table, and (MySQL/MariaDB) the ALTER
// algorithm the server accepts. Each dialect keeps it in lintprobe.go.
type LockProber interface {
	// ProbeStatement runs st on db, a scratch database (never the real
	// one), and reports what the server did. The statement's effect is
	// kept (committed), so the next statement of a revision sees it. db's
	// pool must allow a second connection where the dialect samples
	// from one (PostgreSQL).
	ProbeStatement(ctx context.Context, db *sql.DB, st Statement) (Probe, error)
	// DocumentedProbe is what the dialect's documentation says the op
	// does, for a lint without a scratch database; Measured is false.
	DocumentedProbe(op ops.Op) Probe
}

// Probe is what one statement did (or, not Measured, is documented to do).
type Probe struct {
	// Measured: the facts come from running the statement on a scratch
	// database, not from documented rules.
	Measured bool
	// Locks are the table-level locks the statement held on user
	// relations (tables and indexes), strongest per relation.
	Locks []RelationLock
	// Rewritten names the tables whose storage was replaced (PostgreSQL
	// relfilenode, InnoDB table id changed): a full copy under the lock.
	Rewritten []string
	// Scanned names the tables read in full (a validation), as counted by
	// the server's statistics.
	Scanned []string
	// Algorithm and LockLevel are MySQL/MariaDB's ALTER algorithm (INSTANT,
	// INPLACE, COPY) and LOCK level (NONE, SHARED, EXCLUSIVE) the server
	// accepted; empty where they do not apply.
	Algorithm, LockLevel string
	// BlocksWrites and BlocksReads: the strongest lock held stops
	// concurrent writes (reads) of the relation while the statement runs.
	BlocksWrites, BlocksReads bool
	// Note says anything the probe could not tell.
	Note string
}

// RelationLock is one lock on one relation.
type RelationLock struct {
	Relation string
	Mode     string
}
