package dialect

import "errors"

// ErrNoDomains is returned by a dialect without domains (MySQL/MariaDB,
// SQLite) asked to plan a domain op.
var ErrNoDomains = errors.New("domains are modelled on PostgreSQL only; on this database give the columns the base type and a check: remove the domain from the schema, or the op from the revision")

// ErrNoExtensions is returned by a dialect without extensions
// (MySQL/MariaDB, SQLite) asked to plan an extension op.
var ErrNoExtensions = errors.New("extensions are modelled on PostgreSQL only: remove the extension from the schema, or the op from the revision")

// ErrGeneratedConversion is returned when an alter_column would turn a
// column rows are written to into a generated one, or a generated one
// into a written one: the first replaces the column's values with
// computed ones, the second freezes them, and neither can be undone
// exactly. Add a new column and move the data in steps of your own.
var ErrGeneratedConversion = errors.New("a column cannot become generated, or stop being generated, in place: its values would be replaced or frozen; add a new column, copy or compute the values with execute, then drop the old one")
