package main

import (
	"database/sql"

	"github.com/spf13/cobra"
)

// upgradeRolling runs "upgrade --rsu-node URL ...": a rolling schema
// upgrade (Galera RSU) on each node in turn, the lock and version table
// through --url (or migrate.yaml's url).
func (a *app) upgradeRolling(cmd *cobra.Command, f *runFlags, nodes []string, target string) error {
	if f.sql {
		return usagef("--rsu-node runs on the cluster; --sql prints a script: use one or the other")
	}
	ctx := commandContext(cmd)
	r, db, err := a.runner(ctx, f, false)
	if err != nil {
		return err
	}
	defer db.db.Close()
	dbs := make([]*sql.DB, len(nodes))
	for i, u := range nodes {
		n, err := a.openDB(ctx, u)
		if err != nil {
			return err
		}
		defer n.db.Close()
		dbs[i] = n.db
	}
	return redacted(r.UpgradeRolling(ctx, target, dbs), db.u.Password)
}
