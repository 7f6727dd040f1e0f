package retort_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/versions"
)

// TestConfigRevisions: migrate.yaml's revisions: key gives every
// revision's online keys; a bad key or value names file and line.
func TestConfigRevisions(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       versions.Timeouts
		err        string
	}{
		{name: "all", text: "revisions:\n  lock_timeout: 5s\n  statement_timeout: 10m\n  lock_retries: 10\n  retry_backoff: 1s\n",
			want: versions.Timeouts{LockTimeout: 5 * time.Second, StatementTimeout: 10 * time.Minute, LockRetries: 10, RetryBackoff: time.Second}},
		{name: "unknown key", text: "revisions:\n  lock_wait: 5s\n", err: "migrate.yaml:2: revisions: unknown key \"lock_wait\""},
		{name: "bad value", text: "revisions:\n  lock_retries: many\n", err: "migrate.yaml:2: revisions: lock_retries: expected a count"},
		{name: "not a mapping", text: "revisions: 5s\n", err: "migrate.yaml:1: revisions: want a mapping"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "migrate.yaml")
			if err := os.WriteFile(p, []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			c, err := retort.LoadConfig(retort.Overrides{Config: p, Getenv: func(string) (string, bool) { return "", false }})
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.Revisions != tc.want {
				t.Errorf("revisions %+v, want %+v", c.Revisions, tc.want)
			}
		})
	}
}
