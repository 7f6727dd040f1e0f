package dialect

import (
	"context"
	"database/sql"
)

// ScratchProvider is implemented by dialects that can make a scratch
// database without a server (SQLite in memory), for loading a .sql schema
// when no dev URL is given.
type ScratchProvider interface {
	// ScratchURL returns the URL of a fresh, private scratch database.
	ScratchURL() string
}

// ScriptDriver is implemented by dialects whose connections need a setting
// to run a script of many statements in one Exec (MySQL's
// multiStatements). Callers that run whole scripts use it instead of
// Driver when the dialect has it.
type ScriptDriver interface {
	// ScriptDriver returns the driver name and DSN for u, set up to run
	// multi-statement scripts.
	ScriptDriver(u *URL) (driverName, dsn string, err error)
}

// ScratchCleaner is implemented by dialects that can empty a scratch
// database completely, for loading a .sql schema into it again and again:
// every object kind a script can create (tables, views, sequences,
// functions, types, extensions, ...), in every schema, dropped in an order
// the dependencies allow, leaving the default schema there and empty.
type ScratchCleaner interface {
	// EmptyScratch drops everything db holds outside the system schemas.
	// db is a scratch database: nothing in it is kept.
	EmptyScratch(ctx context.Context, db *sql.DB) error
	// ResetScratch undoes the session settings a script may have made
	// (a pg_dump file empties PostgreSQL's search_path), so that
	// reflecting afterwards sees the default schema again.
	ResetScratch(ctx context.Context, db *sql.DB) error
	// ScratchSchemas lists, by name and sorted, every schema db holds
	// (the system ones left out) when it holds any besides the default
	// one, and none otherwise, for reflecting all of them: the default
	// schema named too, so that keys from other schemas into it are
	// read (see [InspectOptions.Schemas]).
	ScratchSchemas(ctx context.Context, db *sql.DB) ([]string, error)
}

// ScriptSplitter is implemented by dialects whose command-line client, not
// the server, splits a script into statements (MySQL's DELIMITER lines,
// which the server does not know). A .sql schema is then run statement by
// statement, as that client runs it.
type ScriptSplitter interface {
	// SplitScript returns the statements of script in order, or an error
	// naming the line of an unterminated quote or comment.
	SplitScript(script string) ([]string, error)
}
