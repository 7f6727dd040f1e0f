package rowfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// Format is the encoding of a row file.
type Format int

// The formats a bulk_insert file can have.
const (
	CSV Format = iota + 1
	JSON
)

// FormatOf returns the format named by a file's extension (.csv or .json).
func FormatOf(path string) (Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return CSV, nil
	case ".json":
		return JSON, nil
	}
	return 0, fmt.Errorf("%s: unknown row file format (name it .csv or .json)", path)
}

// Reader streams the rows of one source converted by the types of table's
// columns. Read it with Next until io.EOF; Close it when done.
type Reader struct {
	name   string
	cols   []string
	types  []metadata.Type
	closer io.Closer

	csv     *csvReader
	json    *jsonReader
	pending *object // the first JSON object, read to learn the columns
	inline  [][]any

	row, line int
	out       []any
}

// Open opens the file at path (CSV or JSON by its extension) for loading
// into table; the header row (CSV) or the first object's keys (JSON) name
// the columns, each of which must be one of table's.
func Open(path string, table *metadata.Table) (*Reader, error) {
	f, err := FormatOf(path)
	if err != nil {
		return nil, err
	}
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	r, err := NewReader(path, file, f, table)
	if err != nil {
		file.Close()
		return nil, err
	}
	r.closer = file
	return r, nil
}

// NewReader reads rows of format f from src; name labels errors.
func NewReader(name string, src io.Reader, f Format, table *metadata.Table) (*Reader, error) {
	r := &Reader{name: name}
	var cols []string
	switch f {
	case CSV:
		r.csv = newCSV(src)
		cells, _, err := r.csv.record()
		if err == io.EOF {
			return nil, &Error{File: name, Err: errors.New("empty file (want a header row naming the columns)")}
		}
		if err != nil {
			return nil, &Error{File: name, Line: r.csv.line, Err: err}
		}
		for i, c := range cells {
			if c.kind == cellNull {
				return nil, &Error{File: name, Line: 1, Err: fmt.Errorf("header field %d is empty (the header names every column)", i+1)}
			}
			cols = append(cols, c.text)
		}
	case JSON:
		r.json = newJSON(src)
		o, err := r.json.next()
		switch {
		case err == io.EOF:
			return nil, &Error{File: name, Err: errors.New("the array is empty: no rows, so no columns")}
		case err != nil:
			return nil, &Error{File: name, Row: r.json.row, Err: err}
		}
		r.pending, cols = o, o.keys
	default:
		return nil, fmt.Errorf("%s: unknown format %d", name, f)
	}
	if err := r.setColumns(table, cols); err != nil {
		return nil, err
	}
	return r, nil
}

// Inline reads rows given in a revision file (values nil, string, int64,
// float64 or bool, one per column).
func Inline(name string, table *metadata.Table, cols []string, rows [][]any) (*Reader, error) {
	r := &Reader{name: name, inline: rows}
	if err := r.setColumns(table, cols); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *Reader) setColumns(t *metadata.Table, cols []string) error {
	if t == nil {
		return &Error{File: r.name, Err: errors.New("the table is not in the schema, so the column types are unknown")}
	}
	seen := map[string]bool{}
	for _, name := range cols {
		c := t.Column(name)
		if c == nil {
			return &Error{File: r.name, Line: r.lineOfHeader(), Column: name, Err: fmt.Errorf("table %s has no such column", t.Name)}
		}
		if seen[name] {
			return &Error{File: r.name, Column: name, Err: errors.New("column named twice")}
		}
		seen[name] = true
		r.types = append(r.types, c.Type)
	}
	r.cols = cols
	r.out = make([]any, len(cols))
	return nil
}

func (r *Reader) lineOfHeader() int {
	if r.csv != nil {
		return 1
	}
	return 0
}

// Name returns the name errors give for the source.
func (r *Reader) Name() string { return r.name }

// Columns returns the column names, in the order of each row's values.
func (r *Reader) Columns() []string { return r.cols }

// Row returns the 1-based number of the row Next last returned.
func (r *Reader) Row() int { return r.row }

// Line returns the line of the file the last row started on (CSV; 0
// otherwise).
func (r *Reader) Line() int { return r.line }

// Close closes the file Open opened.
func (r *Reader) Close() error {
	if r.closer != nil {
		return r.closer.Close()
	}
	return nil
}
