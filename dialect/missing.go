package dialect

// MissingTableReporter is implemented by dialects that can tell from a
// query's error that the table it read does not exist. A runner reading
// the version table of a fresh database then knows it has no heads from
// that one error, without a second query to tell a missing table from a
// lost connection. Each dialect keeps it in missing.go.
type MissingTableReporter interface {
	// MissingTable reports whether err is the server's error for a table,
	// or the schema holding it, that does not exist (PostgreSQL SQLSTATE
	// 42P01 or 3F000, MySQL/MariaDB error 1146 or 1049, SQLite's "no such
	// table").
	MissingTable(err error) bool
}

// MissingTable reports whether d tells err as a missing table's error;
// false when d cannot tell (the caller then probes).
func MissingTable(d Dialect, err error) bool {
	m, ok := d.(MissingTableReporter)
	return ok && err != nil && m.MissingTable(err)
}
