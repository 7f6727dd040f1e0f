// Package diagram draws pictures of a schema and of a revision history, as
// text that other tools render: Mermaid (GitHub, GitLab and most Markdown
// viewers draw it inline) and Graphviz DOT (dot -Tsvg), plus plain text for
// the history.
//
// [Schema] draws the tables of a model with their key columns (primary and
// foreign key columns, with their types) and one edge per foreign key, from
// the referring table to the referred one. Other columns are left out: the
// picture is for seeing how tables hang together; schema.yaml has the rest.
//
// [History] draws a revision graph: one node per revision with its id,
// message and branch labels, an edge from each down_revision to the
// revision that follows it (a merge point has several), a dashed edge for
// each depends_on, heads marked, and the database's current revisions
// highlighted when the caller passes them.
//
// The output is deterministic (the model's order; the graph's history
// order) so that it can be kept in golden files and diffed in review.
package diagram

import "fmt"

// Format is a picture language: [Mermaid], [DOT] or [Text].
type Format string

// The formats. [Text] is for [History] only.
const (
	Mermaid Format = "mermaid"
	DOT     Format = "dot"
	Text    Format = "text"
)

// ParseFormat returns the format named s ("mermaid", "dot" or "text").
func ParseFormat(s string) (Format, error) {
	switch f := Format(s); f {
	case Mermaid, DOT, Text:
		return f, nil
	}
	return "", fmt.Errorf("diagram: unknown format %q (want mermaid, dot or text)", s)
}
