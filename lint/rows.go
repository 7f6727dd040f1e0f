package lint

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// openDB opens the real database, for reading only.
func openDB(raw string) (*sql.DB, error) {
	d, u, err := dialect.Open(raw)
	if err != nil {
		return nil, err
	}
	name, dsn, err := d.Driver(u)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open(name, dsn)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", u.Redacted(), err)
	}
	return db, nil
}

// countRows counts, on the real database and with SELECTs only, the rows
// that would make each data-dependent finding of op fail; a finding with
// offending rows becomes an error, one with none an info. A query that
// fails (the table is not there yet) leaves the count at -1.
func (l *linter) countRows(ctx context.Context, state *metadata.MetaData, op ops.Op, fs []Finding) {
	q := offendingQuery(l.d, state, op)
	if q == "" {
		return
	}
	var n int64
	if err := l.real.QueryRowContext(ctx, q).Scan(&n); err != nil {
		return
	}
	for i := range fs {
		if Rules[fs[i].Rule].Category != DataDependent {
			continue
		}
		fs[i].Rows = n
		if n > 0 {
			fs[i].Severity = Error
			fs[i].Message += fmt.Sprintf("; %d rows on the database break it", n)
		} else {
			fs[i].Severity = Info
			fs[i].Message += "; no row on the database breaks it today"
		}
	}
}

// offendingQuery is a COUNT of the rows op would fail on, "" when there
// is none to count.
func offendingQuery(d dialect.Dialect, state *metadata.MetaData, op ops.Op) string {
	q := d.QuoteIdent
	switch o := op.(type) {
	case *ops.AlterColumn:
		if o.Nullable != nil && !*o.Nullable {
			return "SELECT COUNT(*) FROM " + quoteTable(d, o.TableRef) + " WHERE " + q(o.ColumnName) + " IS NULL"
		}
	case *ops.AddColumn:
		if o.Column != nil && !o.Column.Nullable && o.Column.Default == "" {
			return "SELECT COUNT(*) FROM " + quoteTable(d, o.TableRef)
		}
	case *ops.CreateCheckConstraint:
		if o.Check != nil {
			return "SELECT COUNT(*) FROM " + quoteTable(d, o.TableRef) + " WHERE NOT (" + o.Check.Expression + ")"
		}
	case *ops.CreateIndex:
		if o.Index != nil && o.Index.Unique && len(o.Index.Expressions) == 0 && o.Index.Where == "" {
			return duplicates(d, o.TableRef, o.Index.Columns)
		}
	case *ops.CreateUniqueConstraint:
		if o.Unique != nil {
			return duplicates(d, o.TableRef, o.Unique.Columns)
		}
	case *ops.CreateForeignKey:
		return orphans(d, o)
	}
	return ""
}

func duplicates(d dialect.Dialect, t ops.TableRef, cols []string) string {
	list := quoteAll(d, cols)
	return "SELECT COUNT(*) FROM (SELECT " + strings.Join(list, ", ") + " FROM " + quoteTable(d, t) +
		" WHERE " + strings.Join(list, " IS NOT NULL AND ") + " IS NOT NULL GROUP BY " + strings.Join(list, ", ") +
		" HAVING COUNT(*) > 1) dup"
}

func orphans(d dialect.Dialect, o *ops.CreateForeignKey) string {
	fk := o.ForeignKey
	if fk == nil || len(fk.Columns) != len(fk.RefColumns) {
		return ""
	}
	var notNull, match []string
	for i, c := range fk.Columns {
		notNull = append(notNull, "c."+d.QuoteIdent(c)+" IS NOT NULL")
		match = append(match, "p."+d.QuoteIdent(fk.RefColumns[i])+" = c."+d.QuoteIdent(c))
	}
	ref := ops.TableRef{Schema: fk.RefSchema, Table: fk.RefTable}
	return "SELECT COUNT(*) FROM " + quoteTable(d, o.TableRef) + " c WHERE " + strings.Join(notNull, " AND ") +
		" AND NOT EXISTS (SELECT 1 FROM " + quoteTable(d, ref) + " p WHERE " + strings.Join(match, " AND ") + ")"
}

func quoteAll(d dialect.Dialect, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = d.QuoteIdent(n)
	}
	return out
}
