package dbtest

import (
	"os/exec"
	"strings"
	"testing"
)

// PGDump returns pg_dump --schema-only of the PostgreSQL database db, the
// database's own description of its schema, with what differs between two
// databases of the same schema left out: comments, SET lines, blank lines
// and the \restrict key of each run. A test comparing two databases
// compares their dumps. Without pg_dump on PATH the test is skipped
// (failed under RETORT_REQUIRE_DBS=1).
func PGDump(t testing.TB, db *DB) string {
	t.Helper()
	bin, err := exec.LookPath("pg_dump")
	if err != nil {
		if required() {
			t.Fatalf("dbtest: no pg_dump on PATH (RETORT_REQUIRE_DBS=1)")
		}
		t.Skip("dbtest: no pg_dump on PATH")
	}
	out, err := exec.Command(bin, "--schema-only", "--no-owner", "--no-privileges", "--dbname", db.URL).Output()
	if err != nil {
		t.Fatalf("dbtest: pg_dump: %v", err)
	}
	var keep []string
	for _, l := range strings.Split(string(out), "\n") {
		switch {
		case strings.TrimSpace(l) == "", strings.HasPrefix(l, "--"), strings.HasPrefix(l, "SET "),
			strings.HasPrefix(l, "SELECT pg_catalog.set_config"),
			strings.HasPrefix(l, `\restrict `), strings.HasPrefix(l, `\unrestrict `): // pg_dump's per-run key
			continue
		}
		keep = append(keep, l)
	}
	return strings.Join(keep, "\n")
}
