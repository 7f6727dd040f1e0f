package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

func (a *app) historyCommand() *cobra.Command {
	var rng string
	var verbose, indicate bool
	cmd := &cobra.Command{
		Use:   "history",
		Short: "List revisions in history order, newest first",
		Example: `  migrate history
  migrate history -r ae10:head --verbose
  migrate history -r -3:current --indicate-current`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if rng != "" && !strings.Contains(rng, ":") {
				return usagef("history range %q: expected [start]:[end], [start]: or :[end]", rng)
			}
			var current []string
			if indicate || usesCurrent(rng) {
				var err error
				if current, err = a.current(cmd.Context()); err != nil {
					return err
				}
			}
			load := a.loadGraph
			if verbose {
				load = a.loadFullGraph
			}
			g, err := load(true)
			if err != nil {
				return err
			}
			revs, err := g.History(rng, current)
			if err != nil {
				return err
			}
			if a.format == "json" {
				return a.printJSON(revs)
			}
			for _, r := range revs {
				cur := indicate && slices.Contains(current, r.ID)
				if verbose {
					fmt.Fprintln(a.stdout, a.entry(r, cur))
					continue
				}
				fmt.Fprintln(a.stdout, line(r, lineOptions{parents: true, branches: true, doc: true, tree: true, current: cur}))
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&rng, "rev-range", "r", "", "range of revisions: [start]:[end]; either end may be current")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "show every detail of each revision")
	cmd.Flags().BoolVarP(&indicate, "indicate-current", "i", false, "mark the database's current revisions")
	return cmd
}

func usesCurrent(rng string) bool {
	base, head, _ := strings.Cut(rng, ":")
	return base == "current" || head == "current"
}

// errNoDatabase is returned where a database is needed but the runner
// that connects to one is not part of this build yet.
var errNoDatabase = errors.New("this needs the database's current revisions, and reading them is not available in this build yet")

// current reads the database's current heads.
func (a *app) current(ctx context.Context) ([]string, error) {
	if a.currentHeads == nil {
		return nil, errNoDatabase
	}
	return a.currentHeads(ctx)
}
