package dialect

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
