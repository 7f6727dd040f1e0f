package main

import (
	"github.com/spf13/cobra"

	"github.com/retortdb/retort/diagram"
)

// graphCommand builds "migrate graph": the revision DAG as text, Mermaid
// or Graphviz DOT.
func (a *app) graphCommand() *cobra.Command {
	var format string
	var indicate bool
	c := &cobra.Command{
		Use:   "graph",
		Short: "Draw the revision graph (text, Mermaid or Graphviz DOT)",
		Long: `Graph draws the revision history: one node per revision with its id,
message and branch labels, an edge from each down_revision to the revision
after it (merge points have several), dashed edges for depends_on, and the
heads marked. --indicate-current reads the database's current revisions and
highlights them. --format text (the default) draws lanes as git log --graph
does; mermaid is a flowchart for Markdown; dot is for Graphviz.`,
		Example: `  migrate graph
  migrate graph --format mermaid --indicate-current
  migrate graph --format dot | dot -Tsvg > history.svg`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, err := diagram.ParseFormat(format)
			if err != nil {
				return usagef("--format must be text, mermaid or dot, not %q", format)
			}
			var current []string
			if indicate {
				if current, err = a.current(cmd.Context()); err != nil {
					return err
				}
			}
			g, err := a.loadGraph(true)
			if err != nil {
				return err
			}
			return diagram.History(a.stdout, g, current, f)
		},
	}
	// A local --format shadows the root's text|json one for this command.
	c.Flags().StringVar(&format, "format", "text", "picture format: text, mermaid or dot")
	c.Flags().BoolVarP(&indicate, "indicate-current", "i", false, "highlight the database's current revisions")
	return c
}
