package lint_test

import (
	"context"
	"os"
	"strings"
	"testing"

	_ "github.com/retortdb/retort/dialect/mysql"
	_ "github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/lint"
)

// TestRunPostgres lints revision 2 of testdata/pg on a scratch database:
// the int->bigint change is a measured rewrite, the unique index and SET
// NOT NULL are data-dependent, the drop_column is ignored by its comment,
// the DELETE without WHERE is an error; with CountRows on a real database
// holding duplicates the unique index becomes an error counting them.
func TestRunPostgres(t *testing.T) {
	ctx := context.Background()
	scratch := dbtest.Postgres(t)
	real := dbtest.Postgres(t)
	dbtest.Exec(t, real, `CREATE TABLE accounts (id bigint PRIMARY KEY, email varchar(100), n int);
INSERT INTO accounts VALUES (1, 'a', 1), (2, 'a', 2), (3, NULL, 3);`)
	rep, err := lint.Run(ctx, lint.Options{
		URL: real.URL, DevURL: scratch.URL, Migrations: os.DirFS("testdata/pg"),
		Revisions: []string{"000000000002"}, CountRows: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Measured {
		t.Fatalf("not measured: %s", rep.Note)
	}
	got := map[string]lint.Finding{}
	for _, f := range rep.Findings {
		got[f.Rule] = f
		t.Log(f)
	}
	want := map[string]struct {
		sev  lint.Severity
		line int
	}{
		lint.TableRewrite:        {lint.Error, 4},
		lint.UniqueExistingRows:  {lint.Error, 5},
		lint.IndexBlocksWrites:   {lint.Warning, 5},
		lint.NotNullExistingRows: {lint.Error, 6},
		lint.ValidationScan:      {lint.Warning, 6},
		lint.DeleteWithoutWhere:  {lint.Error, 8},
		lint.MissingLockTimeout:  {lint.Info, 4},
	}
	for id, w := range want {
		f, ok := got[id]
		if !ok {
			t.Errorf("no %s finding", id)
			continue
		}
		if f.Severity != w.sev || f.Line != w.line {
			t.Errorf("%s: %s at line %d, want %s at %d", id, f.Severity, f.Line, w.sev, w.line)
		}
	}
	if f := got[lint.UniqueExistingRows]; f.Rows != 1 {
		t.Errorf("unique: %d offending rows counted, want 1 (the two 'a')", f.Rows)
	}
	if f := got[lint.NotNullExistingRows]; f.Rows != 1 {
		t.Errorf("not null: %d offending rows counted, want 1", f.Rows)
	}
	if _, ok := got[lint.DropColumn]; ok {
		t.Errorf("drop-column is ignored by the op's comment, yet reported")
	}
	if !rep.Fails(lint.Error) {
		t.Errorf("report does not fail at error")
	}
}

// TestRunMariaDB: on a MariaDB scratch database an int->bigint change is
// the COPY algorithm the server accepted (a rewrite), and adding a column
// is INSTANT (no finding beyond notes).
func TestRunMariaDB(t *testing.T) {
	scratch := dbtest.MySQL(t)
	rep, err := lint.Run(context.Background(), lint.Options{DevURL: scratch.URL, Migrations: os.DirFS("testdata/mysql"), Base: "000000000001"})
	if err != nil {
		t.Fatal(err)
	}
	var rewrite, other []string
	for _, f := range rep.Findings {
		t.Log(f)
		if f.Rule == lint.TableRewrite && f.Measured && f.Line == 4 && strings.Contains(f.Message, "COPY") {
			rewrite = append(rewrite, f.Message)
		} else if f.Line == 5 && f.Severity > lint.Info {
			other = append(other, f.String())
		}
	}
	if len(rewrite) != 1 || len(other) != 0 {
		t.Fatalf("rewrite %v, findings on the INSTANT add_column %v", rewrite, other)
	}
}
