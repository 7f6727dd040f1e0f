package dbtest

import (
	"context"
	"database/sql"
)

// staleQuery lists test databases that an earlier process left behind
// (killed before its cleanups ran): older than an hour, far beyond the test
// timeout, and with nobody connected. MySQL keeps no creation time for a
// database, so there an empty leftover stays; one with tables goes when
// its newest table is an hour old.
var staleQuery = map[string]string{
	"postgres": `SELECT d.datname FROM pg_database d
		WHERE d.datname LIKE 'retort\_test\_%'
		AND (pg_stat_file('base/' || d.oid || '/PG_VERSION', true)).modification < now() - interval '1 hour'
		AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)`,
	"mysql": `SELECT table_schema FROM information_schema.tables
		WHERE table_schema LIKE 'retort\_test\_%'
		GROUP BY table_schema
		HAVING max(create_time) < now() - INTERVAL 1 HOUR`,
}

// sweep drops stale test databases, best effort: a user without the rights
// to see them just keeps them.
func (s *server) sweep(adm *sql.DB) {
	ctx, cancel := context.WithTimeout(context.Background(), adminTimeout)
	defer cancel()
	rows, err := adm.QueryContext(ctx, staleQuery[s.dialect])
	if err != nil {
		return
	}
	var names []string
	for rows.Next() {
		var n string
		if rows.Scan(&n) == nil {
			names = append(names, n)
		}
	}
	rows.Close()
	for _, n := range names {
		s.dropDatabase(adm, n)
	}
}
