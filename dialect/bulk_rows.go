package dialect

import (
	"fmt"

	"github.com/retortdb/retort/internal/rowfile"
	"github.com/retortdb/retort/metadata"
)

// BulkRows returns the inline rows of a bulk_insert or bulk_delete with
// the text values of t's timestamp columns ([rowfile.IsTimestamp])
// converted as the rows of a file are: a value with an offset is that
// instant in UTC, one without is UTC (see package rowfile). Inline rows,
// files, batches, COPY, LOAD DATA and --sql scripts so store the same
// instants whatever the column's type came from. rows is returned as it is
// when no column is a timestamp (or t is unknown); it is never modified.
func BulkRows(t *metadata.Table, cols []string, rows [][]any) ([][]any, error) {
	if t == nil {
		return rows, nil
	}
	var times []int
	for i, name := range cols {
		if c := t.Column(name); c != nil && rowfile.IsTimestamp(c.Type) {
			times = append(times, i)
		}
	}
	if len(times) == 0 {
		return rows, nil
	}
	out := make([][]any, len(rows))
	for r, row := range rows {
		out[r] = append([]any(nil), row...)
		for _, i := range times {
			if i >= len(row) {
				continue
			}
			s, ok := row[i].(string)
			if !ok {
				continue
			}
			v, err := rowfile.Convert(t.Column(cols[i]).Type, s)
			if err != nil {
				return nil, fmt.Errorf("bulk rows of %s: row %d, column %q: %w", t.Name, r+1, cols[i], err)
			}
			out[r][i] = v
		}
	}
	return out, nil
}
