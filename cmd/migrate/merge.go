package main

import (
	"github.com/spf13/cobra"
)

func (a *app) mergeCommand() *cobra.Command {
	var o newRevision
	cmd := &cobra.Command{
		Use:   "merge -m MESSAGE REV...",
		Short: "Create a revision that merges several heads",
		Long: `Create a revision whose down revisions are REV... (usually "heads").
Merging revisions that are not heads needs --splice, as in Alembic: the
merge revision then becomes a new head beside the heads that follow them.`,
		Example: `  migrate merge -m "merge reporting" heads
  migrate merge -m "join" ae10 27c6
  migrate merge -m "join older" bbbb cccc --splice`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.heads = args
			o.merge = true
			r, err := a.generate(o)
			if err != nil {
				return err
			}
			return a.printGenerated(r)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.message, "message", "m", "", "the revision's message")
	f.StringSliceVar(&o.labels, "branch-label", nil, "branch label(s) for the merge revision")
	f.StringVar(&o.revID, "rev-id", "", "the revision id, instead of a random one")
	f.BoolVar(&o.splice, "splice", false, "allow merging revisions that are not heads (the merge becomes another head)")
	f.BoolVar(&o.datePrefix, "date-prefix", false, "start the file name with the creation date and time")
	return cmd
}
