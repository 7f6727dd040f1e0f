package fleet_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/fleet"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/versions"
)

// headSchema writes the schema.yaml of basic()'s head into a temp folder.
func headSchema(t *testing.T) string {
	t.Helper()
	g, err := versions.Load(basic(), "versions")
	if err != nil {
		t.Fatal(err)
	}
	m, _, err := g.ModelAt("heads")
	if err != nil {
		t.Fatal(err)
	}
	text, err := metadata.Write(m)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "schema.yaml")
	if err := os.WriteFile(p, text, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// fleetOf resolves migrate.yaml text's targets.
func fleetOf(t *testing.T, cfg string) []string {
	t.Helper()
	c, err := retort.LoadConfig(retort.Overrides{Config: writeTemp(t, cfg)})
	if err != nil {
		t.Fatal(err)
	}
	urls, err := fleet.ResolveTargets(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	return urls
}

// TestFleetSchemaTargets: schema-per-tenant on PostgreSQL (like:) and
// database-per-tenant on one MariaDB server (schemas:): each tenant is
// upgraded in its own schema with its own version table, the database's
// default schema is left alone, and check --all finds the one tenant
// whose schema drifted, and only it.
func TestFleetSchemaTargets(t *testing.T) {
	pg := dbtest.Postgres(t)
	for _, s := range []string{"tenant_a", "tenant_b", "tenant_c", "other"} {
		if _, err := pg.Exec("CREATE SCHEMA " + s); err != nil {
			t.Fatal(err)
		}
	}
	my := []*dbtest.DB{dbtest.MySQL(t), dbtest.MySQL(t)}
	server := strings.TrimSuffix(my[0].URL, my[0].Name)
	cfg := fmt.Sprintf("targets:\n  - url: %s\n    like: 'tenant%%'\n  - url: %s\n    schemas: [%s, %s]\n", pg.URL, server, my[0].Name, my[1].Name)
	urls := fleetOf(t, cfg)
	if len(urls) != 5 {
		t.Fatalf("resolved %d targets, want 3 schemas and 2 databases: %v", len(urls), urls)
	}
	fl := &fleet.Fleet{Targets: urls, Parallel: 4, Options: retort.Options{Migrations: basic()}}
	for _, r := range fl.Upgrade(ctx(t), "head") {
		if r.Err != nil || len(r.To) != 1 || r.To[0] != "r3" {
			t.Fatalf("%s: to %v: %v", r.Target, r.To, r.Err)
		}
	}
	var got []string
	rows, err := pg.Query(`SELECT table_schema || '.' || table_name FROM information_schema.tables
		WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		got = append(got, s)
	}
	rows.Close()
	want := "tenant_a.items tenant_a.migrate_version tenant_a.runs tenant_b.items tenant_b.migrate_version tenant_b.runs tenant_c.items tenant_c.migrate_version tenant_c.runs"
	if strings.Join(got, " ") != want {
		t.Errorf("tables:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	for _, db := range my {
		var n int
		if err := db.QueryRow("SELECT count(*) FROM runs").Scan(&n); err != nil || n != 1 {
			t.Errorf("%s: %d rows in runs, want 1 (%v)", db.Name, n, err)
		}
	}

	// One tenant drifts: check reports it alone, with its change.
	if _, err := pg.Exec("ALTER TABLE tenant_b.items ADD COLUMN extra integer"); err != nil {
		t.Fatal(err)
	}
	res := fl.Check(ctx(t), retort.DiffOptions{Schema: headSchema(t), Migrations: basic(), Directory: "versions"})
	for _, r := range res {
		drifted := strings.Contains(r.Target, "tenant_b")
		switch {
		case drifted && (!errors.Is(r.Err, retort.ErrCheckFailed) || r.Changes != 1):
			t.Errorf("%s: %v, %d changes; want drift of 1 change", r.Target, r.Err, r.Changes)
		case !drifted && r.Err != nil:
			t.Errorf("%s: %v", r.Target, r.Err)
		}
		if len(r.From) != 1 || r.From[0] != "r3" || len(r.To) != 1 || r.To[0] != "r3" {
			t.Errorf("%s: database heads %v, history heads %v", r.Target, r.From, r.To)
		}
	}
	if n := fleet.Failed(res); n != 1 {
		t.Errorf("%d targets failed the check, want 1", n)
	}
}

// TestFleetQueryTargets: a control database lists the tenants' URLs; the
// fleet is what its query returns, in its order.
func TestFleetQueryTargets(t *testing.T) {
	control := dbtest.SQLite(t)
	tenants := []*dbtest.DB{dbtest.SQLite(t), dbtest.SQLite(t), dbtest.Postgres(t)}
	if _, err := control.Exec("CREATE TABLE tenants (id integer PRIMARY KEY, url text NOT NULL, active boolean NOT NULL)"); err != nil {
		t.Fatal(err)
	}
	for i, db := range tenants {
		if _, err := control.Exec("INSERT INTO tenants VALUES (?, ?, true)", i+1, db.URL); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := control.Exec("INSERT INTO tenants VALUES (9, 'sqlite:///nowhere/retired.db', false)"); err != nil {
		t.Fatal(err)
	}
	cfg := fmt.Sprintf("targets:\n  - url: %s\n    query: SELECT url FROM tenants WHERE active ORDER BY id\n", control.URL)
	urls := fleetOf(t, cfg)
	if len(urls) != len(tenants) {
		t.Fatalf("resolved %v, want the 3 active tenants", urls)
	}
	for i, db := range tenants {
		if urls[i] != db.URL {
			t.Errorf("target %d is %s, want %s", i, urls[i], db.Redacted())
		}
	}
	fl := &fleet.Fleet{Targets: urls, Parallel: 3, Options: retort.Options{Migrations: basic()}}
	if n := fleet.Failed(fl.Upgrade(ctx(t), "head")); n != 0 {
		t.Errorf("%d targets failed", n)
	}
}

// TestTargetsConfigErrors: a bad targets: entry, or one that resolves to
// nothing, is refused with the file, the line and what to write instead.
func TestTargetsConfigErrors(t *testing.T) {
	pg := dbtest.Postgres(t)
	for _, tc := range []struct{ name, cfg, want string }{
		{"no url", "targets:\n  - like: 'tenant%'\n", ":2: targets: an entry with query, schemas or like needs url"},
		{"two ways", "targets:\n  - url: sqlite:///x.db\n    like: a\n    query: select 1\n", ":2: targets: give one of query"},
		{"unknown key", "targets:\n  - url: sqlite:///x.db\n    schema: a\n", `:3: targets: unknown key "schema"`},
		{"empty schemas", "targets:\n  - url: sqlite:///x.db\n    schemas: []\n", ":3: targets: schemas: want a list"},
		{"sqlite schemas", "targets:\n  - url: sqlite:///x.db\n    schemas: [a]\n", "no schemas to run a fleet over"},
		{"missing schema", "targets:\n  - url: " + pg.URL + "\n    schemas: [public, tenant_x]\n", ":2: targets: " + pg.Redacted() + ": no schema tenant_x on the server"},
		{"like nothing", "targets:\n  - url: " + pg.URL + "\n    like: 'zz%'\n", `like "zz%" matches no schema`},
		{"bad query", "targets:\n  - url: " + pg.URL + "\n    query: SELECT nope\n", "it must return one column of database URLs"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := retort.LoadConfig(retort.Overrides{Config: writeTemp(t, tc.cfg)})
			if err == nil {
				_, err = fleet.ResolveTargets(context.Background(), c)
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}
