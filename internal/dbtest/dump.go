package dbtest

import (
	"net/url"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// SchemaDump is db's schema as the database's own dump tool writes it,
// for round-trip tests to compare: pg_dump --schema-only (no owners, no
// privileges), mysqldump --no-data --routines --triggers (AUTO_INCREMENT=n
// left out), SQLite's sqlite_master with each table's pragma_table_xinfo
// (see sqliteDump). Comments, blank lines, pg_dump's \restrict keys and
// the lines that name the database are left out, so that two databases with the same
// schema give the same text.
func SchemaDump(t testing.TB, db *DB) string {
	t.Helper()
	var out []byte
	var err error
	switch db.Dialect {
	case DialectPostgres:
		out, err = exec.Command("pg_dump", "--schema-only", "--no-owner", "--no-privileges", "--dbname", db.URL).Output()
	case DialectMySQL:
		u, perr := url.Parse(db.URL)
		if perr != nil {
			t.Fatalf("dbtest: %v", perr)
		}
		args := []string{"--no-data", "--routines", "--triggers", "--skip-comments", "--skip-dump-date",
			"-h", u.Hostname(), "-P", u.Port(), "-u", u.User.Username()}
		if pw, ok := u.User.Password(); ok {
			args = append(args, "-p"+pw)
		}
		out, err = exec.Command("mysqldump", append(args, strings.TrimPrefix(u.Path, "/"))...).Output()
	case DialectSQLite:
		return sqliteDump(t, db)
	}
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("dbtest: dump of %s: %v\n%s", db.Redacted(), err, ee.Stderr)
		}
		t.Fatalf("dbtest: dump of %s: %v", db.Redacted(), err)
	}
	var lines []string
	for _, l := range strings.Split(autoIncrementRE.ReplaceAllString(string(out), ""), "\n") {
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "--") || strings.HasPrefix(l, `\restrict `) ||
			strings.HasPrefix(l, `\unrestrict `) || strings.HasPrefix(l, "/*!") && strings.Contains(l, db.Name) {
			continue
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

var autoIncrementRE = regexp.MustCompile(` AUTO_INCREMENT=\d+`)

// sqliteDump is sqlite_master's SQL, spelled loosely (identifier quotes
// gone, white space collapsed, lower case: SQLite keeps a table's SQL as it
// was written), and each table's columns as pragma_table_xinfo gives them
// (type, not null, default, key position, hidden: 2 virtual, 3 stored).
func sqliteDump(t testing.TB, db *DB) string {
	lines := Lines(t, db.DB, `SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master
		WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY type, name`)
	for i, l := range lines {
		l = strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(l, `"`, "")), " "))
		lines[i] = looseRE.ReplaceAllString(l, "$1")
	}
	lines = append(lines, Lines(t, db.DB, `SELECT m.name || '.' || c.name || ' ' || c.type || ' notnull=' || c."notnull" ||
		' default=' || coalesce(c.dflt_value, '') || ' pk=' || c.pk || ' hidden=' || c.hidden
		FROM sqlite_master m, pragma_table_xinfo(m.name) c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
		ORDER BY m.name, c.cid`)...)
	return strings.Join(lines, "\n")
}

// looseRE is the white space around punctuation, left out.
var looseRE = regexp.MustCompile(`\s*([(),])\s*`)
