package dialect

import (
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// Generated columns are computed by the database: no INSERT may write
// them. Rows for a bulk_insert often come from a SELECT * or a dump of the
// table, generated columns included; their values are left out, and the
// database computes them again.

// WritableInsert returns o without the columns of t that are generated,
// and without their values; o itself when it writes none (or t is
// unknown). o is never modified.
func WritableInsert(t *metadata.Table, o *ops.BulkInsert) *ops.BulkInsert {
	keep := writable(t, o.Columns)
	if keep == nil {
		return o
	}
	c := *o
	c.Columns = pick(o.Columns, keep)
	c.Rows = make([][]any, len(o.Rows))
	for i, row := range o.Rows {
		c.Rows[i] = pick(row, keep)
	}
	return &c
}

// WritableSource returns src without the values of t's generated
// columns; src itself when it has none.
func WritableSource(t *metadata.Table, src RowSource) RowSource {
	keep := writable(t, src.Columns())
	if keep == nil {
		return src
	}
	return &writableSource{src: src, keep: keep, cols: pick(src.Columns(), keep)}
}

// writable returns the positions of cols that are not generated columns
// of t, or nil when all are (nothing to leave out).
func writable(t *metadata.Table, cols []string) []int {
	if t == nil {
		return nil
	}
	keep := make([]int, 0, len(cols))
	for i, name := range cols {
		if !t.Column(name).IsGenerated() {
			keep = append(keep, i)
		}
	}
	if len(keep) == len(cols) {
		return nil
	}
	return keep
}

func pick[T any](s []T, keep []int) []T {
	out := make([]T, 0, len(keep))
	for _, i := range keep {
		if i < len(s) {
			out = append(out, s[i])
		}
	}
	return out
}

// writableSource is a RowSource with some columns left out; it tells
// where a row came from when its source does.
type writableSource struct {
	src  RowSource
	keep []int
	cols []string
	row  []any
}

func (w *writableSource) Columns() []string { return w.cols }

func (w *writableSource) Next() ([]any, error) {
	row, err := w.src.Next()
	if err != nil {
		return nil, err
	}
	w.row = w.row[:0]
	for _, i := range w.keep {
		if i < len(row) {
			w.row = append(w.row, row[i])
		}
	}
	return w.row, nil
}

// Row is the source's row number, or 0.
func (w *writableSource) Row() int {
	if p, ok := w.src.(RowPositioner); ok {
		return p.Row()
	}
	return 0
}

// Line is the source's line number, or 0.
func (w *writableSource) Line() int {
	if p, ok := w.src.(RowPositioner); ok {
		return p.Line()
	}
	return 0
}
