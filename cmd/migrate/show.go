package main

import (
	"fmt"

	"github.com/retortdb/retort/versions"
	"github.com/spf13/cobra"
)

func (a *app) showCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "show REV",
		Short: "Show one revision (or several: heads, label@head, ...)",
		Example: `  migrate show head
  migrate show ae10 --format json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			g, err := a.loadFullGraph(false)
			if err != nil {
				return err
			}
			found, err := g.Resolve(args[0])
			if err != nil {
				return err
			}
			var revs []*versions.Revision
			for _, r := range found {
				if r != nil {
					revs = append(revs, r)
				}
			}
			if a.format == "json" {
				return a.printJSON(revs)
			}
			for _, r := range revs {
				fmt.Fprint(a.stdout, a.entry(r, false))
			}
			return nil
		},
	}
}
