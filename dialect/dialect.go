// Package dialect is the boundary between Retort and a database: the
// [Dialect] interface every database implements, a registry, the URL form
// of docs/design.md, and the expression core (statements with bound parameters,
// compiled per dialect).
//
// Everything that differs between databases lives behind Dialect, in one
// package per database under dialect/. Nothing else in Retort switches on
// a dialect's name. Optional abilities (advisory locks, COPY) are extra
// interfaces a caller tests for, as database/sql/driver does.
package dialect

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// Dialect is what every database must provide.
type Dialect interface {
	// Name is the dialect's name in revision files and variants:
	// "postgresql", "mysql" or "sqlite".
	Name() string
	// Schemes lists the URL schemes (before any +driver) that select this
	// dialect, e.g. "postgres", "postgresql".
	Schemes() []string
	// Driver returns the database/sql driver name and DSN for u.
	Driver(u *URL) (driverName, dsn string, err error)
	// Capabilities tells what the database can do, for callers that must
	// choose (transactions around DDL, in-place ALTER, ...).
	Capabilities() Capabilities

	// QuoteIdent quotes one identifier, whatever characters it holds.
	QuoteIdent(name string) string
	// Placeholder returns the bind marker for the n-th (1-based) argument.
	Placeholder(n int) string
	// Literal renders a value as an SQL literal, for scripts printed by
	// --sql. Values are nil, bool, integers, floats, string, []byte,
	// time.Time, or fmt.Stringer.
	Literal(v any) (string, error)

	// TypeSQL renders a column type (its variant for this dialect first).
	TypeSQL(t metadata.Type) (string, error)
	// Plan turns ops, applied in order to state (the model before the
	// first op; Plan does not change it), into statements. A dialect may
	// batch consecutive ops (SQLite's table recreate).
	Plan(state *metadata.MetaData, list []ops.Op) ([]Statement, error)

	// Inspect reads the live schema through q into the model, in a fixed
	// number of catalog queries whatever the number of tables. Objects the
	// model cannot hold (views, triggers, ...) are reported as warnings.
	Inspect(ctx context.Context, q Queryer, opts InspectOptions) (*Inspection, error)
	// Normalize returns a copy of m as this database would give it back:
	// what Inspect reads after m is created (types mapped to the nearest
	// native type and back, comments dropped where the database keeps none,
	// constraint names it forces). Round-trip tests and autogenerate compare
	// a target with a reflection through it, so nothing reports a false
	// difference.
	Normalize(m *metadata.MetaData) *metadata.MetaData
}

// Queryer is what Inspect reads through: a *sql.DB, *sql.Conn or *sql.Tx.
type Queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// InspectOptions limits what Inspect reads.
type InspectOptions struct {
	// Schemas to read; empty means the connection's default schema, whose
	// tables get an empty Schema in the model. An empty string in the list
	// also names the default schema, so ["", "billing"] reads the default
	// schema (Schema "") and billing.
	Schemas []string
}

// Inspection is what Inspect found.
type Inspection struct {
	MetaData *metadata.MetaData
	// Warnings name objects that were seen but not modelled, one line each.
	Warnings []string
}

// Capabilities are facts about a database that callers act on.
type Capabilities struct {
	// TransactionalDDL: DDL runs inside a transaction and rolls back.
	TransactionalDDL bool
	// Schemas: the database has namespaces within a database.
	Schemas bool
	// NativeEnums: enums are types of their own (CREATE TYPE).
	NativeEnums bool
	// PartialIndexes and ExpressionIndexes: CREATE INDEX ... WHERE, and on
	// expressions.
	PartialIndexes    bool
	ExpressionIndexes bool
	// Comments: tables and columns keep comments.
	Comments bool
	// MaxIdentifierLength in bytes (characters on MySQL).
	MaxIdentifierLength int
}

// Statement is one SQL statement with its bound arguments.
type Statement struct {
	SQL  string
	Args []any
	// Op is the index, in the list given to Plan, of the op this statement
	// belongs to (the last op of a batch), so a runner can say which ops ran.
	Op int
	// NoTransaction marks a statement that must run outside a transaction
	// (CREATE INDEX CONCURRENTLY, ALTER TYPE ... ADD VALUE on old servers).
	NoTransaction bool
	// FailIfRows marks a check: the runner fails the transaction (and
	// rolls it back) when the statement returns any row. SQLite's table
	// recreate ends with PRAGMA foreign_key_check flagged so.
	FailIfRows bool
	// BeforeTx and AfterTx mark connection settings that cannot change
	// inside a transaction. The runner runs a BeforeTx statement on the
	// same connection before it begins the transaction holding the other
	// statements, and an AfterTx statement after that transaction commits
	// or rolls back, whatever the outcome. A --sql script prints them
	// outside BEGIN/COMMIT. SQLite turns foreign key enforcement off
	// around a table recreate this way, as its documentation prescribes.
	BeforeTx bool
	AfterTx  bool
	// ExecRows marks a query whose rows are statements: the runner runs
	// the query, reads every row's first column (SQL text) before running
	// any, then runs each, in order, in the same transaction. SQLite's
	// recreate saves the CREATE TRIGGER text of a table before dropping it
	// and replays it this way, since the model holds no triggers. A --sql
	// script, which has no database to ask, prints it as a comment.
	ExecRows bool
	// Progress names a step of a long op for a progress display ("recreate
	// table users: copy rows (2/6)"); empty for quick statements. The
	// runner reports it (a Progress event) before running the statement.
	Progress string
	// Cleanup runs, in order and on the same connection, when a
	// NoTransaction statement fails, before the failure is reported or the
	// statement is retried: PostgreSQL drops the INVALID index that a
	// failed CREATE INDEX CONCURRENTLY leaves behind.
	Cleanup []Statement
}

// ErrLockTimeout is wrapped by [Locker.Lock] (and by a dialect whose lock is
// its write transaction, such as SQLite's) when another session held the
// migration lock for the whole timeout.
var ErrLockTimeout = errors.New("timed out waiting for the migration lock (another migration is running?)")

// Locker is implemented by dialects that can take a migration lock, so
// that two runners never migrate one database at once.
type Locker interface {
	// Lock takes the named lock on conn, waiting up to timeout; it returns
	// an error wrapping ErrLockTimeout when another session holds it.
	Lock(ctx context.Context, conn *sql.Conn, name string, timeout time.Duration) error
	// Unlock releases the lock taken by Lock on the same conn.
	Unlock(ctx context.Context, conn *sql.Conn, name string) error
}
