package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	gomysql "github.com/go-sql-driver/mysql"
)

// GaleraInfo is what a server says about the Galera cluster it belongs to.
type GaleraInfo struct {
	// On is wsrep_on: the server replicates through a Galera provider.
	On bool
	// ClusterSize is wsrep_cluster_size (0 when not On).
	ClusterSize int
	// Node is wsrep_node_name.
	Node string
	// OSUMethod is wsrep_OSU_method: TOI (total order, the default) or RSU.
	OSUMethod string
}

// errUnknownVariable is MySQL's ER_UNKNOWN_SYSTEM_VARIABLE: a server built
// without wsrep (MySQL, some MariaDB builds).
const errUnknownVariable = 1193

// querier is what both *sql.DB and *sql.Conn offer.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Galera reports whether q's server is a node of a Galera cluster: wsrep_on
// set and a provider loaded (wsrep_cluster_size at least 1). A server built
// without wsrep is simply not one.
func Galera(ctx context.Context, q querier) (GaleraInfo, error) {
	var on sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT @@session.wsrep_on`).Scan(&on)
	var me *gomysql.MySQLError
	if errors.As(err, &me) && me.Number == errUnknownVariable {
		return GaleraInfo{}, nil
	}
	if err != nil {
		return GaleraInfo{}, fmt.Errorf("mysql: reading wsrep_on: %w", err)
	}
	if on.Int64 != 1 {
		return GaleraInfo{}, nil
	}
	var name, size string
	err = q.QueryRowContext(ctx, `SHOW STATUS LIKE 'wsrep_cluster_size'`).Scan(&name, &size)
	if errors.Is(err, sql.ErrNoRows) {
		return GaleraInfo{}, nil
	}
	if err != nil {
		return GaleraInfo{}, fmt.Errorf("mysql: reading wsrep_cluster_size: %w", err)
	}
	n, _ := strconv.Atoi(size)
	if n < 1 {
		// wsrep_on without a provider (wsrep_provider=none) replicates nothing.
		return GaleraInfo{}, nil
	}
	g := GaleraInfo{On: true, ClusterSize: n}
	if err := q.QueryRowContext(ctx, `SELECT @@wsrep_node_name, @@session.wsrep_OSU_method`).Scan(&g.Node, &g.OSUMethod); err != nil {
		return GaleraInfo{}, fmt.Errorf("mysql: reading wsrep_node_name: %w", err)
	}
	return g, nil
}
