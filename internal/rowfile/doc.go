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
// strings (never through a float); booleans true/false; dates
// 2006-01-02; times 15:04:05[.ffffff]; uuid in its 36
// character form; json and jsonb as JSON text (validated, kept as text);
// binary as base64 or \x followed by hex.
//
// Timestamps (timestamptz, timestamp, and native spellings such as
// datetime(6) or timestamp(3) with time zone, see [IsTimestamp]) are RFC
// 3339, "T" or a space between date and time, and come out as time.Time in
// UTC, whatever the column's type came from:
//   - a value with an offset (Z, +02:00, -05:30) is an instant: it is
//     converted to UTC, never stripped of its offset (2001-09-09T04:03:17+02:00
//     is 02:03:17 UTC, in a timestamp column too);
//   - a value without an offset is UTC: the zone timestamptz is stored in
//     where the database has no zone-aware type (MySQL datetime(6), SQLite
//     text) and the zone of Retort's MySQL sessions; on PostgreSQL it is
//     bound as that instant, so the server's TimeZone setting cannot shift
//     it. A naive timestamp keeps its wall clock, which is the UTC one.
//
// Errors are [*Error]: they name the file, the line, the row and the
// column.
package rowfile
