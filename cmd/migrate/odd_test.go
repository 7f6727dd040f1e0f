package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/schemagen"
)

// oddSeeds is how many seeds of schemagen.Odd TestAdoptOddSchemas runs
// per database: RETORT_ODD_SEEDS, or a few for plain go test (MySQL's DDL
// commits statement by statement and is the slowest).
func oddSeeds(t *testing.T, dialect string) int64 {
	return oddSeedsOr(t, map[string]int64{dbtest.DialectSQLite: 20, dbtest.DialectPostgres: 8, dbtest.DialectMySQL: 10}[dialect])
}

// oddSeedsOr is RETORT_ODD_SEEDS, or n.
func oddSeedsOr(t *testing.T, n int64) int64 {
	if s := os.Getenv("RETORT_ODD_SEEDS"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 1 {
			t.Fatalf("RETORT_ODD_SEEDS=%q: want a positive number", s)
		}
		return n
	}
	return n
}

// TestAdoptOddSchemas is issue 13's must-show 1: for each seed of
// schemagen.Odd on each database, load the schema by plain SQL, migrate
// init --from-database, check clean, upgrade head into an empty database,
// the two databases' own descriptions of their schemas equal (oddDump),
// and check clean against the rebuilt database too.
//
//	RETORT_ODD_SEEDS=100 go test -run TestAdoptOddSchemas ./cmd/migrate
func TestAdoptOddSchemas(t *testing.T) {
	for _, name := range dbtest.Dialects {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			features := map[string]int{}
			n := oddSeeds(t, name)
			for seed := range n {
				odd := schemagen.Odd(name, seed)
				for _, f := range odd.Features {
					features[f]++
				}
				ok := t.Run(fmt.Sprint(seed), func(t *testing.T) {
					db := dbtest.Open(t, name)
					dbtest.Exec(t, db, odd.Statements...)
					p, empty := adoptAndRebuildProject(t, db)
					if got, want := oddDump(t, empty), oddDump(t, db); got != want {
						t.Errorf("rebuilt schema differs, - rebuilt only, + loaded only:\n%s", lineDiff(got, want))
					}
					p.db = empty
					p.checkClean()
				})
				if !ok {
					t.Logf("seed %d failed; its schema:\n%s", seed, odd.SQL())
				}
			}
			t.Logf("%d seeds; features used: %v", n, features)
		})
	}
}

// lineDiff lists the lines of got that want lacks (-) and those of want
// that got lacks (+).
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var b strings.Builder
	for _, l := range linesNotIn(g, w) {
		b.WriteString("- " + l + "\n")
	}
	for _, l := range linesNotIn(w, g) {
		b.WriteString("+ " + l + "\n")
	}
	return b.String()
}

// oddDump is the schema of db as the database describes it, every schema
// of it, column order and object order aside: on PostgreSQL every user
// schema's tables (columns by format_type, indexes by pg_get_indexdef,
// constraints by pg_get_constraintdef, all by oid so that names differing
// by case or reserved words need no quoting); on MySQL/MariaDB SHOW CREATE
// TABLE per table, its lines sorted and AUTO_INCREMENT=n removed; on
// SQLite the PRAGMAs of sqliteTableDump. The version table is left out.
func oddDump(t *testing.T, db *dbtest.DB) string {
	t.Helper()
	var lines []string
	switch db.Dialect {
	case dbtest.DialectPostgres:
		user := `n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'`
		lines = append(lines, queryLines(t, db, `SELECT 'schema ' || nspname FROM pg_namespace n WHERE `+user)...)
		lines = append(lines, queryLines(t, db, `SELECT 'column ' || c.oid::regclass::text || '.' || quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
				|| CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
				|| coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
				|| CASE WHEN a.attidentity <> '' THEN ' IDENTITY ' || a.attidentity::text ELSE '' END
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
			LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
			WHERE c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND `+user)...)
		lines = append(lines, queryLines(t, db, `SELECT 'index ' || i.indrelid::regclass::text || ': ' || pg_get_indexdef(i.indexrelid)
			FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE `+user)...)
		lines = append(lines, queryLines(t, db, `SELECT 'constraint ' || k.conrelid::regclass::text || ' ' || quote_ident(k.conname) || ': ' || pg_get_constraintdef(k.oid)
			FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace WHERE k.conrelid <> 0 AND `+user)...)
	case dbtest.DialectMySQL:
		autoIncrement := regexp.MustCompile(` AUTO_INCREMENT=\d+`)
		for _, name := range queryLines(t, db, `SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()`) {
			var n, ddl string
			if err := db.QueryRow("SHOW CREATE TABLE `"+strings.ReplaceAll(name, "`", "``")+"`").Scan(&n, &ddl); err != nil {
				t.Fatal(err)
			}
			for _, l := range strings.Split(autoIncrement.ReplaceAllString(ddl, ""), "\n") {
				lines = append(lines, name+": "+strings.TrimSuffix(strings.TrimSpace(l), ","))
			}
		}
	case dbtest.DialectSQLite:
		for _, name := range queryLines(t, db, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'`) {
			for _, l := range strings.Split(sqliteTableDump(t, db, name), "\n") {
				lines = append(lines, name+": "+l)
			}
		}
	}
	lines = slices.DeleteFunc(lines, func(l string) bool { return strings.Contains(l, "migrate_version") })
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// TestOddSQLTarget is issue 13's must-show 2: each seed's schema, with at
// least two schemas besides public, is the .sql target of a project on
// PostgreSQL. revision --autogenerate loads it into the dev database, the
// revision upgrades an empty database, a second revision --autogenerate
// loads it into the same dev database again (the script's CREATE SCHEMA
// must not fail) and finds nothing to do; the upgraded database's dump
// equals that of a database the script was loaded into by plain SQL, and
// check is clean. One dev database serves every seed.
//
//	RETORT_ODD_SEEDS=100 go test -run TestOddSQLTarget ./cmd/migrate
func TestOddSQLTarget(t *testing.T) {
	t.Parallel()
	name := dbtest.DialectPostgres
	dev := dbtest.Open(t, name)
	n := oddSeedsOr(t, 3) // three databases a seed, each created in about a second
	schemas := 0
	for seed := range n {
		odd := schemagen.OddWithSchemas(name, seed, 2)
		schemas += len(odd.Schemas)
		ok := t.Run(fmt.Sprint(seed), func(t *testing.T) {
			want, db := dbtest.Open(t, name), dbtest.Open(t, name)
			dbtest.Exec(t, want, odd.Statements...)
			dir := t.TempDir()
			file := filepath.Join(dir, "schema.sql")
			if err := os.WriteFile(file, []byte(odd.SQL()), 0o644); err != nil {
				t.Fatal(err)
			}
			at := []string{"--url", db.URL, "--schema", file, "--dev-url", dev.URL}
			mustMigrate(t, dir, append([]string{"revision", "--autogenerate", "-m", "odd"}, at...)...)
			mustMigrate(t, dir, "upgrade", "head", "--url", db.URL)
			out := mustMigrate(t, dir, append([]string{"revision", "--autogenerate", "-m", "again"}, at...)...)
			if m := regexp.MustCompile(`Generating (\S+) \.\.\. done`).FindStringSubmatch(out); m == nil {
				t.Fatalf("second revision --autogenerate: %s", out)
			} else if text, err := os.ReadFile(m[1]); err != nil || !strings.Contains(string(text), "upgrade: []") {
				t.Fatalf("the second load found changes (%v):\n%s", err, text)
			}
			mustMigrate(t, dir, "upgrade", "head", "--url", db.URL)
			if got, want := oddDump(t, db), oddDump(t, want); got != want {
				t.Errorf("upgraded schema differs, - upgraded only, + loaded only:\n%s", lineDiff(got, want))
			}
			if out := mustMigrate(t, dir, append([]string{"check"}, at...)...); out != "No new upgrade operations detected.\n" {
				t.Errorf("check: %q", out)
			}
		})
		if !ok {
			t.Logf("seed %d failed; its schema:\n%s", seed, odd.SQL())
		}
	}
	t.Logf("%d seeds, %d schemas besides public", n, schemas)
}
