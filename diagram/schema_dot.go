package diagram

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// dot writes a digraph: one HTML-table node per table (its name, then its
// key columns, each a port), one edge per foreign key from the referring
// column to the referred one.
func (s *schemaPicture) dot(w *bufio.Writer) {
	fmt.Fprintln(w, "digraph schema {")
	fmt.Fprintln(w, `    graph [rankdir=LR, fontname="Helvetica"];`)
	fmt.Fprintln(w, `    node [shape=plaintext, fontname="Helvetica"];`)
	fmt.Fprintln(w, `    edge [arrowhead=none, arrowtail=crow, dir=both];`)
	for _, t := range s.tables {
		fmt.Fprintf(w, "    %s [label=<%s>];\n", dotID(t.QualifiedName()), s.dotTable(t))
	}
	for _, name := range s.external {
		fmt.Fprintf(w, "    %s [shape=box, style=dashed];\n", dotID(name))
	}
	for _, e := range s.edges {
		from := dotID(e.from.QualifiedName())
		if p := s.port(e.from, e.fk.Columns); p != "" {
			from += ":" + p
		}
		to := dotID(e.toName)
		if e.to != nil {
			if p := s.port(e.to, e.fk.RefColumns); p != "" {
				to += ":" + p
			}
		}
		style := ""
		if e.optional() {
			style = ", style=dashed"
		}
		fmt.Fprintf(w, "    %s -> %s [label=%s%s];\n", from, to, dotID(e.label()), style)
	}
	fmt.Fprintln(w, "}")
}

// dotTable is the HTML-like label of t.
func (s *schemaPicture) dotTable(t *metadata.Table) string {
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4">`)
	fmt.Fprintf(&b, `<TR><TD BGCOLOR="lightgrey"><B>%s</B></TD></TR>`, html(t.QualifiedName()))
	for _, c := range s.keyCols[t] {
		text := html(c.Name) + " <I>" + html(c.Type.String()) + "</I>"
		if k := keys(t, c.Name); len(k) > 0 {
			text += " " + strings.Join(k, ", ")
		}
		fmt.Fprintf(&b, `<TR><TD PORT="%s" ALIGN="LEFT">%s</TD></TR>`, s.port(t, []string{c.Name}), text)
	}
	b.WriteString(`</TABLE>`)
	return b.String()
}

// port names the row of cols[0] in t's node ("c3" for the fourth column
// of the table), or "" when that column is not drawn.
func (s *schemaPicture) port(t *metadata.Table, cols []string) string {
	if len(cols) == 0 {
		return ""
	}
	for _, c := range s.keyCols[t] {
		if c.Name == cols[0] {
			return fmt.Sprintf("c%d", t.ColumnIndex(c.Name))
		}
	}
	return ""
}
