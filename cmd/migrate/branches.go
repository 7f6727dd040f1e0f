package main

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/versions"
	"github.com/spf13/cobra"
)

func (a *app) branchesCommand() *cobra.Command {
	var verbose bool
	cmd := &cobra.Command{
		Use:     "branches",
		Short:   "Show the branch points of the revision history",
		Example: `  migrate branches --verbose`,
		RunE: func(cmd *cobra.Command, args []string) error {
			g, err := a.loadGraph(true)
			if err != nil {
				return err
			}
			all, err := g.History("", nil)
			if err != nil {
				return err
			}
			var points []*versions.Revision
			for _, r := range all {
				if r.IsBranchPoint() {
					points = append(points, r)
				}
			}
			if a.format == "json" {
				return a.printJSON(points)
			}
			for _, r := range points {
				a.printBranchPoint(g, r, verbose)
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "show every detail of each branch point")
	return cmd
}

// printBranchPoint prints a branch point and, indented, where it leads.
func (a *app) printBranchPoint(g *versions.Graph, r *versions.Revision, verbose bool) {
	if verbose {
		fmt.Fprint(a.stdout, a.entry(r, false))
	} else {
		fmt.Fprintln(a.stdout, line(r, lineOptions{branches: true, tree: true}))
	}
	pad := strings.Repeat(" ", len(r.ID))
	for _, id := range r.NextRevisions() {
		next := g.Get(id)
		fmt.Fprintf(a.stdout, "%s -> %s\n", pad, line(next, lineOptions{branches: true, tree: true, doc: verbose}))
	}
	fmt.Fprintln(a.stdout)
}
