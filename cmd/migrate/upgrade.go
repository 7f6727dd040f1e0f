package main

import (
	"strings"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/versions"
	"github.com/spf13/cobra"
)

// upgradeCommand builds "migrate upgrade [TARGET]".
func (a *app) upgradeCommand() *cobra.Command {
	var f runFlags
	var ff fleetFlags
	var rsu []string
	cmd := &cobra.Command{
		Use:   "upgrade [TARGET]",
		Short: "Apply revisions up to TARGET (default head)",
		Long: `Upgrade takes the migration lock, then applies each revision from the
database's current revision up to TARGET, each in its own transaction with its
version-table change where the database allows it (PostgreSQL, SQLite).

TARGET is head, heads, an id (or an unambiguous prefix), label@head, or a
relative target: +2, head-1, <rev>+1. With --sql, TARGET may be FROM:TO and
the script is printed instead of run.`,
		Example: `  migrate upgrade head
  migrate upgrade +2 -v
  migrate upgrade head --sql > upgrade.sql
  migrate upgrade ae10:head --sql
  migrate upgrade head --all --parallel 8   # every database of targets:
  migrate upgrade head --url mysql://db1/app --rsu-node mysql://db1/app --rsu-node mysql://db2/app --rsu-node mysql://db3/app`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			target := "head"
			if len(args) == 1 {
				target = args[0]
			}
			if ff.all {
				return a.migrateAll(cmd, &f, &ff, versions.Up, target, false)
			}
			if len(rsu) > 0 {
				return a.upgradeRolling(cmd, &f, rsu, target)
			}
			return a.migrate(cmd, &f, versions.Up, target)
		},
	}
	f.register(cmd, true)
	ff.register(cmd)
	cmd.Flags().BoolVar(&f.compensate, "compensate", false, "on a database without transactional DDL (MySQL), undo the ops a failed revision applied")
	cmd.Flags().StringArrayVar(&rsu, "rsu-node", nil, "Galera rolling schema upgrade (RSU): run each revision's DDL on this node alone, node by node (repeat for every node; index changes only)")
	return cmd
}

// downgradeCommand builds "migrate downgrade TARGET".
func (a *app) downgradeCommand() *cobra.Command {
	var f runFlags
	var ff fleetFlags
	cmd := &cobra.Command{
		Use:   "downgrade TARGET",
		Short: "Revert revisions down to TARGET",
		Long: `Downgrade takes the migration lock and reverts revisions, newest first,
down to TARGET: base, an id, or a relative target such as -1 (written as an
argument, as in Alembic). With --sql, TARGET is FROM:TO and the script is
printed instead of run.`,
		Example: `  migrate downgrade -1
  migrate downgrade base
  migrate downgrade head:base --sql`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if ff.all {
				return a.migrateAll(cmd, &f, &ff, versions.Down, args[0], false)
			}
			return a.migrate(cmd, &f, versions.Down, args[0])
		},
	}
	f.register(cmd, true)
	ff.register(cmd)
	cmd.Flags().BoolVar(&f.compensate, "compensate", false, "on a database without transactional DDL (MySQL), undo the ops a failed revision applied")
	return cmd
}

// migrate runs an upgrade or a downgrade, or prints its script.
func (a *app) migrate(cmd *cobra.Command, f *runFlags, dir versions.Direction, target string) error {
	ctx := commandContext(cmd)
	r, db, err := a.runner(ctx, f, f.sql)
	if err != nil {
		return err
	}
	if f.sql {
		from, to, err := sqlRange(r, dir, target)
		if err != nil {
			return err
		}
		return r.SQL(a.stdout, from, to, dir)
	}
	defer db.db.Close()
	if dir == versions.Down {
		err = r.Downgrade(ctx, target)
	} else {
		err = r.Upgrade(ctx, target)
	}
	return redacted(err, db.u.Password)
}

// sqlRange splits --sql's FROM:TO; without FROM an upgrade starts at base
// and a downgrade at the history's heads.
func sqlRange(r *retort.Runner, dir versions.Direction, target string) ([]string, string, error) {
	from, to, ok := strings.Cut(target, ":")
	if !ok {
		if dir == versions.Down {
			return nil, "", usagef("downgrade --sql needs FROM:TO (e.g. head:base): there is no database to read the current revision from")
		}
		return nil, target, nil
	}
	if from == "" || from == "base" {
		return nil, to, nil
	}
	revs, err := r.Graph().Resolve(from)
	if err != nil {
		return nil, "", err
	}
	var ids []string
	for _, rev := range revs {
		if rev != nil {
			ids = append(ids, rev.ID)
		}
	}
	return ids, to, nil
}

// relativeArgs moves relative targets such as -1 (which pflag would read
// as a flag) of upgrade, downgrade and stamp behind "--".
func relativeArgs(args []string) []string {
	i := commandIndex(args)
	if i < 0 || (args[i] != "upgrade" && args[i] != "downgrade" && args[i] != "stamp") {
		return args
	}
	out := append([]string(nil), args[:i+1]...)
	var moved []string
	for j := i + 1; j < len(args); j++ {
		switch {
		case args[j] == "--":
			moved = append(moved, args[j+1:]...)
			j = len(args)
		case isRelative(args[j]):
			moved = append(moved, args[j])
		default:
			out = append(out, args[j])
		}
	}
	if len(moved) == 0 {
		return args
	}
	return append(append(out, "--"), moved...)
}

// commandIndex finds the command word, skipping the root's flags.
func commandIndex(args []string) int {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--config" || a == "--format" || a == "--directory":
			i++
		case strings.HasPrefix(a, "-"):
		default:
			return i
		}
	}
	return -1
}

// isRelative reports "-N" or "-N:..." .
func isRelative(s string) bool {
	if len(s) < 2 || s[0] != '-' {
		return false
	}
	i := 1
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 1 && (i == len(s) || s[i] == ':')
}
