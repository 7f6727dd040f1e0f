package postgres

import (
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// maxParams is PostgreSQL's limit of bound parameters per statement.
const maxParams = 65535

// rowsPerInsert caps a batch so one statement stays a reasonable size.
const rowsPerInsert = 1000

// execute returns the op's SQL for PostgreSQL: its own entry when it has
// per-dialect SQL (none when it has no entry for PostgreSQL), else SQL.
func (p Postgres) execute(o *ops.Execute) []dialect.Statement {
	sql := o.SQL
	if len(o.PerDialect) > 0 {
		sql = o.PerDialect[p.Name()]
	}
	if strings.TrimSpace(sql) == "" {
		return nil
	}
	return stmts(sql)
}

// bulkInsert plans inline rows as batched multi-row INSERTs with bound
// values; on conflict with the key it skips the row or updates the other
// columns. Rows from a file are streamed by the runner, not planned.
func (p Postgres) bulkInsert(m *metadata.MetaData, o *ops.BulkInsert) ([]dialect.Statement, error) {
	if o.File != "" {
		return nil, fmt.Errorf("bulk_insert from %s is streamed by the runner (COPY), not planned", o.File)
	}
	o = dialect.WritableInsert(m.Table(o.Schema, o.Table), o)
	if len(o.Rows) == 0 {
		return nil, nil
	}
	suffix := ""
	switch o.OnConflict {
	case ops.OnConflictError:
	case ops.OnConflictSkip:
		suffix = " ON CONFLICT DO NOTHING"
	case ops.OnConflictUpdate:
		key, err := conflictKey(m, o.TableRef, o.Key)
		if err != nil {
			return nil, err
		}
		var sets []string
		for _, c := range o.Columns {
			if !slices.Contains(key, c) {
				sets = append(sets, p.QuoteIdent(c)+" = EXCLUDED."+p.QuoteIdent(c))
			}
		}
		if len(sets) == 0 {
			suffix = " ON CONFLICT DO NOTHING"
		} else {
			suffix = " ON CONFLICT (" + dialect.QuoteList(p, key) + ") DO UPDATE SET " + strings.Join(sets, ", ")
		}
	default:
		return nil, fmt.Errorf("unknown on_conflict %q (want skip or update)", o.OnConflict)
	}
	rows, err := dialect.BulkRows(m.Table(o.Schema, o.Table), o.Columns, o.Rows)
	if err != nil {
		return nil, err
	}
	per := min(rowsPerInsert, maxParams/max(len(o.Columns), 1))
	var out []dialect.Statement
	for start := 0; start < len(rows); start += per {
		ins := dialect.InsertInto(o.TableRef, o.Columns...)
		ins.Rows = rows[start:min(start+per, len(rows))]
		s, err := dialect.Compile(p, ins)
		if err != nil {
			return nil, err
		}
		s.SQL += suffix
		out = append(out, s)
	}
	return out, nil
}

// bulkDelete deletes the rows a bulk_insert loaded, matched on the key
// columns with bound values, in batches.
func (p Postgres) bulkDelete(m *metadata.MetaData, o *ops.BulkDelete) ([]dialect.Statement, error) {
	return dialect.PlanBulkDelete(p, m.Table(o.Schema, o.Table), o, rowsPerInsert, maxParams)
}

// conflictKey returns the columns of the named unique constraint (or
// unique index), or of the primary key when name is empty.
func conflictKey(m *metadata.MetaData, r ops.TableRef, name string) ([]string, error) {
	t := m.Table(r.Schema, r.Table)
	if t == nil {
		return nil, fmt.Errorf("table %s is not in the schema, so its key is unknown", r.Table)
	}
	return dialect.ConflictKey(t, name)
}
