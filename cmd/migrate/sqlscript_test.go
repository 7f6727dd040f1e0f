package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
)

// clientCommand returns the database's own command-line client reading a
// script from stdin, or "" when it is not installed.
func clientCommand(t *testing.T, db *dbtest.DB) *exec.Cmd {
	u, err := dialect.ParseURL(db.URL)
	if err != nil {
		t.Fatal(err)
	}
	var name string
	var args []string
	switch db.Dialect {
	case dbtest.DialectSQLite:
		name, args = "sqlite3", []string{"-bail", "/" + u.Database}
	case dbtest.DialectPostgres:
		name, args = "psql", []string{"-X", "-q", "-v", "ON_ERROR_STOP=1", db.URL}
	case dbtest.DialectMySQL:
		name, args = "mariadb", []string{"-h", u.Host, "-P", strconv.Itoa(max(u.Port, 3306)), "-u", u.User, u.Database}
		if u.Password != "" {
			args = append(args, "-p"+u.Password)
		}
	}
	if _, err := exec.LookPath(name); err != nil {
		return nil
	}
	return exec.Command(name, args...)
}

// TestUpgradeSQLScript is must-show 5: upgrade --sql fed to the database's
// own client gives the schema and version that upgrade gives online.
func TestUpgradeSQLScript(t *testing.T) {
	for _, name := range dbtest.Dialects {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			online, offline := dbtest.Open(t, name), dbtest.Open(t, name)
			client := clientCommand(t, offline)
			if client == nil {
				t.Skipf("no command-line client for %s", name)
			}
			p := newProject(t, online)
			for i, s := range e2eSchemas {
				p.schema(s)
				p.must(append([]string{"revision", "--autogenerate", "--offline", "-m", "step", "--rev-id", "cccc0000000" + strconv.Itoa(i+1)}, p.at()...)...)
			}
			script := p.must("upgrade", "head", "--sql")
			if err := os.WriteFile(filepath.Join(p.dir, "upgrade.sql"), []byte(script), 0o644); err != nil {
				t.Fatal(err)
			}
			client.Stdin = strings.NewReader(script)
			if out, err := client.CombinedOutput(); err != nil {
				t.Fatalf("%s: %v\n%s\nscript:\n%s", client.Path, err, out, script)
			}
			p.must("upgrade", "head")
			want := p.must("inspect", "--url", online.URL)
			if got := p.must("inspect", "--url", offline.URL); got != want {
				t.Errorf("schema from the script:\n%s\nonline:\n%s", got, want)
			}
			if got := p.must("current", "--url", offline.URL); got != "cccc00000003 (head)\n" {
				t.Errorf("current after the script: %q", got)
			}
			// The script runs from a revision too, and downgrades.
			if out := p.must("downgrade", "cccc00000003:base", "--sql"); !strings.Contains(out, "DELETE FROM") {
				t.Errorf("downgrade --sql: %s", out)
			}
		})
	}
}
