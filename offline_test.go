package retort_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/versions"
)

// TestSQLScript checks the shape of --sql scripts: BEGIN/COMMIT by the
// transaction mode and the database, the version-table statements, a
// range from a revision, downgrades.
func TestSQLScript(t *testing.T) {
	for _, tc := range []struct {
		name, dialect string
		mode          retort.TransactionMode
		from          []string
		target        string
		dir           versions.Direction
		begins        int
		contains      []string
	}{
		{"sqlite per revision", "sqlite", retort.PerMigration, nil, "head", versions.Up, 3,
			[]string{`INSERT INTO "migrate_version" ("version_num") VALUES ('r1');`, `UPDATE "migrate_version" SET "version_num" = 'r3' WHERE "version_num" = 'r2';`}},
		{"postgres all", "postgresql", retort.All, nil, "head", versions.Up, 1, []string{"CREATE INDEX"}},
		{"postgres none", "postgresql", retort.None, nil, "head", versions.Up, 0, nil},
		{"mysql never begins", "mysql", retort.PerMigration, nil, "head", versions.Up, 0, []string{"CREATE TABLE `items`"}},
		{"from r1", "sqlite", retort.PerMigration, []string{"r1"}, "r2", versions.Up, 1, []string{"-- upgrade r1 -> r2"}},
		{"downgrade to base", "postgresql", retort.PerMigration, []string{"r3"}, "base", versions.Down, 3,
			[]string{`DROP TABLE "runs";`, `DELETE FROM "migrate_version" WHERE "version_num" = 'r1';`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := dialect.Get(tc.dialect)
			if err != nil {
				t.Fatal(err)
			}
			r, err := retort.New(retort.Options{Dialect: d, Migrations: basic(), Transaction: tc.mode})
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := r.SQL(&b, tc.from, tc.target, tc.dir); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			if got := strings.Count(out, "\nBEGIN;"); got != tc.begins || strings.Count(out, "\nCOMMIT;") != tc.begins {
				t.Errorf("%d BEGIN, want %d:\n%s", got, tc.begins, out)
			}
			for _, want := range tc.contains {
				if !strings.Contains(out, want) {
					t.Errorf("script lacks %q:\n%s", want, out)
				}
			}
		})
	}
}

func TestStampSQL(t *testing.T) {
	d, _ := dialect.Get("sqlite")
	r, err := retort.New(retort.Options{Dialect: d, Migrations: basic()})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.StampSQL(&b, nil, []string{"r2"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `INSERT INTO "migrate_version" ("version_num") VALUES ('r2');`) || strings.Contains(b.String(), "CREATE TABLE \"items\"") {
		t.Errorf("stamp script:\n%s", b.String())
	}
}
