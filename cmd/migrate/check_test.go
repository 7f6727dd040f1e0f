package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/versions"
)

const usersSchema = `tables:
  - name: users
    columns:
      - {name: id, type: bigint, primary_key: true, autoincrement: true}
      - {name: email, type: varchar(320), nullable: false, unique: true}
`

// TestAutogenerateCheckDiff walks the autogenerate cycle on each database:
// check fails on an empty database, revision --autogenerate writes the
// change, check refuses a database not at head, then (upgraded and
// stamped) passes online and offline; a new column shows in diff (YAML,
// SQL, JSON) and in check's unified diff.
func TestAutogenerateCheckDiff(t *testing.T) {
	for _, name := range dbtest.Dialects {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			db := dbtest.Open(t, name)
			dir := t.TempDir()
			schema := filepath.Join(dir, "schema.yaml")
			if err := os.WriteFile(schema, []byte(usersSchema), 0o644); err != nil {
				t.Fatal(err)
			}
			at := []string{"--url", db.URL, "--schema", schema}
			out, _, code := migrate(t, dir, append([]string{"check"}, at...)...)
			if code != 1 || !strings.Contains(out, "Detected added table 'users'") || !strings.Contains(out, "+++ target") {
				t.Fatalf("check on an empty database: exit %d\n%s", code, out)
			}
			_, errs, code := migrate(t, dir, append([]string{"revision", "--autogenerate", "-m", "add users", "--rev-id", "a1"}, at...)...)
			if code != 0 || !strings.Contains(errs, "Detected added table 'users'") {
				t.Fatalf("revision --autogenerate: exit %d: %s", code, errs)
			}
			if _, errs, code := migrate(t, dir, append([]string{"check"}, at...)...); code != 1 || !strings.Contains(errs, "not at head") {
				t.Fatalf("check on a database not at head: exit %d: %s", code, errs)
			}
			if _, errs, code := migrate(t, dir, append([]string{"revision", "--autogenerate", "-m", "x"}, at...)...); code != 1 || !strings.Contains(errs, "not at head") {
				t.Fatalf("revision --autogenerate on a database not at head: exit %d: %s", code, errs)
			}
			upgrade(t, db, dir)
			for _, extra := range [][]string{nil, {"--offline"}} {
				out := mustMigrate(t, dir, append(append([]string{"check"}, at...), extra...)...)
				if out != "No new upgrade operations detected.\n" {
					t.Fatalf("check %v at head: %q", extra, out)
				}
			}
			if err := os.WriteFile(schema, []byte(usersSchema+"      - {name: age, type: integer}\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if out := mustMigrate(t, dir, append([]string{"diff"}, at...)...); !strings.Contains(out, "add_column") || !strings.Contains(out, "age") {
				t.Errorf("diff: %q", out)
			}
			if out := mustMigrate(t, dir, append([]string{"diff", "--sql"}, at...)...); !strings.Contains(strings.ToUpper(out), "ALTER TABLE") {
				t.Errorf("diff --sql: %q", out)
			}
			var js struct {
				Changes  []map[string]any `json:"changes"`
				Warnings []string         `json:"warnings"`
			}
			if err := json.Unmarshal([]byte(mustMigrate(t, dir, append([]string{"diff", "--format", "json"}, at...)...)), &js); err != nil || len(js.Changes) != 1 || js.Changes[0]["add_column"] == nil || js.Warnings == nil {
				t.Errorf("diff --format json: %v %+v", err, js)
			}
			out, _, code = migrate(t, dir, append([]string{"check", "--offline"}, at...)...)
			if code != 1 || !strings.Contains(out, "+      - {name: age, type: integer}") {
				t.Errorf("check --offline with a new column: exit %d\n%s", code, out)
			}
		})
	}
}

// upgrade applies the history's upgrades and stamps the version table:
// the runner's job, done by hand until it exists.
func upgrade(t *testing.T, db *dbtest.DB, dir string) {
	t.Helper()
	ctx := context.Background()
	d, _, err := dialect.Open(db.URL)
	if err != nil {
		t.Fatal(err)
	}
	g, err := versions.Load(os.DirFS(filepath.Join(dir, "migrations")), "versions")
	if err != nil {
		t.Fatal(err)
	}
	steps, err := g.Upgrade(nil, "heads")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range steps {
		stmts, err := d.Plan(nil, s.Revision.Upgrade)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range stmts {
			if _, err := db.ExecContext(ctx, st.SQL, st.Args...); err != nil {
				t.Fatalf("%s: %v", st.SQL, err)
			}
		}
	}
	vt := versions.VersionTable{Dialect: d}
	if err := vt.Ensure(ctx, db.DB); err != nil {
		t.Fatal(err)
	}
	if _, err := vt.Stamp(ctx, db.DB, g, []string{"heads"}, false); err != nil {
		t.Fatal(err)
	}
}

// usersSQL is usersSchema as a .sql schema, in SQL every database takes.
const usersSQL = `CREATE TABLE users (
  id INTEGER NOT NULL PRIMARY KEY,
  email VARCHAR(320) NOT NULL
);
CREATE INDEX ix_users_email ON users (email);
`

// TestSQLSchema reads the target from a .sql script loaded into a scratch
// database (in memory for SQLite, --dev-url elsewhere, left empty after):
// autogenerate, upgrade and check is clean.
func TestSQLSchema(t *testing.T) {
	for _, name := range dbtest.Dialects {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			db := dbtest.Open(t, name)
			dir := t.TempDir()
			schema := filepath.Join(dir, "schema.sql")
			if err := os.WriteFile(schema, []byte(usersSQL), 0o644); err != nil {
				t.Fatal(err)
			}
			at := []string{"--url", db.URL, "--schema", schema}
			var dev *dbtest.DB
			if name != dbtest.DialectSQLite {
				dev = dbtest.Open(t, name)
				at = append(at, "--dev-url", dev.URL)
			}
			_, errs, code := migrate(t, dir, append([]string{"revision", "--autogenerate", "-m", "users"}, at...)...)
			if code != 0 || !strings.Contains(errs, "Detected added table 'users'") {
				t.Fatalf("revision --autogenerate from a .sql schema: exit %d: %s", code, errs)
			}
			upgrade(t, db, dir)
			if out := mustMigrate(t, dir, append([]string{"check"}, at...)...); out != "No new upgrade operations detected.\n" {
				t.Fatalf("check: %q", out)
			}
			if dev != nil {
				var n int
				current := "current_schema()"
				if name == dbtest.DialectMySQL {
					current = "DATABASE()"
				}
				row := dev.QueryRowContext(context.Background(),
					"SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'users' AND table_schema = "+current)
				if err := row.Scan(&n); err != nil || n != 0 {
					t.Errorf("the scratch database was not emptied: %d users tables, %v", n, err)
				}
			}
		})
	}
	t.Run("no dev url", func(t *testing.T) {
		dir := t.TempDir()
		schema := filepath.Join(dir, "schema.sql")
		if err := os.WriteFile(schema, []byte(usersSQL), 0o644); err != nil {
			t.Fatal(err)
		}
		_, errs, code := migrate(t, dir, "diff", "--offline", "--url", "postgres://u@localhost/x", "--schema", schema)
		if code != 2 || !strings.Contains(errs, "--dev-url") {
			t.Errorf("exit %d: %s", code, errs)
		}
	})
}

// TestOfflineFixture is must-show 5 through the CLI, on PostgreSQL with
// the whole fixture (schemas included): a baseline revision autogenerated
// from the database, upgraded; then a changed fixture gives the same
// changes against the database and --offline, and check agrees.
func TestOfflineFixture(t *testing.T) {
	db := dbtest.Postgres(t)
	dir := t.TempDir()
	fixture, err := os.ReadFile(filepath.Join("..", "..", "testdata", "schemas", "fixture.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := metadata.Read("fixture.yaml", fixture)
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range m.Tables {
		if tb.Schema != "" {
			if _, err := db.ExecContext(context.Background(), `CREATE SCHEMA IF NOT EXISTS "`+tb.Schema+`"`); err != nil {
				t.Fatal(err)
			}
		}
	}
	schema := filepath.Join(dir, "schema.yaml")
	if err := os.WriteFile(schema, fixture, 0o644); err != nil {
		t.Fatal(err)
	}
	at := []string{"--url", db.URL, "--schema", schema}
	mustMigrate(t, dir, append([]string{"revision", "--autogenerate", "-m", "baseline"}, at...)...)
	upgrade(t, db, dir)
	for _, extra := range [][]string{nil, {"--offline"}} {
		if out := mustMigrate(t, dir, append(append([]string{"check"}, at...), extra...)...); out != "No new upgrade operations detected.\n" {
			t.Fatalf("check %v after the baseline: %q", extra, out)
		}
	}
	m.Tables[0].AddColumn(metadata.NewColumn("added_later", metadata.IntegerType))
	m.Tables[len(m.Tables)-1].Comment = "changed later"
	changed, err := metadata.Write(m)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(schema, changed, 0o644); err != nil {
		t.Fatal(err)
	}
	online := mustMigrate(t, dir, append([]string{"diff", "--format", "json"}, at...)...)
	offline := mustMigrate(t, dir, append([]string{"diff", "--format", "json", "--offline"}, at...)...)
	if online != offline || !strings.Contains(online, "added_later") {
		t.Errorf("online:\n%s\noffline:\n%s", online, offline)
	}
}

// TestCheckConfig reads the database, the schema and the comparison
// settings from migrate.yaml: compare.server_defaults off and an excluded
// table leave a database that differs only there clean.
func TestCheckConfig(t *testing.T) {
	db := dbtest.SQLite(t)
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("migrate.yaml", "url: "+db.URL+"\nschema: app.yaml\ndirectory: migrations\n"+
		"compare: {types: true, server_defaults: false, comments: true}\nexclude: {tables: [legacy_*]}\n")
	write("app.yaml", usersSchema+"      - {name: score, type: integer, default: \"1\"}\n")
	dbtest.Exec(t, db,
		`CREATE TABLE users (id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT, email VARCHAR(320) NOT NULL, score INTEGER DEFAULT 2, CONSTRAINT uq_users_email UNIQUE (email))`,
		`CREATE TABLE legacy_things (id INTEGER PRIMARY KEY)`)
	cfg := []string{"--config", filepath.Join(dir, "migrate.yaml")}
	var out, errb strings.Builder
	code := run(append(cfg, "check"), &out, &errb)
	if code != 0 || out.String() != "No new upgrade operations detected.\n" {
		t.Fatalf("check with migrate.yaml: exit %d\n%s%s", code, out.String(), errb.String())
	}
	write("migrate.yaml", "url: "+db.URL+"\nschema: app.yaml\ndirectory: migrations\n")
	out.Reset()
	errb.Reset()
	if code := run(append(cfg, "check"), &out, &errb); code != 1 || !strings.Contains(out.String(), "Detected removed table 'legacy_things'") ||
		!strings.Contains(out.String(), "server default change on 'users.score'") {
		t.Fatalf("check without the settings: exit %d\n%s%s", code, out.String(), errb.String())
	}
}
