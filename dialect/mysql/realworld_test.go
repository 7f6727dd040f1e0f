package mysql

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
)

// TestRealWorld loads each MySQL schema of testdata/realworld, inspects
// it, creates the inspected model in a second database and inspects that:
// the two inspections must be equal (issue 4's must-show 5 for MySQL), and
// the two databases' routines and triggers dump equal (issue 15).
func TestRealWorld(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(dbtest.RealWorldDir(t), "*.mysql.sql"))
	if len(files) == 0 {
		t.Fatalf("no *.mysql.sql in %s", dbtest.RealWorldDir(t))
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			t.Parallel()
			src := dbtest.MySQL(t)
			dbtest.LoadSQLFile(t, src, requalify(t, path, src.Name))
			first := inspect(t, src)
			for _, w := range first.Warnings {
				t.Log(w)
			}
			dst := dbtest.MySQL(t)
			run(t, dst, metadata.New(), dialect.CreateOps(first.MetaData)...)
			second := inspect(t, dst)
			dialecttest.AssertSchema(t, testDialect, first.MetaData, second.MetaData)
			requireSameSchema(t, first.MetaData, second.MetaData)
			// The routines and triggers dump as the original's, sql_mode
			// and parameter lists included.
			got, want := dbtest.RoutinesDump(t, dst), dbtest.RoutinesDump(t, src)
			if got != want {
				t.Errorf("mysqldump --no-create-info --routines --triggers differs:\n%s", lineDiff(want, got))
			}
			if strings.HasPrefix(filepath.Base(path), "sakila") && !strings.Contains(want, "PROCEDURE `film_in_stock`(IN p_film_id INT") {
				t.Errorf("the routines dump of Sakila has no film_in_stock as written:\n%s", want)
			}
		})
	}
}

// requalify returns a copy of the script at path with Sakila's hard-coded
// "sakila." qualifiers pointing at the test's database instead.
func requalify(t *testing.T, path, db string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), filepath.Base(path))
	text := strings.ReplaceAll(string(b), "sakila.", testDialect.QuoteIdent(db)+".")
	if err := os.WriteFile(out, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// lineDiff lists the lines of want missing from got (-) and of got
// missing from want (+).
func lineDiff(want, got string) string {
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, l := range strings.Split(s, "\n") {
			m[l]++
		}
		return m
	}
	w, g := count(want), count(got)
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if g[l] < w[l] {
			b.WriteString("- " + l + "\n")
			w[l]--
		}
	}
	w = count(want)
	for _, l := range strings.Split(got, "\n") {
		if w[l] < g[l] {
			b.WriteString("+ " + l + "\n")
			g[l]--
		}
	}
	return b.String()
}
