package retort_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort"
)

func TestExpand(t *testing.T) {
	env := map[string]string{"HOST": "db1", "EMPTY": ""}
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	for _, tc := range []struct{ in, want, missing string }{
		{"postgres://${HOST}/app", "postgres://db1/app", ""},
		{"${NOPE:-sqlite:///app.db}", "sqlite:///app.db", ""},
		{"${EMPTY:-fallback}", "fallback", ""},
		{"${EMPTY-fallback}", "", ""},
		{"${NOPE-fallback}", "fallback", ""},
		{"x${NOPE}y", "xy", "NOPE"},
		{"$HOST stays", "$HOST stays", ""},
	} {
		got, missing := retort.Expand(tc.in, lookup)
		if got != tc.want || strings.Join(missing, ",") != tc.missing {
			t.Errorf("Expand(%q) = %q, %v; want %q, %q", tc.in, got, missing, tc.want, tc.missing)
		}
	}
}

func TestLoadConfig(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	abs, _ := filepath.Abs(dir)
	env := func(vars map[string]string) func(string) (string, bool) {
		return func(k string) (string, bool) { v, ok := vars[k]; return v, ok }
	}
	for _, tc := range []struct {
		name, file string
		o          retort.Overrides
		vars       map[string]string
		check      func(*retort.Config) string
		err        string
	}{
		{name: "defaults and relative paths", file: "url: ${DATABASE_URL:-sqlite:///app.db}\nschema: db/schema.yaml\nlock_timeout: 5s\ntransaction: all\n",
			check: func(c *retort.Config) string {
				if c.URL != "sqlite:///"+filepath.ToSlash(abs)+"/app.db" || c.Schema != filepath.Join(dir, "db/schema.yaml") ||
					c.Directory != "migrations" || c.LockTimeout != 5*time.Second || c.Transaction != retort.All || !c.Compare.Types {
					return "wrong"
				}
				return ""
			}},
		{name: "env overrides file", file: "url: postgres://file/db\n", vars: map[string]string{"DATABASE_URL": "mysql://env/db"},
			check: func(c *retort.Config) string { return map[bool]string{false: c.URL}[c.URL == "mysql://env/db"] }},
		{name: "flag overrides env", file: "url: postgres://file/db\n", vars: map[string]string{"DATABASE_URL": "mysql://env/db"},
			o: retort.Overrides{URL: "sqlite://", Directory: "x"},
			check: func(c *retort.Config) string {
				return map[bool]string{false: c.URL + c.Directory}[c.URL == "sqlite://" && c.Directory == "x"]
			}},
		{name: "absolute sqlite kept", file: "url: sqlite:////var/app.db?mode=ro\n",
			check: func(c *retort.Config) string {
				return map[bool]string{false: c.URL}[c.URL == "sqlite:////var/app.db?mode=ro"]
			}},
		{name: "unknown key", file: "url: sqlite://\nlock_timout: 5s\n", err: ":2: unknown key \"lock_timout\""},
		{name: "bad duration", file: "lock_timeout: soon\n", err: ":1: lock_timeout: \"soon\""},
		{name: "lock_stale", file: "lock_stale: 45s\n",
			check: func(c *retort.Config) string {
				return map[bool]string{false: c.LockStale.String()}[c.LockStale == 45*time.Second]
			}},
		{name: "bad lock_stale", file: "url: sqlite://\nlock_stale: -1s\n", err: ":2: lock_stale: \"-1s\""},
		{name: "bad mode", file: "\ntransaction: some\n", err: ":2: transaction"},
		{name: "unset variable", file: "schema: ${SCHEMA_FILE}\n", err: ":1: schema: environment variable SCHEMA_FILE is not set"},
		{name: "bad compare key", file: "compare: {typos: true}\n", err: ":1: compare"},
		{name: "not yaml", file: "url: [\n", err: "migrate.yaml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.o.Config = write("migrate.yaml", tc.file)
			tc.o.Getenv = env(tc.vars)
			c, err := retort.LoadConfig(tc.o)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if msg := tc.check(c); msg != "" {
				t.Errorf("%s: %+v", msg, c)
			}
		})
	}
}

func TestLoadConfigMissing(t *testing.T) {
	_, err := retort.LoadConfig(retort.Overrides{Config: filepath.Join(t.TempDir(), "nope.yaml")})
	if !errors.Is(err, retort.ErrNoConfig) {
		t.Fatalf("got %v", err)
	}
	c, err := retort.LoadConfig(retort.Overrides{Getenv: func(string) (string, bool) { return "", false }})
	if err != nil || c.File != "" {
		t.Fatalf("no file: %v %+v", err, c)
	}
	if _, err := c.RequireURL(); err == nil {
		t.Error("RequireURL without a URL")
	}
	c, _ = retort.LoadConfig(retort.Overrides{Config: writeTemp(t, "url: ${DB_URL_X}\n"), Getenv: func(string) (string, bool) { return "", false }})
	if _, err := c.RequireURL(); err == nil || !strings.Contains(err.Error(), ":1: url: environment variable DB_URL_X is not set") {
		t.Errorf("RequireURL: %v", err)
	}
}

func writeTemp(t *testing.T, text string) string {
	p := filepath.Join(t.TempDir(), "migrate.yaml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
