package diagram

import (
	"bufio"
	"slices"
	"strings"

	"github.com/retortdb/retort/versions"
)

// text draws the history newest first, one line per revision, with lanes
// in the manner of git log --graph: '*' is the revision, '|' a branch that
// goes on, '/' a lane that ends in a branch point or shifts left, '\' a
// merge point's extra parent opening a lane.
func (h historyPicture) text(w *bufio.Writer) {
	var lanes []string // the revision each lane waits for
	for i, r := range h.revs {
		at := slices.Index(lanes, r.ID)
		if at < 0 {
			if len(lanes) == 0 && i > 0 {
				w.WriteString("\n") // a history of its own starts here
			}
			lanes = append(lanes, r.ID) // a head
			at = len(lanes) - 1
		}
		// Other lanes waiting for r end here: r is a branch point.
		for j := len(lanes) - 1; j > at; j-- {
			if lanes[j] == r.ID {
				writeShift(w, len(lanes), j, '/')
				lanes = slices.Delete(lanes, j, j+1)
			}
		}
		w.WriteString(strings.TrimRight(laneLine(len(lanes), at, '*'), " "))
		w.WriteString(" " + h.describe(r) + "\n")
		switch parents := r.DownRevisions; len(parents) {
		case 0: // a base: its lane ends
			if at < len(lanes)-1 {
				writeShift(w, len(lanes), at+1, '/')
			}
			lanes = slices.Delete(lanes, at, at+1)
		default:
			lanes[at] = parents[0]
			for k, p := range parents[1:] {
				if slices.Contains(lanes, p) {
					continue // another lane already waits for it
				}
				lanes = slices.Insert(lanes, at+1+k, p)
				writeShift(w, len(lanes), at+1+k, '\\')
			}
		}
	}
}

// laneLine is n lanes, '|' each, with mark at lane at.
func laneLine(n, at int, mark byte) string {
	b := []byte(strings.Repeat("| ", n))
	b[2*at] = mark
	return string(b)
}

// writeShift writes the line that closes (slash '/') or opens (slash '\')
// lane j of n: the lanes from j on are drawn leaning.
func writeShift(w *bufio.Writer, n, j int, slash byte) {
	b := []byte(strings.Repeat("| ", n))
	for k := j; k < n; k++ {
		b[2*k] = ' '
		b[2*k-1] = slash
	}
	w.WriteString(strings.TrimRight(string(b), " ") + "\n")
}

// describe is the text after a revision's lanes: id, tags, message and
// the revisions it depends on.
func (h historyPicture) describe(rev *versions.Revision) string {
	s := rev.ID
	if t := h.tags(rev); len(t) > 0 {
		s += " (" + strings.Join(t, ", ") + ")"
	}
	if rev.Message != "" {
		s += " " + rev.Message
	}
	if d := h.deps[rev.ID]; len(d) > 0 {
		s += " [depends on " + strings.Join(d, ", ") + "]"
	}
	return s
}
