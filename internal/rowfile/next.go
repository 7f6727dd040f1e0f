package rowfile

import (
	"fmt"
	"io"
	"math"
	"strconv"
)

// Next returns the next row's values, one per column, converted; the slice
// is reused by the following call. At the end it returns io.EOF; a bad row
// or value is an [*Error].
func (r *Reader) Next() ([]any, error) {
	switch {
	case r.csv != nil:
		return r.nextCSV()
	case r.json != nil:
		return r.nextJSON()
	}
	return r.nextInline()
}

func (r *Reader) nextCSV() ([]any, error) {
	cells, line, err := r.csv.record()
	if err == io.EOF {
		return nil, io.EOF
	}
	r.row++
	r.line = line
	if err != nil {
		return nil, r.errorf(-1, "%v", err)
	}
	if len(cells) != len(r.cols) {
		return nil, r.errorf(-1, "%d fields for %d columns", len(cells), len(r.cols))
	}
	return r.convertCells(cells)
}

func (r *Reader) nextJSON() ([]any, error) {
	o := r.pending
	r.pending = nil
	if o == nil {
		var err error
		if o, err = r.json.next(); err == io.EOF {
			return nil, io.EOF
		} else if err != nil {
			r.row = r.json.row
			return nil, r.errorf(-1, "%v", err)
		}
	}
	r.row = r.json.row
	cells := make([]cell, len(r.cols))
	have := make([]bool, len(r.cols))
	for k, key := range o.keys {
		i := indexOf(r.cols, key)
		if i < 0 {
			return nil, &Error{File: r.name, Row: r.row, Column: key, Err: fmt.Errorf("key not in the first object (every object has the same keys: %v)", r.cols)}
		}
		c, err := jsonCell(o.vals[k])
		if err != nil {
			return nil, r.errorf(i, "%v", err)
		}
		cells[i], have[i] = c, true
	}
	for i, ok := range have {
		if !ok {
			return nil, r.errorf(i, "missing (every object has the same keys; write null for NULL)")
		}
	}
	return r.convertCells(cells)
}

func (r *Reader) nextInline() ([]any, error) {
	if r.row >= len(r.inline) {
		return nil, io.EOF
	}
	row := r.inline[r.row]
	r.row++
	if len(row) != len(r.cols) {
		return nil, r.errorf(-1, "%d values for %d columns", len(row), len(r.cols))
	}
	cells := make([]cell, len(row))
	for i, v := range row {
		switch x := v.(type) {
		case nil:
			cells[i] = cell{kind: cellNull}
		case string:
			cells[i] = cell{kind: cellText, text: x}
		case bool:
			cells[i] = cell{kind: cellBool, text: strconv.FormatBool(x)}
		case int64:
			cells[i] = cell{kind: cellNumber, text: strconv.FormatInt(x, 10)}
		case float64:
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return nil, r.errorf(i, "%v is not a number a database stores portably", x)
			}
			cells[i] = cell{kind: cellNumber, text: strconv.FormatFloat(x, 'f', -1, 64)}
		default:
			return nil, r.errorf(i, "a value of type %T (want a string, number, boolean or null)", v)
		}
	}
	return r.convertCells(cells)
}

func (r *Reader) convertCells(cells []cell) ([]any, error) {
	for i, c := range cells {
		v, err := convert(r.types[i], c)
		if err != nil {
			return nil, r.errorf(i, "%v", err)
		}
		r.out[i] = v
	}
	return r.out, nil
}

// errorf returns an [*Error] at the current row, naming column i (none
// when i < 0).
func (r *Reader) errorf(i int, format string, args ...any) error {
	e := &Error{File: r.name, Line: r.line, Row: r.row, Err: fmt.Errorf(format, args...)}
	if i >= 0 {
		e.Column = r.cols[i]
	}
	return e
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}
