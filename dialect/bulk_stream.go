package dialect

import (
	"bufio"
	"errors"
	"io"
)

// RowStream feeds rows, encoded line by line, to a database's bulk protocol
// (COPY FROM STDIN, LOAD DATA LOCAL INFILE) through a pipe: the protocol
// reads it as an io.Reader while a goroutine encodes the next rows, so a
// file is never held whole in memory.
type RowStream struct {
	*io.PipeReader
	n      int64
	srcErr error
	done   chan struct{}
}

// errStreamEnded stops the encoder when the statement ended first.
var errStreamEnded = errors.New("bulk statement ended")

// StreamRows starts encoding rows with appendRow (which appends one line,
// terminator included, to dst) into the returned stream.
func StreamRows(rows RowSource, appendRow func(dst []byte, row []any) []byte) *RowStream {
	pr, pw := io.Pipe()
	s := &RowStream{PipeReader: pr, done: make(chan struct{})}
	go func() {
		defer close(s.done)
		w := bufio.NewWriterSize(pw, 256<<10)
		var line []byte
		for {
			row, err := rows.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				s.srcErr = err
				pw.CloseWithError(err)
				return
			}
			line = appendRow(line[:0], row)
			if _, err := w.Write(line); err != nil {
				pw.CloseWithError(err)
				return
			}
			s.n++
		}
		pw.CloseWithError(w.Flush())
	}()
	return s
}

// Wait is called once the bulk statement has ended: it stops the encoder
// if the statement failed first, and returns the rows encoded and the
// source's own error (a bad value in a file), which callers report before
// the database's.
func (s *RowStream) Wait() (rows int64, srcErr error) {
	s.PipeReader.CloseWithError(errStreamEnded)
	<-s.done
	return s.n, s.srcErr
}

// AppendTabText appends s escaped for the tab-separated text that COPY and
// LOAD DATA read: backslash, newline, carriage return and tab as backslash
// escapes, and NUL as \0 when escapeNUL is set (LOAD DATA; PostgreSQL text
// cannot hold NUL, and the server says so).
func AppendTabText(b []byte, s string, escapeNUL bool) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\':
			b = append(b, `\\`...)
		case c == '\n':
			b = append(b, `\n`...)
		case c == '\r':
			b = append(b, `\r`...)
		case c == '\t':
			b = append(b, `\t`...)
		case c == 0 && escapeNUL:
			b = append(b, `\0`...)
		default:
			b = append(b, c)
		}
	}
	return b
}
