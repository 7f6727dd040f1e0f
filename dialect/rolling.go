package dialect

import (
	"context"
	"database/sql"
)

// RollingUpgrader is implemented by dialects whose clusters can take a
// schema change node by node, each node applying it alone while the others
// serve (Galera's rolling schema upgrade, wsrep_OSU_method=RSU). Rolling
// returns the statements that make conn's DDL apply to its node only
// (begin) and that restore the session (end), or an error when conn's
// server is not a cluster node.
type RollingUpgrader interface {
	Rolling(ctx context.Context, conn *sql.Conn) (begin, end []Statement, err error)
}
