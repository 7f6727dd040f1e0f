package diagram

import (
	"bufio"
	"fmt"
	"strings"
)

// mermaid writes an erDiagram. Entities whose names Mermaid cannot take as
// they are get a sanitized id and the real name as an alias label.
func (s *schemaPicture) mermaid(w *bufio.Writer) {
	ids := newIDs()
	fmt.Fprintf(w, "erDiagram\n")
	for _, t := range s.tables {
		fmt.Fprintf(w, "    %s {\n", ids.entity(t.QualifiedName()))
		for _, c := range s.keyCols[t] {
			name, ok := mermaidWord(c.Name)
			line := fmt.Sprintf("        %s %s", mermaidType(c.Type.String()), name)
			if k := keys(t, c.Name); len(k) > 0 {
				line += " " + strings.Join(k, ", ")
			}
			if !ok {
				line += " " + mermaidText(c.Name)
			}
			fmt.Fprintln(w, line)
		}
		fmt.Fprintf(w, "    }\n")
	}
	for _, name := range s.external {
		fmt.Fprintf(w, "    %s\n", ids.entity(name))
	}
	for _, e := range s.edges {
		parent := "||"
		if e.optional() {
			parent = "o|"
		}
		line := ".."
		if e.identifying() {
			line = "--"
		}
		fmt.Fprintf(w, "    %s }o%s%s %s : %s\n", ids.ref(e.from.QualifiedName()), line, parent,
			ids.ref(e.toName), mermaidText(e.label()))
	}
}

// ids gives each entity a Mermaid id, unique even when two names sanitize
// to the same word.
type ids struct {
	byName map[string]string
	used   map[string]bool
}

func newIDs() *ids { return &ids{byName: map[string]string{}, used: map[string]bool{}} }

// entity returns the declaration of name: its id, with an alias label
// when the id is not the name.
func (x *ids) entity(name string) string {
	id := x.ref(name)
	if id == name {
		return id
	}
	return id + "[" + mermaidText(name) + "]"
}

// ref returns name's id, making one the first time.
func (x *ids) ref(name string) string {
	if id, ok := x.byName[name]; ok {
		return id
	}
	id, _ := mermaidWord(name)
	for base, n := id, 2; x.used[id]; n++ {
		id = fmt.Sprintf("%s_%d", base, n)
	}
	x.used[id] = true
	x.byName[name] = id
	return id
}
