package mysql

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/retortdb/retort/dialect"
)

// Rolling makes conn's DDL apply to its Galera node only: the session's
// wsrep_OSU_method is set to RSU (the node desyncs while a statement runs,
// the rest of the cluster serves) and back to TOI at the end.
func (*Dialect) Rolling(ctx context.Context, conn *sql.Conn) (begin, end []dialect.Statement, err error) {
	g, err := Galera(ctx, conn)
	if err != nil {
		return nil, nil, err
	}
	if !g.On {
		return nil, nil, fmt.Errorf("mysql: a rolling schema upgrade (RSU) needs a Galera node; this server has wsrep off: run a plain upgrade")
	}
	return []dialect.Statement{{SQL: "SET SESSION wsrep_OSU_method = 'RSU'"}},
		[]dialect.Statement{{SQL: "SET SESSION wsrep_OSU_method = 'TOI'"}}, nil
}
