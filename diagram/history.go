package diagram

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/retortdb/retort/versions"
)

// History draws the revision graph g in format f ([Mermaid] flowchart,
// [DOT] or [Text]). current lists the database's current revisions (ids
// from the version table); they are highlighted. It may be nil.
func History(w io.Writer, g *versions.Graph, current []string, f Format) error {
	revs, err := g.History("", nil)
	if err != nil {
		return err
	}
	for _, c := range current {
		if g.Get(c) == nil {
			return fmt.Errorf("diagram: the database is at %s, which no revision file defines", c)
		}
	}
	h := historyPicture{revs: revs, current: current, deps: map[string][]string{}}
	for _, r := range revs {
		for _, d := range r.DependsOn {
			h.deps[r.ID] = append(h.deps[r.ID], resolveDep(g, d)...)
		}
	}
	bw := bufio.NewWriter(w)
	switch f {
	case Mermaid:
		h.mermaid(bw)
	case DOT:
		h.dot(bw)
	case Text:
		h.text(bw)
	default:
		return fmt.Errorf("diagram: unknown format %q (want mermaid, dot or text)", f)
	}
	return bw.Flush()
}

// historyPicture is a history, newest first, with the current revisions.
type historyPicture struct {
	revs    []*versions.Revision
	current []string
	deps    map[string][]string // depends_on, resolved to revision ids
}

// resolveDep turns a depends_on entry (an id, a partial id or a branch
// label) into the revisions it stands for; an entry that resolves to
// nothing is drawn as written.
func resolveDep(g *versions.Graph, d string) []string {
	revs, err := g.Resolve(d)
	if err != nil || len(revs) == 0 {
		return []string{d}
	}
	ids := make([]string, len(revs))
	for i, r := range revs {
		ids[i] = r.ID
	}
	return ids
}

// tags are the words shown after a revision's id: its branch labels,
// head, base, branch point, merge point, current.
func (h historyPicture) tags(r *versions.Revision) []string {
	var t []string
	for _, l := range r.BranchLabels {
		t = append(t, "@"+l)
	}
	if r.IsHead() {
		t = append(t, "head")
	}
	if r.IsBase() {
		t = append(t, "base")
	}
	if r.IsBranchPoint() {
		t = append(t, "branch point")
	}
	if r.IsMergePoint() {
		t = append(t, "merge point")
	}
	if slices.Contains(h.current, r.ID) {
		t = append(t, "current")
	}
	return t
}

// mermaid writes a bottom-up flowchart: bases at the bottom, heads at the
// top, as a history reads.
func (h historyPicture) mermaid(w *bufio.Writer) {
	ids := newIDs()
	fmt.Fprintln(w, "flowchart BT")
	for i := len(h.revs) - 1; i >= 0; i-- {
		r := h.revs[i]
		label := r.ID
		if t := h.tags(r); len(t) > 0 {
			label += " (" + strings.Join(t, ", ") + ")"
		}
		if r.Message != "" {
			label += "<br/>" + r.Message
		}
		fmt.Fprintf(w, "    %s[%s]\n", ids.ref("r_"+r.ID), mermaidText(label))
	}
	for i := len(h.revs) - 1; i >= 0; i-- {
		r := h.revs[i]
		for _, p := range r.DownRevisions {
			fmt.Fprintf(w, "    %s --> %s\n", ids.ref("r_"+p), ids.ref("r_"+r.ID))
		}
		for _, d := range h.deps[r.ID] {
			fmt.Fprintf(w, "    %s -. depends on .-> %s\n", ids.ref("r_"+d), ids.ref("r_"+r.ID))
		}
	}
	fmt.Fprintln(w, "    classDef head stroke-width:3px")
	fmt.Fprintln(w, "    classDef current fill:#c8f7c5,stroke:#2e7d32")
	for _, r := range h.revs {
		if r.IsHead() {
			fmt.Fprintf(w, "    class %s head\n", ids.ref("r_"+r.ID))
		}
	}
	for _, c := range h.current {
		fmt.Fprintf(w, "    class %s current\n", ids.ref("r_"+c))
	}
}

// dot writes a bottom-up digraph, heads with a double border, current
// revisions filled, depends_on edges dashed.
func (h historyPicture) dot(w *bufio.Writer) {
	fmt.Fprintln(w, "digraph history {")
	fmt.Fprintln(w, `    graph [rankdir=BT, fontname="Helvetica"];`)
	fmt.Fprintln(w, `    node [shape=box, style=rounded, fontname="Helvetica"];`)
	for i := len(h.revs) - 1; i >= 0; i-- {
		r := h.revs[i]
		label := r.ID
		if t := h.tags(r); len(t) > 0 {
			label += " (" + strings.Join(t, ", ") + ")"
		}
		if r.Message != "" {
			label += "\n" + r.Message
		}
		attrs := "label=" + dotID(label)
		if r.IsHead() {
			attrs += ", peripheries=2"
		}
		if slices.Contains(h.current, r.ID) {
			attrs += `, style="rounded,filled", fillcolor="#c8f7c5"`
		}
		fmt.Fprintf(w, "    %s [%s];\n", dotID(r.ID), attrs)
	}
	for i := len(h.revs) - 1; i >= 0; i-- {
		r := h.revs[i]
		for _, p := range r.DownRevisions {
			fmt.Fprintf(w, "    %s -> %s;\n", dotID(p), dotID(r.ID))
		}
		for _, d := range h.deps[r.ID] {
			fmt.Fprintf(w, "    %s -> %s [style=dashed, label=\"depends on\"];\n", dotID(d), dotID(r.ID))
		}
	}
	fmt.Fprintln(w, "}")
}
