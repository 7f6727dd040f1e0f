package rowfile

import (
	"fmt"
	"strings"
)

// Error is a bad row or value: it names the source, the line (CSV; 0 for
// JSON, which counts objects) and the 1-based data row, and the column when
// one value is at fault. Err is the cause.
type Error struct {
	File   string
	Line   int
	Row    int
	Column string
	Err    error
}

// Error renders "file:line: row N, column "c": cause".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Row > 0 {
		fmt.Fprintf(&b, "row %d", e.Row)
		if e.Column != "" {
			b.WriteString(", ")
		}
	}
	if e.Column != "" {
		fmt.Fprintf(&b, "column %q", e.Column)
	}
	if e.Row > 0 || e.Column != "" {
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }
