package versions_test

import (
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/versions"
)

// TestRevisionTimeouts: the online header keys are read from YAML and .sql
// revisions, written back by Marshal, and bad values name file and line.
func TestRevisionTimeouts(t *testing.T) {
	want := versions.Timeouts{LockTimeout: 500 * time.Millisecond, StatementTimeout: time.Minute, LockRetries: 10, RetryBackoff: 100 * time.Millisecond}
	for _, tc := range []struct {
		name, path, text string
		want             versions.Timeouts
		err              string
	}{
		{name: "yaml", path: "a.yaml", want: want,
			text: "revision: a\ndown_revision: null\nlock_timeout: 500ms\nstatement_timeout: 1m\nlock_retries: 10\nretry_backoff: 100ms\nupgrade: []\ndowngrade: []\n"},
		{name: "sql", path: "a.sql", want: want,
			text: "-- revision: a\n-- down_revision: none\n-- lock_timeout: 500ms\n-- statement_timeout: 1m\n-- lock_retries: 10\n-- retry_backoff: 100ms\n-- upgrade\nSELECT 1;\n-- downgrade\n"},
		{name: "none", path: "a.yaml", text: "revision: a\ndown_revision: null\nupgrade: []\n"},
		{name: "bad duration", path: "a.yaml", err: "a.yaml:3:15: lock_timeout: expected a duration such as 500ms or 5s, got \"soon\"",
			text: "revision: a\ndown_revision: null\nlock_timeout: soon\nupgrade: []\n"},
		{name: "bad count", path: "a.sql", err: "lock_retries: expected a count such as 10, got \"-1\"",
			text: "-- revision: a\n-- down_revision: none\n-- lock_retries: -1\n-- upgrade\n"},
		{name: "not a scalar", path: "a.yaml", err: "a.yaml:3:20: statement_timeout: expected a scalar",
			text: "revision: a\ndown_revision: null\nstatement_timeout: [1s]\nupgrade: []\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parse := versions.ParseYAML
			if strings.HasSuffix(tc.path, ".sql") {
				parse = versions.ParseSQL
			}
			r, err := parse(tc.path, []byte(tc.text))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Timeouts != tc.want {
				t.Fatalf("timeouts %+v, want %+v", r.Timeouts, tc.want)
			}
			out, err := versions.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			back, err := parse(tc.path, out)
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if back.Timeouts != tc.want {
				t.Errorf("written back as %+v:\n%s", back.Timeouts, out)
			}
		})
	}
}

// TestTimeoutsOver: a revision's keys replace migrate.yaml's, one by one.
func TestTimeoutsOver(t *testing.T) {
	cfg := versions.Timeouts{LockTimeout: 5 * time.Second, LockRetries: 3, RetryBackoff: time.Second}
	got := cfg.Over(versions.Timeouts{LockTimeout: 500 * time.Millisecond, StatementTimeout: time.Minute})
	want := versions.Timeouts{LockTimeout: 500 * time.Millisecond, StatementTimeout: time.Minute, LockRetries: 3, RetryBackoff: time.Second}
	if got != want {
		t.Errorf("%+v, want %+v", got, want)
	}
}
