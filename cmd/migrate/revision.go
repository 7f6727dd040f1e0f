package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func (a *app) revisionCommand() *cobra.Command {
	var o newRevision
	var head string
	var auto, online bool
	var af autogenFlags
	cmd := &cobra.Command{
		Use:   "revision -m MESSAGE",
		Short: "Create a new, empty revision file",
		Example: `  migrate revision -m "add users"
  migrate revision -m "start reporting" --head base --branch-label reporting
  migrate revision -m "fix" --head ae1027a6acf --splice
  migrate revision --autogenerate -m "add users" --url sqlite:///app.db
  migrate revision --autogenerate --offline -m baseline
  migrate revision --autogenerate --online -m "index orders"`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.heads = []string{head}
			if online && !auto {
				return usageError{errors.New("--online shapes what --autogenerate writes; give both")}
			}
			if auto && online {
				return a.autogenerateOnline(commandContext(cmd), o, af)
			}
			if auto {
				return a.autogenerate(commandContext(cmd), o, af)
			}
			r, err := a.generate(o)
			if err != nil {
				return err
			}
			return a.printGenerated(r)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.message, "message", "m", "", "the revision's message")
	f.StringVar(&head, "head", "head", "the revision to follow: head, base (a new root), label@head, or a revision")
	f.BoolVar(&o.splice, "splice", false, "allow --head to name a revision that is not a head (starts a branch)")
	f.StringSliceVar(&o.labels, "branch-label", nil, "branch label(s) for the new revision")
	f.StringSliceVar(&o.dependsOn, "depends-on", nil, "revision(s) or label(s) the new revision depends on")
	f.StringVar(&o.revID, "rev-id", "", "the revision id, instead of a random one")
	f.StringVar(&o.versionPath, "version-path", "", "directory to write the file into (default <directory>/versions)")
	f.BoolVar(&o.datePrefix, "date-prefix", false, "start the file name with the creation date and time")
	f.BoolVar(&auto, "autogenerate", false, "fill the revision with the changes from the database (or --offline, the history) to --schema")
	f.BoolVar(&online, "online", false, "with --autogenerate: write the online forms (indexes built concurrently, constraints NOT VALID then validated, the safe SET NOT NULL, MySQL ALGORITHM=/LOCK=), split into chained revisions where one transaction cannot hold them")
	af.register(f, true)
	return cmd
}
