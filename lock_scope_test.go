package retort_test

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/fleet"
	"github.com/retortdb/retort/internal/dbtest"
)

// holdTargetLock takes, from another session, the migration lock a runner
// of url would take (the version table migrate_version where url's
// unqualified names resolve), until the test ends.
func holdTargetLock(t *testing.T, url string) {
	t.Helper()
	d, u, err := dialect.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	name, dsn, err := d.Driver(u)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open(name, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	conn, err := db.Conn(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	scope, err := d.(dialect.LockScoper).LockScope(ctx(t), conn)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.(dialect.Locker).Lock(ctx(t), conn, "retort:"+scope+".migrate_version", time.Second); err != nil {
		t.Fatal(err)
	}
}

// TestLockPerVersionTable: the migration lock is one per version table,
// not one per server. A held lock on one PostgreSQL schema (of a
// schema-per-tenant database) and on one MariaDB database stops the
// runners of those two only: the other schema of the same database and
// the other database of the same server upgrade meanwhile (before, every
// tenant of a server waited for the one migrating, and a fleet ran one
// target at a time).
func TestLockPerVersionTable(t *testing.T) {
	pg := dbtest.Postgres(t)
	for _, s := range []string{"tenant_a", "tenant_b"} {
		if _, err := pg.Exec("CREATE SCHEMA " + s); err != nil {
			t.Fatal(err)
		}
	}
	my := []*dbtest.DB{dbtest.MySQL(t), dbtest.MySQL(t)}
	server := strings.TrimSuffix(my[0].URL, my[0].Name)
	cfg, err := retort.LoadConfig(retort.Overrides{Config: writeTemp(t, fmt.Sprintf("targets:\n  - url: %s\n    schemas: [tenant_a, tenant_b]\n  - url: %s\n    schemas: [%s, %s]\n",
		pg.URL, server, my[0].Name, my[1].Name))})
	if err != nil {
		t.Fatal(err)
	}
	urls, err := fleet.ResolveTargets(ctx(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(urls) != 4 {
		t.Fatalf("resolved %v, want 2 schemas and 2 databases", urls)
	}
	holdTargetLock(t, urls[0]) // tenant_a
	holdTargetLock(t, urls[2]) // my[0]
	fl := &fleet.Fleet{Targets: urls, Parallel: 4, Options: retort.Options{Migrations: basic(), LockTimeout: 300 * time.Millisecond}}
	for i, r := range fl.Upgrade(ctx(t), "head") {
		held := i == 0 || i == 2
		switch {
		case held && !errors.Is(r.Err, retort.ErrLocked):
			t.Errorf("%s: its lock is held, want ErrLocked, got %v (to %v)", r.Target, r.Err, r.To)
		case !held && (r.Err != nil || len(r.To) != 1 || r.To[0] != "r3"):
			t.Errorf("%s: another schema's lock is held, want it upgraded to r3: to %v: %v", r.Target, r.To, r.Err)
		}
	}
}
