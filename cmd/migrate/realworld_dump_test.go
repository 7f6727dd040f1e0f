package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
)

// realWorldDump is one real-world file of the dump round trip. A file with
// no known differences is strict: its dumps must be equal and init must
// print no warning.
type realWorldDump struct {
	file  string
	skip  string
	known []knownDiff
	// warnings init may still print (each must match some known reason).
	warnings *regexp.Regexp
}

// TestRealWorldDumpRoundTrip is issue 15's must-show 1, as a user runs it:
// each real-world file is loaded into a fresh database, adopted with
// migrate init --from-database, and migrate upgrade head builds a second,
// empty database; the two native schema dumps (dbtest.NativeDump) must be
// equal but for the file's known differences, init must print no warning
// but the known ones, and migrate check on the original must report no
// change.
func TestRealWorldDumpRoundTrip(t *testing.T) {
	dir := dbtest.RealWorldDir(t)
	seen := map[string]bool{}
	for _, tc := range realWorldDumps {
		seen[tc.file] = true
		t.Run(tc.file, func(t *testing.T) {
			if tc.skip != "" {
				t.Skip(tc.skip)
			}
			t.Parallel()
			roundTripDump(t, filepath.Join(dir, tc.file), tc)
		})
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.sql"))
	for _, f := range files {
		if !seen[filepath.Base(f)] {
			t.Errorf("%s is not in realWorldDumps: add it (strict, or with its known differences)", filepath.Base(f))
		}
	}
}

// roundTripDump runs one file through load, init, upgrade, dump and check.
func roundTripDump(t *testing.T, path string, tc realWorldDump) {
	src := dbtest.Open(t, dialectOfFile(path))
	dbtest.LoadSQLFile(t, src, loadableCopy(t, src, path))
	app := filepath.Join(t.TempDir(), "app")
	var out, errs strings.Builder
	if code := run([]string{"init", app, "--from-database", "--url", src.URL}, &out, &errs); code != 0 {
		t.Fatalf("init --from-database: exit %d: %s%s", code, out.String(), errs.String())
	}
	p := &project{t: t, db: src, dir: app, config: filepath.Join(app, "migrate.yaml")}
	empty := dbtest.Open(t, src.Dialect)
	p.must("upgrade", "head", "--url", empty.URL)
	want, got := dbtest.NativeDump(t, src, "migrate_version"), dbtest.NativeDump(t, empty, "migrate_version")
	diff := dumpDiff(got, want)
	t.Logf("%s: %d diff lines, %d warnings", filepath.Base(path), countLines(diff), countWarnings(errs.String()))
	assertKnownDiff(t, tc, diff)
	assertWarnings(t, tc, errs.String())
	p.checkClean()
}

// dumpDiff is the line diff of two dumps, in order, as hunks: runs of
// lines only the original has ("- ") and lines only the rebuilt database
// has ("+ "). Order counts: a column moved is a difference.
func dumpDiff(got, want string) [][]string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var hunks [][]string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			hunks, cur = append(hunks, cur), nil
		}
	}
	for _, op := range diffLines(w, g) {
		if op[0] == ' ' {
			flush()
			continue
		}
		cur = append(cur, op)
	}
	flush()
	return hunks
}

// diffLines is a longest-common-subsequence diff of a and b: each line
// prefixed "  " (both), "- " (a only) or "+ " (b only). The common head
// and tail are trimmed first, so near-equal dumps cost little.
func diffLines(a, b []string) []string {
	head := 0
	for head < len(a) && head < len(b) && a[head] == b[head] {
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	ma, mb := a[head:len(a)-tail], b[head:len(b)-tail]
	lcs := make([][]int32, len(ma)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(mb)+1)
	}
	for i := len(ma) - 1; i >= 0; i-- {
		for j := len(mb) - 1; j >= 0; j-- {
			if ma[i] == mb[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []string
	i, j := 0, 0
	for i < len(ma) || j < len(mb) {
		switch {
		case i < len(ma) && j < len(mb) && ma[i] == mb[j]:
			out, i, j = append(out, "  "+ma[i]), i+1, j+1
		case j < len(mb) && (i == len(ma) || lcs[i][j+1] >= lcs[i+1][j]):
			out, j = append(out, "+ "+mb[j]), j+1
		default:
			out, i = append(out, "- "+ma[i]), i+1
		}
	}
	return out
}

// assertWarnings fails on a warning init printed that the file's known
// warnings do not allow.
func assertWarnings(t *testing.T, tc realWorldDump, stderr string) {
	t.Helper()
	for _, l := range strings.Split(stderr, "\n") {
		if !strings.HasPrefix(l, "warning: ") {
			continue
		}
		if tc.warnings == nil || !tc.warnings.MatchString(l) {
			t.Errorf("init printed %s", l)
		}
	}
}

func countLines(hunks [][]string) int {
	n := 0
	for _, h := range hunks {
		n += len(h)
	}
	return n
}

func countWarnings(stderr string) int { return strings.Count(stderr, "warning: ") }

// dialectOfFile is the dbtest dialect of a <name>.<dialect>.sql file.
func dialectOfFile(path string) string {
	switch {
	case strings.HasSuffix(path, ".postgresql.sql"):
		return dbtest.DialectPostgres
	case strings.HasSuffix(path, ".mysql.sql"):
		return dbtest.DialectMySQL
	}
	return dbtest.DialectSQLite
}

// loadableCopy is path, or on MySQL a copy whose hard-coded `sakila.`
// qualifiers name the test's database instead (the file is otherwise
// loaded as is).
func loadableCopy(t *testing.T, db *dbtest.DB, path string) string {
	if db.Dialect != dbtest.DialectMySQL {
		return path
	}
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), filepath.Base(path))
	fixed := strings.ReplaceAll(string(text), "sakila.", "`"+db.Name+"`.")
	if err := os.WriteFile(out, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}
