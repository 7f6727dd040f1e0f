package dialect

import (
	"fmt"
	"slices"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// PlanBulkDelete plans an inline bulk_delete (the reverse of an inline
// bulk_insert): DELETE statements matching the rows on t's key (its primary
// key, or the unique key o.Key names) with bound values, at most perBatch
// rows and maxParams values each. A bulk_delete from a file is the runner's
// to stream, not planned.
func PlanBulkDelete(d Dialect, t *metadata.Table, o *ops.BulkDelete, perBatch, maxParams int) ([]Statement, error) {
	if o.File != "" {
		return nil, fmt.Errorf("bulk_delete from %s is streamed by the runner, not planned", o.File)
	}
	if t == nil {
		return nil, fmt.Errorf("table %s is not in the schema, so its key is unknown", o.Table)
	}
	key, err := ConflictKey(t, o.Key)
	if err != nil {
		return nil, err
	}
	pos := make([]int, len(key))
	for i, k := range key {
		if pos[i] = slices.Index(o.Columns, k); pos[i] < 0 {
			return nil, fmt.Errorf("bulk_delete on %s: the rows lack key column %q", o.Table, k)
		}
	}
	rows, err := BulkRows(t, o.Columns, o.Rows)
	if err != nil {
		return nil, err
	}
	per := min(perBatch, maxParams/max(len(key), 1))
	var out []Statement
	for start := 0; start < len(rows); start += per {
		var match []Cond
		for _, row := range rows[start:min(start+per, len(rows))] {
			if len(row) != len(o.Columns) {
				return nil, fmt.Errorf("bulk_delete on %s: a row has %d values for %d columns", o.Table, len(row), len(o.Columns))
			}
			conds := make([]Cond, len(key))
			for i, k := range key {
				conds[i] = Eq(k, row[pos[i]])
			}
			match = append(match, And(conds...))
		}
		s, err := Compile(d, &Delete{Table: o.TableRef, Where: Or(match...)})
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}
