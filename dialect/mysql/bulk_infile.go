package mysql

import (
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	gomysql "github.com/go-sql-driver/mysql"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// infileSeq makes each LOAD DATA's reader handler name unique in the
// process.
var infileSeq atomic.Int64

// localInfile reports whether the server accepts LOAD DATA LOCAL.
func localInfile(ctx context.Context, conn *sql.Conn) bool {
	var on sql.NullString
	if err := conn.QueryRowContext(ctx, "SELECT @@local_infile").Scan(&on); err != nil {
		return false
	}
	return on.String == "1" || strings.EqualFold(on.String, "ON")
}

// loadData streams rows to LOAD DATA LOCAL INFILE through a reader handler
// of go-sql-driver (no file on disk, no allowAllFiles). With LOCAL the
// server downgrades data and duplicate-key errors to warnings, so every
// warning fails the load (the caller's transaction rolls back), except
// duplicate keys under on_conflict skip, which is what IGNORE means.
func (d *Dialect) loadData(ctx context.Context, conn *sql.Conn, t *metadata.Table, rows dialect.RowSource, opts dialect.BulkOptions) (int64, error) {
	cols := rows.Columns()
	binary := make([]bool, len(cols))
	var targets, sets []string
	for i, c := range cols {
		col := t.Column(c)
		if k := col.Type.For("mysql").Kind; k == metadata.Blob || k == metadata.VarBinary {
			binary[i] = true
			v := "@v" + strconv.Itoa(i)
			targets = append(targets, v)
			sets = append(sets, d.QuoteIdent(c)+" = UNHEX("+v+")")
			continue
		}
		targets = append(targets, d.QuoteIdent(c))
	}
	name := "retort_bulk_" + strconv.FormatInt(infileSeq.Add(1), 10)
	stream := dialect.StreamRows(rows, func(dst []byte, row []any) []byte { return appendInfileRow(dst, row, binary) })
	gomysql.RegisterReaderHandler(name, func() io.Reader { return stream })
	defer gomysql.DeregisterReaderHandler(name)
	ignore := ""
	if opts.OnConflict == ops.OnConflictSkip {
		ignore = " IGNORE"
	}
	q := "LOAD DATA LOCAL INFILE 'Reader::" + name + "'" + ignore + " INTO TABLE " + d.qname(t) +
		` CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\t' ESCAPED BY '\\' LINES TERMINATED BY '\n' (` +
		strings.Join(targets, ", ") + ")"
	if len(sets) > 0 {
		q += " SET " + strings.Join(sets, ", ")
	}
	_, err := conn.ExecContext(ctx, q)
	n, srcErr := stream.Wait()
	if srcErr != nil {
		return n, srcErr
	}
	if err != nil {
		return n, fmt.Errorf("mysql: bulk_insert into %s: %w", t.Name, err)
	}
	if err := warnings(ctx, conn, t.Name, opts.OnConflict == ops.OnConflictSkip); err != nil {
		return n, err
	}
	return n, nil
}

func (d *Dialect) qname(t *metadata.Table) string {
	return dialect.QualifiedName(d, t.Schema, t.Name)
}

// warnings fails when the last statement left warnings (a duplicate key is
// allowed when skipping), quoting the first few.
func warnings(ctx context.Context, conn *sql.Conn, table string, skipDuplicates bool) error {
	rs, err := conn.QueryContext(ctx, "SHOW WARNINGS LIMIT 20")
	if err != nil {
		return fmt.Errorf("mysql: bulk_insert into %s: reading warnings: %w", table, err)
	}
	defer rs.Close()
	var msgs []string
	for rs.Next() {
		var level, msg string
		var code int
		if err := rs.Scan(&level, &code, &msg); err != nil {
			return err
		}
		if code == 1062 && skipDuplicates {
			continue
		}
		msgs = append(msgs, fmt.Sprintf("%s %d: %s", level, code, msg))
	}
	if err := rs.Err(); err != nil {
		return err
	}
	if len(msgs) > 0 {
		return fmt.Errorf("mysql: bulk_insert into %s: the server reported (rows count from 1 in the source): %s", table, strings.Join(msgs, "; "))
	}
	return nil
}

// appendInfileRow appends one row in LOAD DATA's default text format:
// tab-separated, \N for NULL, backslash escapes; binary columns as hex
// for UNHEX, times in UTC.
func appendInfileRow(b []byte, row []any, binary []bool) []byte {
	for i, v := range row {
		if i > 0 {
			b = append(b, '\t')
		}
		switch x := v.(type) {
		case nil:
			b = append(b, `\N`...)
		case bool:
			if x {
				b = append(b, '1')
			} else {
				b = append(b, '0')
			}
		case int64:
			b = strconv.AppendInt(b, x, 10)
		case float64:
			b = strconv.AppendFloat(b, x, 'g', -1, 64)
		case []byte:
			b = hex.AppendEncode(b, x)
		case time.Time:
			b = x.UTC().AppendFormat(b, "2006-01-02 15:04:05.999999")
		case string:
			if binary[i] {
				b = hex.AppendEncode(b, []byte(x))
			} else {
				b = dialect.AppendTabText(b, x, true)
			}
		default:
			b = dialect.AppendTabText(b, fmt.Sprint(x), true)
		}
	}
	return append(b, '\n')
}
