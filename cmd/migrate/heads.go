package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func (a *app) headsCommand() *cobra.Command {
	var verbose, resolveDeps bool
	cmd := &cobra.Command{
		Use:   "heads",
		Short: "Show the current heads of the revision history",
		Example: `  migrate heads
  migrate heads --resolve-dependencies --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			g, err := a.loadGraph(true)
			if err != nil {
				return err
			}
			heads := g.Heads()
			if resolveDeps {
				heads = g.RealHeads()
			}
			if a.format == "json" {
				return a.printJSON(heads)
			}
			for _, r := range heads {
				if verbose {
					fmt.Fprintln(a.stdout, a.entry(r, false))
					continue
				}
				fmt.Fprintln(a.stdout, line(r, lineOptions{branches: true}))
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "show every detail of each head")
	cmd.Flags().BoolVar(&resolveDeps, "resolve-dependencies", false, "leave out heads that another revision depends on")
	return cmd
}
