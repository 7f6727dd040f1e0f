package dialect

import (
	"context"
	"database/sql"
	"fmt"
	"io"

	"github.com/retortdb/retort/metadata"
)

// RowSource is a stream of rows for a bulk load: Columns names the values
// of every row, Next returns the next row (the slice may be reused by the
// following call) and io.EOF after the last. internal/rowfile's Reader is
// one; its errors name the file, line and column.
type RowSource interface {
	Columns() []string
	Next() ([]any, error)
}

// RowPositioner is implemented by row sources that know where the row Next
// last returned came from, so a database error can name the rows of the
// failed batch.
type RowPositioner interface {
	Row() int
	Line() int
}

// BulkOptions says what a bulk load does with a row that collides with an
// existing one.
type BulkOptions struct {
	// OnConflict is ops.OnConflictError ("", fail), ops.OnConflictSkip or
	// ops.OnConflictUpdate (the row's other columns overwrite the existing row's).
	OnConflict string
	// Key names the unique constraint (or unique index) that detects a
	// conflict; empty means the primary key.
	Key string
}

// BulkLoader is implemented by dialects that load rows at their database's
// own bulk speed (COPY, large multi-row INSERT batches). A runner that
// finds it uses it for bulk_insert ops instead of planned statements.
type BulkLoader interface {
	// BulkLoad inserts every row of rows into table on conn, inside
	// whatever transaction is open on conn's session (the caller's
	// revision transaction), and returns the number of rows loaded (a
	// source with no rows loads none, without error). A bad
	// value fails the load with the source's error; nothing is committed
	// or rolled back here.
	BulkLoad(ctx context.Context, conn *sql.Conn, table *metadata.Table, rows RowSource, opts BulkOptions) (int64, error)
	// BulkScript writes the same load to w as batched INSERT statements
	// with literal values, each ending in ";\n", for --sql scripts.
	BulkScript(w io.Writer, table *metadata.Table, rows RowSource, opts BulkOptions) (int64, error)
}

// ConflictKey returns the columns of t's unique constraint or unique index
// named name, or of its primary key when name is empty.
func ConflictKey(t *metadata.Table, name string) ([]string, error) {
	if name == "" {
		if t.PrimaryKey == nil || len(t.PrimaryKey.Columns) == 0 {
			return nil, fmt.Errorf("table %s has no primary key; name a unique key with key:", t.Name)
		}
		return t.PrimaryKey.Columns, nil
	}
	if u := t.Unique(name); u != nil {
		return u.Columns, nil
	}
	if ix := t.Index(name); ix != nil && ix.Unique && len(ix.Expressions) == 0 {
		return ix.Columns, nil
	}
	return nil, fmt.Errorf("table %s has no unique key %q", t.Name, name)
}

// BatchError is a database error for one batch of a bulk load: it names the
// batch's first and last rows (1-based) and, for files, the first line.
type BatchError struct {
	Table     string
	FirstRow  int
	LastRow   int
	FirstLine int
	Err       error
}

// Error names the rows and wraps the database's message.
func (e *BatchError) Error() string {
	at := ""
	if e.FirstLine > 0 {
		at = fmt.Sprintf(" (from line %d)", e.FirstLine)
	}
	return fmt.Sprintf("bulk_insert into %s: rows %d to %d%s: %v", e.Table, e.FirstRow, e.LastRow, at, e.Err)
}

// Unwrap returns the database's error, for errors.As.
func (e *BatchError) Unwrap() error { return e.Err }

// BulkValuer is implemented by dialects whose bulk loads store some values
// in another form than the driver's default (SQLite keeps times as text,
// MySQL as UTC). BulkValue returns v as a load into column c stores it, so
// that a later statement binding the same value (the DELETE of a
// bulk_insert's downgrade) matches the stored row.
type BulkValuer interface {
	BulkValue(c *metadata.Column, v any) any
}
