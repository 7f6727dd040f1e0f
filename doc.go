// Package retort is Retort's runner: it loads migrate.yaml ([LoadConfig]),
// and applies or reverts a history of revisions on a live database
// ([New], [Runner.Upgrade], [Runner.Downgrade], [Runner.Stamp]), or
// renders the same run as an SQL script ([Runner.SQL]).
//
// A run takes the dialect's migration lock first (PostgreSQL advisory
// lock, MySQL GET_LOCK; on SQLite the lock is the BEGIN IMMEDIATE of each
// revision's transaction), then applies one revision at a time. On a
// database with transactional DDL (PostgreSQL, SQLite) each revision's
// statements and its version-table change commit together, so a failure
// or an interrupt leaves the database at the last revision that finished.
// The version table is read again inside each revision's transaction, so
// runners racing for the same database apply every revision once.
//
// MySQL commits every DDL statement on its own. When a revision fails
// there, the runner returns a [*PartialError] naming the ops that ran and
// those that did not, leaves the version table at the previous revision,
// and, with [Options.Compensate], runs the reverse of the ops that ran.
//
// [Diff] compares a target schema (schema.yaml, or a .sql script loaded
// into a scratch database, see [ReadTarget]) with a live database or with
// the history folded offline; [Check] is the same and fails when they
// differ or the database is not at head. migrate diff, check and revision
// --autogenerate are these calls; [Config.DiffOptions] gives migrate.yaml's
// options.
//
// A service embeds its migrations and upgrades on start:
//
//	//go:embed migrations
//	var migrations embed.FS
//
//	r, err := retort.New(retort.Options{DB: db, Dialect: d, Migrations: migrations, Directory: "migrations/versions"})
//	...
//	err = r.Upgrade(ctx, "heads")
package retort
