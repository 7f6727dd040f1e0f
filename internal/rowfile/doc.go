// Package rowfile streams the rows of a bulk_insert: a CSV file with a
// header row naming the columns, a JSON array of objects, or inline rows
// from a revision file. Every value is converted by its column's
// [metadata.Type] into a Go value a driver binds faithfully (int64, bool,
// float64, string, []byte, time.Time, nil), and nothing is held whole in
// memory: a [Reader] keeps one row at a time.
//
// CSV follows RFC 4180 (double quotes, "" inside quotes, newlines inside
// quotes) with one addition encoding/csv cannot make: an empty unquoted
// field is NULL, while "" is the empty string.
//
// Text forms, by type: integers in decimal; numerics as exact decimal
// strings (never through a float); booleans true/false; timestamptz in
// RFC 3339 with a zone ("T" or a space between date and time);
// timestamp without a zone (an offset given is dropped, the wall clock
// kept); dates 2006-01-02; times 15:04:05[.ffffff]; uuid in its 36
// character form; json and jsonb as JSON text (validated, kept as text);
// binary as base64 or \x followed by hex.
//
// Errors are [*Error]: they name the file, the line, the row and the
// column.
package rowfile
