package dbtest

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"testing"
)

// GaleraEnv names the nodes of the Galera test cluster: space-separated
// MySQL URLs, one per node (scripts/galera-cluster.sh urls prints them).
const GaleraEnv = "RETORT_TEST_GALERA_URLS"

// Galera returns one fresh database on the Galera test cluster, opened on
// every node: element i is the database as node i serves it. The test is
// skipped when GaleraEnv is unset (no cluster on this machine: .ci/run sets
// it when it has started one); a cluster named but unreachable skips it,
// or fails it under RETORT_REQUIRE_DBS=1.
func Galera(t testing.TB) []*DB {
	t.Helper()
	raw := strings.Fields(os.Getenv(GaleraEnv))
	if len(raw) == 0 {
		t.Skip(GaleraEnv + " is not set (scripts/galera-cluster.sh start starts a cluster)")
	}
	servers := make([]*server, len(raw))
	for i, r := range raw {
		u, err := parseServerURL("mysql", r)
		if err != nil {
			t.Fatalf("dbtest: %s: %v", GaleraEnv, err)
		}
		servers[i] = &server{dialect: "mysql", env: GaleraEnv, url: u}
	}
	adm, err := servers[0].openURL(servers[0].url)
	if err == nil {
		err = pingNode(adm)
	}
	if err != nil {
		if adm != nil {
			adm.Close()
		}
		err = fmt.Errorf("galera node %s not reachable (set %s): %s", servers[0].url.Host, GaleraEnv, scrub(err, raw[0]))
		if required() {
			t.Fatalf("dbtest: %v (RETORT_REQUIRE_DBS=1)", err)
		}
		t.Skip(err.Error())
	}
	name, err := servers[0].createDatabase(adm)
	if err != nil {
		adm.Close()
		t.Fatalf("dbtest: %v", err)
	}
	dbs := make([]*DB, len(servers))
	for i, s := range servers {
		u := withDatabase(s.url, name)
		sqldb, err := s.openURL(u)
		if err != nil {
			t.Fatalf("dbtest: %v", err)
		}
		dbs[i] = &DB{DB: sqldb, Dialect: DialectMySQL, URL: u.String(), Name: name}
	}
	t.Cleanup(func() {
		for _, db := range dbs {
			db.Close()
		}
		if err := servers[0].dropDatabase(adm, name); err != nil {
			t.Errorf("dbtest: %v", err)
		}
		adm.Close()
	})
	return dbs
}

func pingNode(db *sql.DB) error {
	ctx, cancel := context.WithTimeout(context.Background(), probeTimeout)
	defer cancel()
	return db.PingContext(ctx)
}
