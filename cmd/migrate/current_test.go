package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
)

// TestCurrentStampVersion walks current (--check-heads, --verbose, JSON),
// stamp (--purge, --sql) and version on SQLite.
func TestCurrentStampVersion(t *testing.T) {
	p := newProject(t, dbtest.SQLite(t))
	p.must("revision", "-m", "one", "--rev-id", "dd01")
	p.must("revision", "-m", "two", "--rev-id", "dd02")
	for _, tc := range []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"current"}, 0, ""},
		{[]string{"current", "--check-heads"}, 1, ""},
		{[]string{"stamp", "dd01"}, 0, "Stamped dd01\n"},
		{[]string{"current"}, 0, "dd01\n"},
		{[]string{"current", "--verbose"}, 0, "Rev: dd01\nParent: <base>\n"},
		{[]string{"upgrade", "+1"}, 0, "Upgrade dd01 -> dd02, two"},
		{[]string{"current", "--check-heads"}, 0, "dd02 (head)\n"},
		{[]string{"stamp", "base"}, 0, "Stamped base\n"},
		{[]string{"stamp", "dd02", "--purge"}, 0, "Stamped dd02\n"},
		{[]string{"stamp", "head", "--sql"}, 0, "-- stamp base -> dd02\nBEGIN;\n\nINSERT INTO \"migrate_version\" (\"version_num\") VALUES ('dd02');\n\nCOMMIT;\n"},
		{[]string{"version"}, 0, "migrate "},
	} {
		out, errs, code := p.run(tc.args...)
		if code != tc.code || !strings.HasPrefix(strings.TrimPrefix(out, "CREATE TABLE IF NOT EXISTS \"migrate_version\" (\"version_num\" VARCHAR(32) NOT NULL, CONSTRAINT \"migrate_version_pkc\" PRIMARY KEY (\"version_num\"));\n\n"), tc.out) {
			t.Errorf("%v: exit %d, %q %s; want %d, %q", tc.args, code, out, errs, tc.code, tc.out)
		}
	}
	var js []map[string]any
	if err := json.Unmarshal([]byte(p.must("current", "--format", "json")), &js); err != nil || len(js) != 1 || js[0]["revision"] != "dd02" {
		t.Errorf("current --format json: %v %v", err, js)
	}
}
