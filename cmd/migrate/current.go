package main

import (
	"errors"
	"fmt"
	"slices"

	"github.com/retortdb/retort/versions"
	"github.com/spf13/cobra"
)

// errNotAtHeads is current --check-heads's failure.
var errNotAtHeads = errors.New("the database is not at the history's heads: run migrate upgrade heads")

// currentCommand builds "migrate current".
func (a *app) currentCommand() *cobra.Command {
	var f runFlags
	var checkHeads bool
	var ff fleetFlags
	cmd := &cobra.Command{
		Use:   "current",
		Short: "Show the database's current revisions",
		Example: `  migrate current
  migrate current --verbose
  migrate current --check-heads   # exit 1 unless the database is at head`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if ff.all {
				return a.migrateAll(cmd, &f, &ff, versions.Up, "", true)
			}
			ctx := commandContext(cmd)
			// The history is read while the database opens: on a long
			// history each takes a good part of the command's time.
			graph := make(chan graphResult, 1)
			go func() {
				g, err := a.loadGraph(true)
				graph <- graphResult{g, err}
			}()
			db, err := a.openDB(ctx, f.url)
			if err != nil {
				return err
			}
			defer db.db.Close()
			heads, err := db.redact(currentHeads(ctx, db))
			if err != nil {
				return err
			}
			gr := <-graph
			g, err := gr.g, gr.err
			if err != nil {
				return err
			}
			revs, err := g.Current(heads)
			if err != nil {
				return fmt.Errorf("the version table names %v: %w (stamp --purge resets it)", heads, err)
			}
			if err := a.printCurrent(revs, f.verbose); err != nil {
				return err
			}
			if checkHeads && !atHeads(g, heads) {
				return errNotAtHeads
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&f.url, "url", "", "database URL (default: $DATABASE_URL, then migrate.yaml's url)")
	cmd.Flags().BoolVarP(&f.verbose, "verbose", "v", false, "show every detail of each revision")
	cmd.Flags().BoolVar(&checkHeads, "check-heads", false, "fail (exit 1) unless the database is at the history's heads")
	ff.register(cmd)
	return cmd
}

// graphResult is loadGraph's result, handed over from a goroutine.
type graphResult struct {
	g   *versions.Graph
	err error
}

func (a *app) printCurrent(revs []*versions.Revision, verbose bool) error {
	if a.format == "json" {
		return a.printJSON(revs)
	}
	for _, r := range revs {
		if verbose {
			fmt.Fprintln(a.stdout, a.entry(r, false))
			continue
		}
		fmt.Fprintln(a.stdout, line(r, lineOptions{branches: true}))
	}
	return nil
}

// atHeads reports whether heads are exactly the graph's heads.
func atHeads(g *versions.Graph, heads []string) bool {
	heads = slices.Clone(heads)
	slices.Sort(heads)
	return slices.Equal(heads, g.HeadIDs())
}
