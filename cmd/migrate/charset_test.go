package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
)

// charsetTables are a table with a column collation spelled BINARY, a
// column charset, a column collation of another charset and the table's
// own charset and row format, and a plain utf8mb4 table (issue 22).
var charsetTables = []string{
	"CREATE TABLE items (id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, a varchar(128) BINARY, b varchar(40) CHARACTER SET ascii, c text COLLATE utf8mb4_bin) ROW_FORMAT=DYNAMIC DEFAULT CHARSET=utf8mb3",
	"CREATE TABLE plain (id int NOT NULL PRIMARY KEY, name varchar(40)) DEFAULT CHARSET=utf8mb4",
}

// TestAdoptCharsets adopts a database whose tables and columns have
// charsets, collations and a row format of their own: the baseline
// rebuilds both tables exactly (SHOW CREATE TABLE), and check is clean.
func TestAdoptCharsets(t *testing.T) {
	db := dbtest.Open(t, dbtest.DialectMySQL)
	for _, s := range charsetTables {
		dbtest.Exec(t, db, s)
	}
	empty := adoptAndRebuild(t, db)
	for _, table := range []string{"items", "plain"} {
		got, want := tableDump(t, empty, table), tableDump(t, db, table)
		if got != want {
			t.Errorf("table %s rebuilt differently:\n%s\nwant:\n%s", table, got, want)
		}
		t.Logf("%s:\n%s", table, want)
	}
}

// charsetTarget changes items' b to utf8mb4_bin, the table to utf8mb4
// and its row format to COMPACT (a and c keep their binary collations).
const charsetTarget = `CREATE TABLE items (id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, a varchar(128) COLLATE utf8mb4_bin, b varchar(40) COLLATE utf8mb4_bin, c text COLLATE utf8mb4_bin) ROW_FORMAT=COMPACT DEFAULT CHARSET=utf8mb4;
CREATE TABLE plain (id int NOT NULL PRIMARY KEY, name varchar(40)) DEFAULT CHARSET=utf8mb4;
`

// TestAutogenerateCharsets autogenerates a revision from a .sql target
// (through the scratch database) that changes a column's charset, the
// table's charset and its row format: each is detected, the upgrade gives
// the table the target's own SHOW CREATE TABLE, and the downgrade the
// original one, a row kept throughout.
func TestAutogenerateCharsets(t *testing.T) {
	db := dbtest.Open(t, dbtest.DialectMySQL)
	for _, s := range charsetTables {
		dbtest.Exec(t, db, s)
	}
	dbtest.Exec(t, db, "INSERT INTO items (a, b, c) VALUES ('Sentinel', 'ascii only', 'kept')")
	original := tableDump(t, db, "items")
	dir := filepath.Join(t.TempDir(), "app")
	var out, errs strings.Builder
	if code := run([]string{"init", dir, "--from-database", "--url", db.URL}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s%s", code, out.String(), errs.String())
	}
	p := &project{t: t, db: db, dir: dir, config: filepath.Join(dir, "migrate.yaml")}
	schema := filepath.Join(dir, "target.sql")
	if err := os.WriteFile(schema, []byte(charsetTarget), 0o644); err != nil {
		t.Fatal(err)
	}
	dev := dbtest.Open(t, dbtest.DialectMySQL)
	at := []string{"--url", db.URL, "--schema", schema, "--dev-url", dev.URL}
	_, stderr, code := p.run(append([]string{"revision", "--autogenerate", "-m", "charsets"}, at...)...)
	if code != 0 {
		t.Fatalf("revision --autogenerate: exit %d: %s", code, stderr)
	}
	t.Logf("autogenerate:\n%s", stderr)
	for _, want := range []string{
		"Detected table charset/collation change from utf8mb3 to the default, row format change from DYNAMIC to COMPACT on 'items'",
		"Detected charset/collation change from utf8mb3_bin to utf8mb4_bin on 'items.a'",
		"Detected charset/collation change from ascii to utf8mb4_bin on 'items.b'",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("autogenerate does not say %q", want)
		}
	}
	if n := strings.Count(stderr, "Detected"); n != 3 || strings.Contains(stderr, "'items.c'") || strings.Contains(stderr, "'plain") {
		t.Errorf("autogenerate detected a change of what did not change")
	}
	p.must("upgrade", "head")
	straight := dbtest.Open(t, dbtest.DialectMySQL)
	dbtest.Exec(t, straight, strings.Split(charsetTarget, ";\n")[0])
	if got, want := noAutoIncrement(tableDump(t, db, "items")), tableDump(t, straight, "items"); got != want {
		t.Errorf("upgraded table:\n%s\nwant (created from the target):\n%s", got, want)
	}
	if out := p.must(append([]string{"check"}, at...)...); out != "No new upgrade operations detected.\n" {
		t.Errorf("check after the upgrade: %q", out)
	}
	p.must("downgrade", "-1")
	if got := tableDump(t, db, "items"); got != original {
		t.Errorf("downgraded table:\n%s\nwant the original:\n%s", got, original)
	}
	var a, b, c string
	if err := db.QueryRow("SELECT a, b, c FROM items").Scan(&a, &b, &c); err != nil || a+b+c != "Sentinelascii onlykept" {
		t.Errorf("the sentinel row: %q %q %q, %v", a, b, c, err)
	}
}

// noAutoIncrement drops the AUTO_INCREMENT=n a table with rows shows.
func noAutoIncrement(dump string) string {
	return regexp.MustCompile(` AUTO_INCREMENT=\d+`).ReplaceAllString(dump, "")
}
