package dbtest

import (
	"net/url"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// SchemaDump is db's schema as the database's own dump tool writes it:
// pg_dump --schema-only --no-owner, mysqldump --no-data --routines
// --triggers --skip-dump-date, or on SQLite each table's columns and
// indexes from its PRAGMAs (generated columns marked; Retort writes CREATE TABLE its own way) and
// the SQL of views and triggers as sqlite_master keeps it. Comment lines, blank lines, the database's name, AUTO_INCREMENT
// counters and pg_dump's \restrict keys are left out, so that two
// databases of one schema dump equal.
func SchemaDump(t testing.TB, db *DB) string {
	t.Helper()
	var out string
	switch db.Dialect {
	case DialectSQLite:
		return strings.Join(Lines(t, db.DB, `SELECT 'table ' || m.name || ': ' || c.name || ' ' || c.type
			|| CASE WHEN c."notnull" THEN ' NOT NULL' ELSE '' END || coalesce(' DEFAULT ' || c.dflt_value, '') || ' pk' || c.pk
			|| CASE c.hidden WHEN 2 THEN ' generated virtual' WHEN 3 THEN ' generated stored' ELSE '' END
			FROM sqlite_master m, pragma_table_xinfo(m.name) c
			WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'retort_version'
			UNION ALL
			SELECT 'index ' || m.name || ': ' || l.name || CASE WHEN l."unique" THEN ' unique' ELSE '' END || ' ' || l.origin
			FROM sqlite_master m, pragma_index_list(m.name) l
			WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'retort_version'
			UNION ALL
			SELECT type || ' ' || name || ': ' || sql FROM sqlite_master WHERE type IN ('view', 'trigger')
			ORDER BY 1`), "\n")
	case DialectPostgres:
		out = run(t, "pg_dump", "--schema-only", "--no-owner", "--no-privileges", "--exclude-table=retort_version", db.URL)
	case DialectMySQL:
		out = mysqldump(t, db)
	}
	return keepDumpLines(db, out)
}

// RoutinesDump is the routines and triggers of a MySQL/MariaDB db as
// mysqldump --no-data --no-create-info --routines --triggers writes them
// (each with its sql_mode and character set settings), left out as
// [SchemaDump] leaves out its lines: the part of the dump a routine's
// rebuild must keep, without the tables and views.
func RoutinesDump(t testing.TB, db *DB) string {
	t.Helper()
	return keepDumpLines(db, mysqldump(t, db, "--no-create-info"))
}

// mysqldump runs mysqldump --no-data --routines --triggers on db.
func mysqldump(t testing.TB, db *DB, extra ...string) string {
	t.Helper()
	u, err := url.Parse(db.URL)
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"--no-data", "--routines", "--triggers", "--skip-dump-date", "--ignore-table=" + db.Name + ".retort_version",
		"-h", u.Hostname(), "-u", u.User.Username()}
	if p := u.Port(); p != "" {
		args = append(args, "-P", p)
	}
	args = append(args, extra...)
	return run(t, "mysqldump", append(args, db.Name)...)
}

// keepDumpLines leaves out of a dump its comment and blank lines and
// pg_dump's \restrict keys, the database's name and AUTO_INCREMENT
// counters.
func keepDumpLines(db *DB, out string) string {
	var keep []string
	for _, line := range strings.Split(out, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "--") || strings.HasPrefix(line, `\restrict`) ||
			strings.HasPrefix(line, `\unrestrict`) {
			continue
		}
		line = strings.ReplaceAll(line, db.Name, "DB")
		keep = append(keep, autoIncrementRE.ReplaceAllString(line, ""))
	}
	return strings.Join(keep, "\n")
}

var autoIncrementRE = regexp.MustCompile(` AUTO_INCREMENT=\d+`)

func run(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("dbtest: %s: %v\n%s", name, err, out)
	}
	return string(out)
}
