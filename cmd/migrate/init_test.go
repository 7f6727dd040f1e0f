package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
)

func TestInitRefusesToOverwrite(t *testing.T) {
	for _, existing := range []string{"migrate.yaml", "schema.yaml", "migrations/versions"} {
		t.Run(existing, func(t *testing.T) {
			dir := t.TempDir()
			os.MkdirAll(filepath.Join(dir, filepath.Dir(existing)), 0o755)
			if strings.HasSuffix(existing, ".yaml") {
				os.WriteFile(filepath.Join(dir, existing), []byte("keep: me\n"), 0o644)
			} else {
				os.MkdirAll(filepath.Join(dir, existing), 0o755)
			}
			var out, errs strings.Builder
			if code := run([]string{"init", dir}, &out, &errs); code != 1 || !strings.Contains(errs.String(), "already exists") {
				t.Fatalf("exit %d: %s", code, errs.String())
			}
			if _, err := os.Stat(filepath.Join(dir, "migrate.yaml")); existing != "migrate.yaml" && err == nil {
				t.Error("init wrote migrate.yaml before refusing")
			}
		})
	}
}

// TestInitFromDatabase adopts a database with a table: schema.yaml from
// inspect, a baseline revision, the database stamped at it, check clean.
func TestInitFromDatabase(t *testing.T) {
	for _, name := range dbtest.Dialects {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			db := dbtest.Open(t, name)
			dbtest.Exec(t, db, "CREATE TABLE accounts (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40))")
			dir := filepath.Join(t.TempDir(), "app")
			var out, errs strings.Builder
			if code := run([]string{"init", dir, "--from-database", "--url", db.URL}, &out, &errs); code != 0 {
				t.Fatalf("exit %d: %s%s", code, out.String(), errs.String())
			}
			p := &project{t: t, db: db, dir: dir, config: filepath.Join(dir, "migrate.yaml")}
			if got := p.current(); !strings.HasSuffix(got, "(head)") {
				t.Errorf("current after adoption: %q", got)
			}
			p.checkClean()
			schema, _ := os.ReadFile(filepath.Join(dir, "schema.yaml"))
			if !strings.Contains(string(schema), "accounts") {
				t.Errorf("schema.yaml:\n%s", schema)
			}
		})
	}
}

// TestAdoptKeyNamedLikeItsIndex is issue 22's reproduction: MySQL names a
// foreign key's index after the key (every mysqldump shows KEY x and
// CONSTRAINT x FOREIGN KEY), and PostgreSQL lets a check or foreign key
// share a plain index's name. Adoption accepts it, check is clean, and the
// baseline rebuilds the same table into an empty database.
func TestAdoptKeyNamedLikeItsIndex(t *testing.T) {
	for _, name := range []string{dbtest.DialectMySQL, dbtest.DialectPostgres} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			db := dbtest.Open(t, name)
			dbtest.Exec(t, db, "CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY)")
			dbtest.Exec(t, db, "CREATE TABLE notes (id INTEGER NOT NULL PRIMARY KEY, user_id INTEGER, CONSTRAINT notes_user_fk FOREIGN KEY (user_id) REFERENCES users (id), CONSTRAINT notes_id_ck CHECK (id > 0))")
			dbtest.Exec(t, db, "CREATE INDEX notes_user_fk ON notes (user_id)")
			dbtest.Exec(t, db, "CREATE INDEX notes_id_ck ON notes (id)")
			empty := adoptAndRebuild(t, db)
			if got, want := tableDump(t, empty, "notes"), tableDump(t, db, "notes"); got != want {
				t.Errorf("the baseline rebuilt a different schema:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// adoptAndRebuild adopts db (init --from-database), checks that check
// then reports nothing, and upgrades a new empty database of the same kind
// to head, which it returns.
func adoptAndRebuild(t *testing.T, db *dbtest.DB) *dbtest.DB {
	t.Helper()
	_, empty := adoptAndRebuildProject(t, db)
	return empty
}

// adoptAndRebuildProject is adoptAndRebuild returning the adopted project
// too.
func adoptAndRebuildProject(t *testing.T, db *dbtest.DB) (*project, *dbtest.DB) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "app")
	var out, errs strings.Builder
	if code := run([]string{"init", dir, "--from-database", "--url", db.URL}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s%s", code, out.String(), errs.String())
	}
	p := &project{t: t, db: db, dir: dir, config: filepath.Join(dir, "migrate.yaml")}
	p.checkClean()
	empty := dbtest.Open(t, db.Dialect)
	p.must("upgrade", "head", "--url", empty.URL)
	return p, empty
}

// tableDump is the server's own description of a table's keys and indexes:
// SHOW CREATE TABLE on MySQL, pg_get_indexdef and pg_get_constraintdef on
// PostgreSQL; lines sorted (the order of a table's keys is not part of it).
func tableDump(t *testing.T, db *dbtest.DB, table string) string {
	t.Helper()
	if db.Dialect == dbtest.DialectMySQL {
		var name, ddl string
		if err := db.QueryRow("SHOW CREATE TABLE `"+table+"`").Scan(&name, &ddl); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.ReplaceAll(ddl, ",\n", "\n"), "\n")
		slices.Sort(lines)
		return strings.Join(lines, "\n")
	}
	return strings.Join(queryLines(t, db, `SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE tablename = $1
		UNION ALL SELECT conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = $1::regclass
		ORDER BY 1`, table), "\n")
}

// TestAdoptSQLiteDeclaredTypes: a SQLite table adopted and rebuilt keeps
// its columns' declared types as written (issue 22). INT PRIMARY KEY is
// not INTEGER PRIMARY KEY: only the latter makes the key the rowid, so
// folding INT into INTEGER would renumber nothing today and change what
// the table accepts and how it is stored.
func TestAdoptSQLiteDeclaredTypes(t *testing.T) {
	db := dbtest.Open(t, dbtest.DialectSQLite)
	dbtest.Exec(t, db, "CREATE TABLE k (id INT PRIMARY KEY, at DATETIME, n INT(11), c CHARACTER(20), u UNSIGNED BIG INT, s varchar(8))")
	empty := adoptAndRebuild(t, db)
	declared := func(db *dbtest.DB) string {
		var s string
		if err := db.QueryRow("SELECT group_concat(name || ' ' || type || ' pk' || pk, ', ') FROM pragma_table_info('k')").Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	if got, want := declared(empty), declared(db); got != want {
		t.Errorf("rebuilt columns: %s\nwant: %s", got, want)
	}
	for _, d := range []*dbtest.DB{db, empty} {
		dbtest.Exec(t, d, "INSERT INTO k (id) VALUES (7)")
		var rowid int
		if err := d.QueryRow("SELECT rowid FROM k WHERE id = 7").Scan(&rowid); err != nil {
			t.Fatal(err)
		}
		if rowid == 7 {
			t.Errorf("%s: the INT PRIMARY KEY became the rowid", d.Name)
		}
	}
}
