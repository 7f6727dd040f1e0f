package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// stampCommand builds "migrate stamp REV...".
func (a *app) stampCommand() *cobra.Command {
	var f runFlags
	var purge bool
	cmd := &cobra.Command{
		Use:   "stamp REV...",
		Short: "Set the version table to REV without running migrations",
		Long: `Stamp writes the version table as if the database were at REV (head, an
id, base, ...), running no migration: for adopting a database whose schema
already matches, or repairing the table. --purge empties it first.`,
		Example: `  migrate stamp head
  migrate stamp base
  migrate stamp ae10 --purge
  migrate stamp head --sql`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := commandContext(cmd)
			r, db, err := a.runner(ctx, &f, f.sql)
			if err != nil {
				return err
			}
			if f.sql {
				return r.StampSQL(a.stdout, nil, args)
			}
			defer db.db.Close()
			if err := r.Stamp(ctx, args, purge); err != nil {
				return redacted(err, db.u.Password)
			}
			heads, err := r.Current(ctx)
			if err != nil {
				return redacted(err, db.u.Password)
			}
			fmt.Fprintf(a.stdout, "Stamped %s\n", stamped(heads))
			return nil
		},
	}
	f.register(cmd, true)
	cmd.Flags().BoolVar(&purge, "purge", false, "empty the version table first")
	return cmd
}

// stamped names the heads a stamp left, or base.
func stamped(heads []string) string {
	if len(heads) == 0 {
		return "base"
	}
	return strings.Join(heads, ", ")
}
