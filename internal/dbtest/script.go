package dbtest

import (
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// ScriptZone is the session time zone RunScript gives a database client:
// not UTC, so a script whose values depend on the session's zone shows it.
const ScriptZone = "+05:45"

// RunScript runs an SQL script (the output of --sql) on db as a DBA would:
// piped into the database's own command-line client when one is installed
// (sqlite3 -bail, psql with ON_ERROR_STOP, mariadb or mysql), the client's
// session in [ScriptZone], or else through the driver as [LoadSQLFile]
// does. It fails the test when the script fails and returns what ran it
// ("psql", "mariadb", "sqlite3" or "driver").
func RunScript(t testing.TB, db *DB, script string) string {
	t.Helper()
	cmd := clientCommand(db)
	if cmd == nil {
		if err := loadScript(db, "script", script); err != nil {
			t.Fatalf("dbtest: running the script through the driver: %v\nscript:\n%s", err, script)
		}
		return "driver"
	}
	cmd.Stdin = strings.NewReader(script)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("dbtest: %s: %v\n%s\nscript:\n%s", cmd.Path, err, out, script)
	}
	return cmd.Args[0]
}

// clientCommand returns the client command for db, or nil when none is
// installed.
func clientCommand(db *DB) *exec.Cmd {
	var names []string
	var args []string
	env := os.Environ()
	switch db.Dialect {
	case DialectSQLite:
		names, args = []string{"sqlite3"}, []string{"-bail", strings.TrimPrefix(db.URL, "sqlite:///")}
	case DialectPostgres:
		names, args = []string{"psql"}, []string{"-X", "-q", "-v", "ON_ERROR_STOP=1", db.URL}
		env = append(env, "PGTZ=Asia/Kathmandu") // +05:45
	case DialectMySQL:
		u, err := url.Parse(db.URL)
		if err != nil {
			return nil
		}
		names = []string{"mariadb", "mysql"}
		args = []string{"-h", u.Hostname(), "-u", u.User.Username(), "--init-command=SET time_zone = '" + ScriptZone + "'"}
		if p := u.Port(); p != "" {
			args = append(args, "-P", p)
		}
		if pw, ok := u.User.Password(); ok {
			args = append(args, "-p"+pw)
		}
		args = append(args, strings.TrimPrefix(u.Path, "/"))
	}
	for _, name := range names {
		if path, err := exec.LookPath(name); err == nil {
			cmd := exec.Command(path, args...)
			cmd.Args[0], cmd.Env = name, env
			return cmd
		}
	}
	return nil
}
