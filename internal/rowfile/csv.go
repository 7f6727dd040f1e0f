package rowfile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// csvReader reads RFC 4180 records, telling an empty unquoted field (NULL)
// from a quoted empty one ("" is the empty string), which encoding/csv
// cannot. It reuses its buffers: cells are valid until the next record.
type csvReader struct {
	r     *bufio.Reader
	line  int // lines read so far
	buf   []byte
	cells []cell
}

func newCSV(r io.Reader) *csvReader {
	return &csvReader{r: bufio.NewReaderSize(r, 256<<10)}
}

// readLine returns the next physical line without its \n or \r\n; at the
// end of the input it returns io.EOF (a last line without a newline is
// returned first).
func (c *csvReader) readLine() ([]byte, error) {
	line, err := c.r.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		long := append([]byte(nil), line...)
		for errors.Is(err, bufio.ErrBufferFull) {
			line, err = c.r.ReadSlice('\n')
			long = append(long, line...)
		}
		line = long
	}
	if len(line) == 0 && err != nil {
		return nil, err
	}
	if err != nil && err != io.EOF {
		return nil, err
	}
	c.line++
	line = bytes.TrimSuffix(line, []byte{'\n'})
	line = bytes.TrimSuffix(line, []byte{'\r'})
	return line, nil
}

// record reads the next record and the line it starts on. A blank line
// (nothing on it) is skipped. io.EOF means no more records.
func (c *csvReader) record() ([]cell, int, error) {
	var line []byte
	var err error
	for {
		line, err = c.readLine()
		if err != nil {
			return nil, 0, err
		}
		if len(line) > 0 {
			break
		}
	}
	start := c.line
	c.buf = c.buf[:0]
	type span struct {
		from, to int
		quoted   bool
	}
	var spans [64]span
	fields := spans[:0]
	for {
		f := span{from: len(c.buf)}
		if len(line) > 0 && line[0] == '"' {
			f.quoted = true
			line = line[1:]
			for {
				i := bytes.IndexByte(line, '"')
				if i < 0 {
					// The quoted field goes on to the next line.
					c.buf = append(c.buf, line...)
					c.buf = append(c.buf, '\n')
					if line, err = c.readLine(); err != nil {
						if err == io.EOF {
							return nil, start, fmt.Errorf("a quoted field opened on line %d is never closed", start)
						}
						return nil, start, err
					}
					continue
				}
				c.buf = append(c.buf, line[:i]...)
				line = line[i+1:]
				if len(line) > 0 && line[0] == '"' {
					c.buf = append(c.buf, '"')
					line = line[1:]
					continue
				}
				break
			}
			if len(line) > 0 && line[0] != ',' {
				return nil, start, fmt.Errorf("line %d: text after a closing quote (a \" inside a quoted field is written \"\")", c.line)
			}
		} else {
			i := bytes.IndexByte(line, ',')
			if i < 0 {
				i = len(line)
			}
			if bytes.IndexByte(line[:i], '"') >= 0 {
				return nil, start, fmt.Errorf("line %d: a \" in an unquoted field (quote the whole field and write \"\")", c.line)
			}
			c.buf = append(c.buf, line[:i]...)
			line = line[i:]
		}
		f.to = len(c.buf)
		fields = append(fields, f)
		if len(line) == 0 {
			break
		}
		line = line[1:] // the comma
	}
	// One string for the whole record, its cells slices of it: one
	// allocation a record instead of one a field.
	text := string(c.buf)
	c.cells = c.cells[:0]
	for _, f := range fields {
		if !f.quoted && f.from == f.to {
			c.cells = append(c.cells, cell{kind: cellNull})
			continue
		}
		c.cells = append(c.cells, cell{kind: cellText, text: text[f.from:f.to]})
	}
	return c.cells, start, nil
}
