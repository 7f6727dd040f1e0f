package mysql

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// bulkBatch is the number of rows per INSERT or DELETE statement: big
// enough to be fast, small enough to stay under max_allowed_packet and the
// 65,535 placeholders of a prepared statement.
const bulkBatch = 500

// bulkInsert plans inline rows as batched multi-row INSERTs with bound
// values. on_conflict skip is INSERT IGNORE; update is ON DUPLICATE KEY
// UPDATE of the columns given. Rows from a file are streamed by the runner.
func (p *planner) bulkInsert(o *ops.BulkInsert) ([]dialect.Statement, error) {
	if o.File != "" {
		return nil, fmt.Errorf("bulk_insert from %s: %w (it streams the file)", o.File, ErrHandledByRunner)
	}
	o = dialect.WritableInsert(p.stateTable(o.TableRef), o)
	rows, err := dialect.BulkRows(p.stateTable(o.TableRef), o.Columns, o.Rows)
	if err != nil {
		return nil, err
	}
	var out []dialect.Statement
	for start := 0; start < len(rows); start += bulkBatch {
		ins := dialect.InsertInto(o.TableRef, o.Columns...)
		for _, row := range rows[start:min(start+bulkBatch, len(rows))] {
			ins.Values(row...)
		}
		st, err := dialect.Compile(p.d, ins)
		if err != nil {
			return nil, err
		}
		switch o.OnConflict {
		case ops.OnConflictSkip:
			st.SQL = "INSERT IGNORE" + strings.TrimPrefix(st.SQL, "INSERT")
		case ops.OnConflictUpdate:
			var sets []string
			for _, c := range o.Columns {
				q := p.d.QuoteIdent(c)
				sets = append(sets, q+" = VALUES("+q+")")
			}
			st.SQL += " ON DUPLICATE KEY UPDATE " + strings.Join(sets, ", ")
		}
		out = append(out, st)
	}
	return out, nil
}

// bulkDelete deletes the rows a bulk_insert loaded, matched by the primary
// key (or the unique constraint Key) of the state's table.
func (p *planner) bulkDelete(o *ops.BulkDelete) ([]dialect.Statement, error) {
	if o.File != "" {
		return nil, fmt.Errorf("bulk_delete from %s: %w (it streams the file)", o.File, ErrHandledByRunner)
	}
	t := p.stateTable(o.TableRef)
	key, err := deleteKey(t, o)
	if err != nil {
		return nil, err
	}
	rows, err := dialect.BulkRows(t, o.Columns, o.Rows)
	if err != nil {
		return nil, err
	}
	pos := map[string]int{}
	for i, c := range o.Columns {
		pos[c] = i
	}
	var out []dialect.Statement
	for start := 0; start < len(rows); start += bulkBatch {
		var any []dialect.Cond
		for _, row := range rows[start:min(start+bulkBatch, len(rows))] {
			var all []dialect.Cond
			for _, k := range key {
				i, ok := pos[k]
				if !ok || i >= len(row) {
					return nil, fmt.Errorf("bulk_delete on %s: rows lack key column %q", o.Table, k)
				}
				all = append(all, dialect.Eq(k, row[i]))
			}
			any = append(any, dialect.And(all...))
		}
		st, err := dialect.Compile(p.d, &dialect.Delete{Table: o.TableRef, Where: dialect.Or(any...)})
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

func deleteKey(t *metadata.Table, o *ops.BulkDelete) ([]string, error) {
	if t == nil {
		return nil, fmt.Errorf("bulk_delete on %s: the table is not in the schema state, so its key is unknown", o.Table)
	}
	if o.Key != "" {
		if u := t.Unique(o.Key); u != nil {
			return u.Columns, nil
		}
		return nil, fmt.Errorf("bulk_delete on %s: no unique constraint %q", o.Table, o.Key)
	}
	if t.PrimaryKey == nil {
		return nil, fmt.Errorf("bulk_delete on %s: the table has no primary key; name a unique constraint with key:", o.Table)
	}
	return t.PrimaryKey.Columns, nil
}
