package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

var (
	_ dialect.BulkLoader = (*Dialect)(nil)
	_ dialect.BulkValuer = (*Dialect)(nil)
)

// bulkRows is the most rows of one INSERT: with 5 columns a statement
// binds 5,000 values, well under maxParams, and larger batches are no
// faster in modernc.org/sqlite.
const bulkRows = 1000

// BulkLoad inserts rows with one prepared multi-row INSERT reused for every
// full batch, under SQLite's variable limit, in the transaction open on
// conn. on_conflict skip is ON CONFLICT DO NOTHING, update an upsert on the
// key.
func (d *Dialect) BulkLoad(ctx context.Context, conn *sql.Conn, table *metadata.Table, rows dialect.RowSource, opts dialect.BulkOptions) (int64, error) {
	b, err := d.batcher(table, rows.Columns(), opts)
	if err != nil {
		return 0, err
	}
	return b.Load(ctx, conn, dialect.TableOf(table), rows)
}

// BulkScript writes the load as INSERT statements with literal values.
func (d *Dialect) BulkScript(w io.Writer, table *metadata.Table, rows dialect.RowSource, opts dialect.BulkOptions) (int64, error) {
	b, err := d.batcher(table, rows.Columns(), opts)
	if err != nil {
		return 0, err
	}
	return b.Script(w, dialect.TableOf(table), rows)
}

func (d *Dialect) batcher(t *metadata.Table, cols []string, opts dialect.BulkOptions) (dialect.Batcher, error) {
	b := dialect.Batcher{Dialect: d, MaxParams: maxParams, MaxRows: bulkRows, Adapt: adapter(t, cols)}
	switch opts.OnConflict {
	case ops.OnConflictError:
	case ops.OnConflictSkip:
		b.Suffix = " ON CONFLICT DO NOTHING"
	case ops.OnConflictUpdate:
		key, err := dialect.ConflictKey(t, opts.Key)
		if err != nil {
			return b, err
		}
		var sets []string
		for _, c := range cols {
			if !contains(key, c) {
				sets = append(sets, quote(c)+" = excluded."+quote(c))
			}
		}
		if len(sets) == 0 {
			b.Suffix = " ON CONFLICT DO NOTHING"
		} else {
			b.Suffix = " ON CONFLICT (" + dialect.QuoteList(d, key) + ") DO UPDATE SET " + strings.Join(sets, ", ")
		}
	default:
		return b, fmt.Errorf("sqlite: unknown on_conflict %q (want skip or update)", opts.OnConflict)
	}
	return b, nil
}

// adapter stores times as text in the forms the dialect's literals use,
// whatever the connection's _time_format: dates as 2006-01-02 (the driver
// would write a midnight timestamp), timestamps without a zone without
// one, and timestamptz with its offset.
func adapter(t *metadata.Table, cols []string) func(int, any) any {
	kinds := make([]metadata.Kind, len(cols))
	for i, c := range cols {
		if col := t.Column(c); col != nil {
			kinds[i] = col.Type.For(Name).Kind
		}
	}
	return func(i int, v any) any {
		return storedTime(kinds[i], v)
	}
}

// BulkValue returns v as a bulk load into c stores it: times as text.
func (d *Dialect) BulkValue(c *metadata.Column, v any) any {
	return storedTime(c.Type.For(Name).Kind, v)
}

// storedTime is the text a time in a column of kind k is stored as; other
// values are returned as they are.
func storedTime(k metadata.Kind, v any) any {
	ts, ok := v.(time.Time)
	if !ok {
		return v
	}
	switch k {
	case metadata.Date:
		return ts.Format(time.DateOnly)
	case metadata.Timestamp:
		return ts.Format("2006-01-02 15:04:05.999999999")
	}
	return ts.Format(timeFormat)
}
