package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/versions"
)

// checkCommand builds "migrate check": exit 1 when autogenerate would
// write anything, or when the database is not at head.
func (a *app) checkCommand() *cobra.Command {
	var f autogenFlags
	var ff fleetFlags
	c := &cobra.Command{
		Use:   "check",
		Short: "Fail when the target schema and the migrations disagree",
		Long: `Check compares the target schema (--schema, default schema.yaml) with the
database (--url or $DATABASE_URL), or with the history folded from the
revision files (--offline, no database). When they agree it prints "No new
upgrade operations detected." and exits 0. When they differ, or the database
is not at head, it prints a unified diff of the two schemas in schema.yaml
form and exits 1. --format json prints {"changes": [...], "warnings": [...]}.`,
		Example: `  migrate check --url postgres://ci@localhost/app
  migrate check --offline
  migrate check --all --parallel 8   # every database of targets: drift, not at head, ok`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if ff.all {
				return a.checkAll(cmd, f, &ff)
			}
			cmp, err := a.compareSchemas(commandContext(cmd), f)
			if err != nil {
				return err
			}
			return a.check(cmp)
		},
	}
	f.register(c.Flags(), true)
	ff.register(c)
	return c
}

func (a *app) check(cmp *retort.Comparison) error {
	a.noteDerivedDowngrades()
	res := cmp.Result
	if a.format == "json" {
		if err := a.printChanges(res); err != nil {
			return err
		}
	} else {
		a.printWarnings(res.Warnings)
		if len(res.Ops) == 0 && cmp.NotAtHead == nil {
			fmt.Fprintln(a.stdout, "No new upgrade operations detected.")
		}
		if len(res.Ops) > 0 {
			for _, o := range res.Ops {
				fmt.Fprintln(a.stdout, autogen.Describe(o))
			}
			diff, err := cmp.SchemaDiff()
			if err != nil {
				return err
			}
			fmt.Fprint(a.stdout, diff)
		}
	}
	return cmp.Err()
}

// noteDerivedDowngrades tells on stderr which revisions have no downgrade:
// key (their downgrade is derived from the upgrade) and which of those
// cannot be downgraded.
func (a *app) noteDerivedDowngrades() {
	g, err := versions.Load(versions.DirFS(a.directory), "versions")
	if err != nil {
		return // the comparison has reported the history's problems
	}
	for _, r := range g.Revisions() {
		if r.DowngradeDerived {
			fmt.Fprintf(a.stderr, "note: revision %s (%s): %s\n", r.ID, a.displayPath(r), downgradeNote(r))
		}
	}
}
