package postgres

import (
	"context"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

var _ dialect.BulkLoader = Postgres{}

// BulkLoad streams rows with COPY ... FROM STDIN (text format) on the
// native pgx connection under conn, so it runs in the transaction open on
// conn and a failure leaves nothing once that transaction rolls back. With
// on_conflict skip or update it copies into a temporary table first, then
// INSERT ... SELECT ... ON CONFLICT (key) DO NOTHING / DO UPDATE.
func (p Postgres) BulkLoad(ctx context.Context, conn *sql.Conn, table *metadata.Table, rows dialect.RowSource, opts dialect.BulkOptions) (int64, error) {
	cols := rows.Columns()
	suffix, err := p.conflictSuffix(table, cols, opts)
	if err != nil {
		return 0, err
	}
	target := p.qname(table.Schema, table.Name)
	into, schema, name := target, table.Schema, table.Name
	if opts.OnConflict != ops.OnConflictError {
		schema, name = "", "retort_bulk_"+table.Name
		into = p.QuoteIdent(name)
		create := "CREATE TEMP TABLE " + into + " AS SELECT " + dialect.QuoteList(p, cols) + " FROM " + target + " WITH NO DATA"
		if _, err := conn.ExecContext(ctx, create); err != nil {
			return 0, fmt.Errorf("postgres: bulk_insert into %s: staging table: %w", table.Name, err)
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), "DROP TABLE IF EXISTS "+into)
	}
	kinds := columnKinds(table, cols)
	n, err := p.copyRows(ctx, conn, schema, name, kinds, rows)
	if err != nil {
		return n, err
	}
	if into != target {
		list := dialect.QuoteList(p, cols)
		q := "INSERT INTO " + target + " (" + list + ") SELECT " + list + " FROM " + into + suffix
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return n, fmt.Errorf("postgres: bulk_insert into %s: %w", table.Name, err)
		}
	}
	return n, nil
}

// columnKinds returns the kind of each named column of t here.
func columnKinds(t *metadata.Table, cols []string) []metadata.Kind {
	kinds := make([]metadata.Kind, len(cols))
	for i, c := range cols {
		if col := t.Column(c); col != nil {
			kinds[i] = typeOf(col.Type).Kind
		}
	}
	return kinds
}

// copyRows runs COPY into schema.name in text format, fed by a goroutine
// that encodes the rows, through pgconn's CopyFrom. A row's own error (a
// bad value) is returned in preference to the COPY failure it causes.
//
// pgx's binary CopyFrom was measured as the alternative: no faster here
// (1M rows of bigint, varchar, numeric, timestamptz, boolean: 190k rows/s
// either way on a loaded machine, where the server's index and WAL work
// dominates), and pgtype.Numeric refuses exponents (1e3) that the text
// format passes to PostgreSQL exactly.
func (p Postgres) copyRows(ctx context.Context, conn *sql.Conn, schema, name string, kinds []metadata.Kind, rows dialect.RowSource) (int64, error) {
	cols := rows.Columns()
	into := p.qname(schema, name)
	stream := dialect.StreamRows(rows, func(dst []byte, row []any) []byte { return appendCopyRow(dst, row, kinds) })
	q := "COPY " + into + " (" + dialect.QuoteList(p, cols) + ") FROM STDIN"
	err := conn.Raw(func(dc any) error {
		sc, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("postgres: bulk_insert needs the pgx driver, not %T", dc)
		}
		_, err := sc.Conn().PgConn().CopyFrom(ctx, stream, q)
		return err
	})
	n, srcErr := stream.Wait()
	if srcErr != nil {
		return n, srcErr
	}
	return n, wrapCopy(name, err)
}

// wrapCopy prefixes a database error of COPY; a source's own error (a
// *rowfile.Error naming file, line and column) is returned as it is.
func wrapCopy(table string, err error) error {
	var pgErr *pgconn.PgError
	if err == nil || !errors.As(err, &pgErr) {
		return err
	}
	return fmt.Errorf("postgres: bulk_insert into %s: %w", table, err)
}

func (p Postgres) conflictSuffix(t *metadata.Table, cols []string, opts dialect.BulkOptions) (string, error) {
	switch opts.OnConflict {
	case ops.OnConflictError:
		return "", nil
	case ops.OnConflictSkip, ops.OnConflictUpdate:
	default:
		return "", fmt.Errorf("postgres: unknown on_conflict %q (want skip or update)", opts.OnConflict)
	}
	key, err := dialect.ConflictKey(t, opts.Key)
	if err != nil {
		return "", err
	}
	target := " ON CONFLICT (" + dialect.QuoteList(p, key) + ")"
	var sets []string
	for _, c := range cols {
		if !slices.Contains(key, c) {
			sets = append(sets, p.QuoteIdent(c)+" = EXCLUDED."+p.QuoteIdent(c))
		}
	}
	if opts.OnConflict == ops.OnConflictSkip || len(sets) == 0 {
		return target + " DO NOTHING", nil
	}
	return target + " DO UPDATE SET " + strings.Join(sets, ", "), nil
}

// BulkScript writes the load as INSERT statements with literal values.
func (p Postgres) BulkScript(w io.Writer, table *metadata.Table, rows dialect.RowSource, opts dialect.BulkOptions) (int64, error) {
	suffix, err := p.conflictSuffix(table, rows.Columns(), opts)
	if err != nil {
		return 0, err
	}
	b := dialect.Batcher{Dialect: p, MaxParams: maxParams, MaxRows: rowsPerInsert, Suffix: suffix}
	return b.Script(w, dialect.TableOf(table), rows)
}

// appendCopyRow appends one row in COPY's text format: tab-separated, \N
// for NULL, backslash escapes, newline-terminated.
func appendCopyRow(b []byte, row []any, kinds []metadata.Kind) []byte {
	for i, v := range row {
		if i > 0 {
			b = append(b, '\t')
		}
		switch x := v.(type) {
		case nil:
			b = append(b, `\N`...)
		case bool:
			if x {
				b = append(b, 't')
			} else {
				b = append(b, 'f')
			}
		case int64:
			b = strconv.AppendInt(b, x, 10)
		case float64:
			b = strconv.AppendFloat(b, x, 'g', -1, 64)
		case []byte:
			b = append(b, `\\x`...)
			b = hex.AppendEncode(b, x)
		case time.Time:
			b = appendCopyTime(b, x, kinds[i])
		case string:
			b = dialect.AppendTabText(b, x, false)
		default:
			b = dialect.AppendTabText(b, fmt.Sprint(x), false)
		}
	}
	return append(b, '\n')
}
