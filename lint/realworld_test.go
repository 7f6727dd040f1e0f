package lint_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/retortdb/retort/dialect"
	_ "github.com/retortdb/retort/dialect/mysql"
	_ "github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/lint"
	"github.com/retortdb/retort/reflect"
	"github.com/retortdb/retort/versions"
)

// TestRealWorldBaselinesNoErrors adopts each real-world schema (reflect
// it, write the baseline revision "migrate init --from-database" would)
// and lints that baseline measured on a scratch database: no error (its
// tables are new, nothing is rewritten or blocked).
func TestRealWorldBaselinesNoErrors(t *testing.T) {
	cases := []struct{ file, db string }{
		{"chinook.postgresql.sql", dbtest.DialectPostgres},
		{"pagila.postgresql.sql", dbtest.DialectPostgres},
		{"sakila.postgresql.sql", dbtest.DialectPostgres},
		{"chinook.mysql.sql", dbtest.DialectMySQL},
		{"chinook-autoincrement.mysql.sql", dbtest.DialectMySQL},
		{"chinook.sqlite.sql", dbtest.DialectSQLite},
		{"sakila.sqlite.sql", dbtest.DialectSQLite},
	}
	dir := dbtest.RealWorldDir(t)
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			src := dbtest.Open(t, tc.db)
			dbtest.LoadSQLFile(t, src, filepath.Join(dir, tc.file))
			d, _, err := dialect.Open(src.URL)
			if err != nil {
				t.Fatal(err)
			}
			res, err := reflect.Inspect(context.Background(), src.DB, d, reflect.Options{})
			if err != nil {
				t.Fatal(err)
			}
			mig := t.TempDir()
			writeRevision(t, mig, &versions.Revision{ID: "0000000000aa", Message: "baseline", Transactional: true, Upgrade: dialect.CreateOps(res.MetaData)})
			scratch := dbtest.Open(t, tc.db)
			rep, err := lint.Run(context.Background(), lint.Options{DevURL: scratch.URL, Migrations: os.DirFS(mig)})
			if err != nil {
				t.Fatal(err)
			}
			if !rep.Measured {
				t.Fatalf("not measured: %s", rep.Note)
			}
			for _, f := range rep.Findings {
				if f.Severity == lint.Error {
					t.Errorf("false error: %s", f)
				}
			}
			t.Logf("%d statements, %d findings", rep.Statements, len(rep.Findings))
		})
	}
}

func writeRevision(t *testing.T, dir string, r *versions.Revision) {
	t.Helper()
	data, err := versions.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "versions"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "versions", r.ID+".yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestExamplesHistoryNoErrors lints the whole history of examples/service
// on each database: no error.
func TestExamplesHistoryNoErrors(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
		rep, err := lint.Run(context.Background(), lint.Options{DevURL: db.URL, Migrations: os.DirFS("../examples/service/migrations")})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Revisions) == 0 || !rep.Measured {
			t.Fatalf("linted %v, measured %v", rep.Revisions, rep.Measured)
		}
		for _, f := range rep.Findings {
			if f.Severity == lint.Error {
				t.Errorf("false error: %s", f)
			}
		}
	})
}
