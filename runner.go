package retort

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/versions"
)

// TransactionMode says how a run uses transactions (migrate.yaml's
// transaction key).
type TransactionMode string

// The transaction modes. They matter only on databases with transactional
// DDL (PostgreSQL, SQLite); MySQL commits each DDL statement whatever the
// mode.
const (
	// PerMigration runs each revision, with its version-table change, in
	// a transaction of its own (the default).
	PerMigration TransactionMode = "per-migration"
	// All runs the whole run in one transaction.
	All TransactionMode = "all"
	// None runs every statement on its own. A failure can leave a revision
	// half applied (reported as a *PartialError), and on SQLite, whose
	// lock is the revision's transaction, concurrent runners are no longer
	// kept apart.
	None TransactionMode = "none"
)

// DefaultLockTimeout is how long a run waits for another runner's lock
// when [Options.LockTimeout] is zero.
const DefaultLockTimeout = 60 * time.Second

// Options configure a [Runner].
type Options struct {
	// DB is the database to migrate; it may be nil for [Runner.SQL].
	DB *sql.DB
	// Dialect speaks DB's SQL.
	Dialect dialect.Dialect
	// Migrations holds the revision files, in Directory.
	Migrations fs.FS
	// Graph, when set, is the history already loaded, and Migrations and
	// Directory are not read: a fleet loads its history once for all its
	// targets. A run does not change its graph, so runners may share one.
	Graph *versions.Graph
	// Directory is the folder of revision files within Migrations;
	// "versions" when empty.
	Directory string
	// VersionTable names the version table (default migrate_version; set
	// alembic_version to adopt an Alembic-managed database) and
	// VersionSchema its schema (default: the connection's).
	VersionTable  string
	VersionSchema string
	// Transaction is the transaction mode; PerMigration when empty.
	Transaction TransactionMode
	// LockTimeout is how long to wait for another runner's migration
	// lock; DefaultLockTimeout when zero.
	LockTimeout time.Duration
	// LockStale is how long a lock kept by heartbeat (MySQL on a Galera
	// cluster) may go without one before another runner takes it over;
	// dialect.DefaultLockStale when zero. Make it longer than the
	// longest DDL statement of a revision.
	LockStale time.Duration
	// Timeouts are every revision's lock_timeout, statement_timeout,
	// lock_retries and retry_backoff (migrate.yaml's revisions: key); a
	// revision header's keys replace them one by one.
	Timeouts versions.Timeouts
	// Compensate, on a database without transactional DDL, runs the
	// reverse ops of a failed revision's applied ops (see [PartialError]).
	Compensate bool
	// Events, when set, receives progress as the run goes on, on the
	// run's goroutine.
	Events func(Event)
}

// Runner applies a history of revisions to one database. It is safe for
// one run at a time; runs from several processes on one database are
// serialised by the migration lock.
type Runner struct {
	opts  Options
	graph *versions.Graph
	vt    versions.VersionTable
	// session is the lock and statement timeouts in force on the run's
	// connection (see setTimeouts).
	session dialect.Timeouts
}

// LoadGraph returns the history o runs: o.Graph when it is loaded
// already, else the revision files of o.Directory ("versions" when
// empty) in o.Migrations. A fleet loads it once and sets Options.Graph
// for all its targets' runners.
func LoadGraph(o Options) (*versions.Graph, error) {
	if o.Graph != nil {
		return o.Graph, nil
	}
	if o.Migrations == nil {
		return nil, errors.New("retort: Options.Migrations (or a loaded Options.Graph) is required")
	}
	dir := o.Directory
	if dir == "" {
		dir = "versions"
	}
	return versions.Load(o.Migrations, dir)
}

// New reads the revision files and checks the options.
func New(o Options) (*Runner, error) {
	if o.Dialect == nil {
		return nil, errors.New("retort: Options.Dialect is required")
	}
	if o.Directory == "" {
		o.Directory = "versions"
	}
	switch o.Transaction {
	case "":
		o.Transaction = PerMigration
	case PerMigration, All, None:
	default:
		return nil, fmt.Errorf("retort: transaction mode %q: want per-migration, all or none", o.Transaction)
	}
	if o.LockTimeout <= 0 {
		o.LockTimeout = DefaultLockTimeout
	}
	g, err := LoadGraph(o)
	if err != nil {
		return nil, err
	}
	return &Runner{opts: o, graph: g,
		vt: versions.VersionTable{Dialect: o.Dialect, Schema: o.VersionSchema, Name: o.VersionTable}}, nil
}

// Graph is the revision graph the runner works with.
func (r *Runner) Graph() *versions.Graph { return r.graph }

// VersionTable is the runner's version table.
func (r *Runner) VersionTable() versions.VersionTable { return r.vt }

// lockName names the migration lock after the version table it guards,
// so two histories in one database (two version tables) do not wait for
// each other, nor do the databases of one MySQL server or the schemas of
// one PostgreSQL database (a fleet's tenants): with no version schema
// given, a [dialect.LockScoper] says where the table resolves on conn.
func (r *Runner) lockName(ctx context.Context, conn *sql.Conn) (string, error) {
	name := r.opts.VersionTable
	if name == "" {
		name = versions.DefaultVersionTable
	}
	schema := r.opts.VersionSchema
	if s, ok := r.opts.Dialect.(dialect.LockScoper); ok && schema == "" {
		var err error
		if schema, err = s.LockScope(ctx, conn); err != nil {
			return "", err
		}
	}
	if schema != "" {
		name = schema + "." + name
	}
	return "retort:" + name, nil
}

// transactional reports whether revisions run in transactions here.
func (r *Runner) transactional() bool {
	return r.opts.Dialect.Capabilities().TransactionalDDL && r.opts.Transaction != None
}
