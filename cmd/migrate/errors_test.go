package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/dbtest"
)

// TestRunErrors is must-show 6: each error path of the running commands
// gives a clear message, the right exit code, and never a password.
func TestRunErrors(t *testing.T) {
	t.Setenv("DATABASE_URL", "")
	t.Setenv("MIGRATE_CONFIG", "")
	db := dbtest.SQLite(t)
	p := newProject(t, db)
	p.schema(usersSchema)
	p.must(append([]string{"revision", "--autogenerate", "-m", "users", "--rev-id", "bbbb00000001"}, p.at()...)...)

	twoHeads := newProject(t, dbtest.SQLite(t))
	twoHeads.must("revision", "-m", "one", "--rev-id", "h1")
	twoHeads.must("revision", "-m", "two", "--rev-id", "h2", "--head", "base", "--splice")

	badFile := newProject(t, dbtest.SQLite(t))
	if err := os.WriteFile(filepath.Join(badFile.dir, "migrations", "versions", "cc_bad.yaml"),
		[]byte("revision: cc\ndown_revision: null\nupgrade:\n  - create_tabel: {name: x}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	locked := newProject(t, dbtest.SQLite(t))
	locked.must("revision", "-m", "one", "--rev-id", "l1")
	lockCfg, _ := os.ReadFile(locked.config)
	os.WriteFile(locked.config, []byte(strings.Replace(string(lockCfg), "lock_timeout: 60s", "lock_timeout: 200ms", 1)), 0o644)
	conn, err := locked.db.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(t.Context(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(t.Context(), "ROLLBACK")

	empty := t.TempDir()
	for _, tc := range []struct {
		name string
		p    *project
		args []string
		code int
		msg  string
	}{
		{"no config file", nil, []string{"--config", filepath.Join(empty, "migrate.yaml"), "upgrade", "head"}, 2, "no configuration file"},
		{"no url anywhere", nil, []string{"--directory", filepath.Join(empty, "m"), "upgrade", "head"}, 2, "no database URL"},
		{"bad scheme", p, []string{"upgrade", "--url", "oracle://u:hunter2@db/x"}, 2, "unknown scheme"},
		{"bad port", p, []string{"upgrade", "--url", "postgres://u:hunter2@db:99999/x"}, 2, "port"},
		{"unreachable postgres", p, []string{"upgrade", "--url", "postgres://u:hunter2@127.0.0.1:1/x"}, 1, "connecting to postgres://u:***@127.0.0.1:1/x"},
		{"unreachable mysql", p, []string{"current", "--url", "mysql://u:hunter2@127.0.0.1:1/x"}, 1, "connecting to mysql://u:***@127.0.0.1:1/x"},
		{"unknown revision", p, []string{"upgrade", "nosuchrev"}, 1, "unknown revision"},
		{"several heads", twoHeads, []string{"upgrade", "head"}, 1, "multiple heads are present for \"head\": h1, h2"},
		{"lock timeout", locked, []string{"upgrade", "head"}, 1, "locked by another migration"},
		{"bad revision file", badFile, []string{"upgrade", "head"}, 1, "cc_bad.yaml:4"},
		{"downgrade without target", p, []string{"downgrade"}, 2, "accepts 1 arg"},
		{"downgrade --sql without FROM", p, []string{"downgrade", "-1", "--sql"}, 2, "FROM:TO"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			var out, errs string
			var code int
			if tc.p == nil {
				var o, e strings.Builder
				code = run(tc.args, &o, &e)
				out, errs = o.String(), e.String()
			} else {
				out, errs, code = tc.p.run(tc.args...)
			}
			if code != tc.code || !strings.Contains(errs, tc.msg) {
				t.Errorf("exit %d %q; want %d and %q", code, errs, tc.code, tc.msg)
			}
			if strings.Contains(out+errs, "hunter2") {
				t.Errorf("password printed: %s%s", out, errs)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %s", d)
			}
		})
	}
}
