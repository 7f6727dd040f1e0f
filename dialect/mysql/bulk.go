package mysql

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

// Limits of one bulk INSERT: the placeholders of a prepared statement, a
// row cap past which batches are no faster, and the share of
// max_allowed_packet one statement's values may take (the rest is the SQL
// text and the protocol's own overhead).
const (
	bulkMaxParams   = 65535
	bulkMaxRows     = 5000
	bulkPacketShare = 2
)

// BulkLoad loads rows with LOAD DATA LOCAL INFILE streamed through a
// reader handler when the server has local_infile on (see loadData), and
// otherwise, or for on_conflict update, with multi-row INSERT batches of
// bound values, each under the server's max_allowed_packet; there on
// conflict skip is INSERT IGNORE, update ON DUPLICATE KEY UPDATE. Both run
// in the transaction open on conn (InnoDB rolls the rows back).
func (d *Dialect) BulkLoad(ctx context.Context, conn *sql.Conn, table *metadata.Table, rows dialect.RowSource, opts dialect.BulkOptions) (int64, error) {
	if opts.OnConflict != ops.OnConflictUpdate && localInfile(ctx, conn) {
		if _, err := d.batcher(table, rows.Columns(), opts); err != nil {
			return 0, err
		}
		return d.loadData(ctx, conn, table, rows, opts)
	}
	return d.insertBatches(ctx, conn, table, rows, opts)
}

// insertBatches loads rows as multi-row INSERT statements sized under
// max_allowed_packet (read once per load).
func (d *Dialect) insertBatches(ctx context.Context, conn *sql.Conn, table *metadata.Table, rows dialect.RowSource, opts dialect.BulkOptions) (int64, error) {
	var packet int
	if err := conn.QueryRowContext(ctx, "SELECT @@max_allowed_packet").Scan(&packet); err != nil {
		return 0, fmt.Errorf("mysql: bulk_insert into %s: reading max_allowed_packet: %w", table.Name, err)
	}
	b, err := d.batcher(table, rows.Columns(), opts)
	if err != nil {
		return 0, err
	}
	b.MaxBytes = packet / bulkPacketShare
	return b.Load(ctx, conn, dialect.TableOf(table), rows)
}

// BulkScript writes the load as INSERT statements with literal values.
func (d *Dialect) BulkScript(w io.Writer, table *metadata.Table, rows dialect.RowSource, opts dialect.BulkOptions) (int64, error) {
	b, err := d.batcher(table, rows.Columns(), opts)
	if err != nil {
		return 0, err
	}
	b.MaxRows = 500 // keep script statements readable and under any client's limits
	return b.Script(w, dialect.TableOf(table), rows)
}

func (d *Dialect) batcher(t *metadata.Table, cols []string, opts dialect.BulkOptions) (dialect.Batcher, error) {
	b := dialect.Batcher{Dialect: d, MaxParams: bulkMaxParams, MaxRows: bulkMaxRows, Adapt: utcTimes}
	switch opts.OnConflict {
	case ops.OnConflictError:
	case ops.OnConflictSkip:
		b.Verb = "INSERT IGNORE"
	case ops.OnConflictUpdate:
		key, err := dialect.ConflictKey(t, opts.Key)
		if err != nil {
			return b, err
		}
		var sets []string
		for _, c := range cols {
			if q := d.QuoteIdent(c); !containsCol(key, c) {
				sets = append(sets, q+" = VALUES("+q+")")
			}
		}
		if len(sets) == 0 {
			b.Verb = "INSERT IGNORE"
		} else {
			b.Suffix = " ON DUPLICATE KEY UPDATE " + strings.Join(sets, ", ")
		}
	default:
		return b, fmt.Errorf("mysql: unknown on_conflict %q (want skip or update)", opts.OnConflict)
	}
	return b, nil
}

// utcTimes writes times in UTC, the zone Retort's sessions use: MariaDB
// refuses an offset inside a datetime.
// BulkValue returns v as a bulk load stores it: times in UTC.
func (d *Dialect) BulkValue(_ *metadata.Column, v any) any { return utcTimes(0, v) }

func utcTimes(_ int, v any) any {
	if ts, ok := v.(time.Time); ok {
		return ts.UTC()
	}
	return v
}

func containsCol(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

var _ dialect.ScriptPreamble = (*Dialect)(nil)

// ScriptPreamble sets a script's session zone to UTC, as the DSN does for
// the runner's own connections: the script's time literals are UTC.
func (d *Dialect) ScriptPreamble() []string { return []string{"SET time_zone = '+00:00'"} }
