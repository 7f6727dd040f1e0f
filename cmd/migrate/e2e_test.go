package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
)

// e2eSchemas are the three schemas the quickstart walks through.
var e2eSchemas = []string{
	usersSchema,
	usersSchema + `  - name: posts
    columns:
      - {name: id, type: bigint, primary_key: true, autoincrement: true}
      - {name: author_id, type: bigint, nullable: false, references: users.id, on_delete: cascade}
      - {name: title, type: varchar(200), nullable: false}
`,
	strings.Replace(usersSchema, "unique: true}\n", "unique: true}\n      - {name: name, type: varchar(100)}\n", 1) + `  - name: posts
    columns:
      - {name: id, type: bigint, primary_key: true, autoincrement: true}
      - {name: author_id, type: bigint, nullable: false, references: users.id, on_delete: cascade}
      - {name: title, type: varchar(200), nullable: false}
    indexes:
      - {name: ix_posts_title, columns: [title]}
`,
}

// project is a directory made by migrate init, pointed at one database.
type project struct {
	t      *testing.T
	db     *dbtest.DB
	dir    string
	config string
}

func newProject(t *testing.T, db *dbtest.DB) *project {
	dir := t.TempDir()
	p := &project{t: t, db: db, dir: dir, config: filepath.Join(dir, "migrate.yaml")}
	p.must("init", dir)
	text, err := os.ReadFile(p.config)
	if err != nil {
		t.Fatal(err)
	}
	text = regexp.MustCompile(`(?m)^url: .*$`).ReplaceAll(text, []byte("url: "+db.URL))
	if err := os.WriteFile(p.config, text, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// run runs migrate with the project's configuration.
func (p *project) run(args ...string) (string, string, int) {
	p.t.Helper()
	var out, errb strings.Builder
	code := run(append([]string{"--config", p.config}, args...), &out, &errb)
	return out.String(), errb.String(), code
}

func (p *project) must(args ...string) string {
	p.t.Helper()
	out, errs, code := p.run(args...)
	if code != 0 {
		p.t.Fatalf("migrate %v: exit %d\n%s%s", args, code, out, errs)
	}
	return out
}

func (p *project) schema(text string) {
	if err := os.WriteFile(filepath.Join(p.dir, "schema.yaml"), []byte(text), 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// at are the flags check and revision take until they read migrate.yaml.
func (p *project) at() []string {
	return []string{"--url", p.db.URL, "--schema", filepath.Join(p.dir, "schema.yaml")}
}

func (p *project) checkClean() {
	p.t.Helper()
	if out := p.must(append([]string{"check"}, p.at()...)...); out != "No new upgrade operations detected.\n" {
		p.t.Fatalf("check at head: %q", out)
	}
}

func (p *project) current() string {
	p.t.Helper()
	return strings.TrimSpace(p.must("current"))
}

func (p *project) count(table string) int {
	var n int
	if err := p.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		p.t.Fatal(err)
	}
	return n
}

// TestQuickstart is must-show 1 on each database, through the command
// line: init, a schema, autogenerate, upgrade, rows, two more schema
// changes, downgrade -1 and back (rows survive), downgrade base.
func TestQuickstart(t *testing.T) {
	for _, name := range dbtest.Dialects {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			db := dbtest.Open(t, name)
			p := newProject(t, db)
			var ids []string
			for i, s := range e2eSchemas {
				p.schema(s)
				id := []string{"aaaa00000001", "aaaa00000002", "aaaa00000003"}[i]
				p.must(append([]string{"revision", "--autogenerate", "-m", "step", "--rev-id", id}, p.at()...)...)
				ids = append(ids, id)
				out := p.must("upgrade", "head")
				if !strings.Contains(out, "Upgrade ") || !strings.Contains(out, id) {
					t.Errorf("upgrade output: %q", out)
				}
				if got := p.current(); got != id+" (head)" {
					t.Errorf("current: %q", got)
				}
				p.checkClean()
				if i == 0 {
					dbtest.Exec(t, db, "INSERT INTO users (email) VALUES ('a@example.com')", "INSERT INTO users (email) VALUES ('b@example.com')")
				}
			}
			dbtest.Exec(t, db, "INSERT INTO posts (author_id, title) VALUES (1, 'hello')")
			p.must("downgrade", "-1")
			if got := p.current(); got != ids[1] {
				t.Errorf("after downgrade -1: %q", got)
			}
			p.must("upgrade", "head", "-v")
			p.checkClean()
			if p.count("users") != 2 || p.count("posts") != 1 {
				t.Errorf("rows lost: users %d, posts %d", p.count("users"), p.count("posts"))
			}
			out := p.must("history", "--indicate-current")
			if !strings.Contains(out, ids[2]+" (head) (current)") {
				t.Errorf("history -i: %q", out)
			}
			p.must("downgrade", "base")
			if got := p.current(); got != "" {
				t.Errorf("current at base: %q", got)
			}
			if got := mustInspectTables(t, p); got != "migrate_version" {
				t.Errorf("tables at base: %q", got)
			}
		})
	}
}

// mustInspectTables lists the database's tables, version table included.
func mustInspectTables(t *testing.T, p *project) string {
	d, _, err := dialect.Open(p.db.URL)
	if err != nil {
		t.Fatal(err)
	}
	in, err := d.Inspect(context.Background(), p.db.DB, dialect.InspectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tb := range in.MetaData.Tables {
		names = append(names, tb.Name)
	}
	slices.Sort(names)
	return strings.Join(names, ",")
}
