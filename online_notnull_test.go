package retort_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/dbtest"
)

// notNullHistory: r1 makes t(id, v) with the rows given (VALUES of id and
// v); r2 makes v NOT NULL with online: true.
func notNullHistory(rows string) fstest.MapFS {
	return fstest.MapFS{
		"versions/r1_t.yaml": {Data: []byte(`revision: r1
down_revision: null
upgrade:
  - create_table: {name: t, columns: [{name: id, type: bigint, primary_key: true}, {name: v, type: integer}]}
  - execute: "INSERT INTO t (id, v) VALUES ` + rows + `"
downgrade:
  - drop_table: {name: t}
`)},
		"versions/r2_t.yaml": {Data: []byte(`revision: r2
down_revision: r1
upgrade:
  - alter_column: {table: t, column: v, nullable: false, existing_nullable: true, online: true}
`)},
	}
}

// statementLog is a runner option that records the statements run, and
// the slice it records them in.
func statementLog() (*[]string, func(*retort.Options)) {
	var sqls []string
	return &sqls, func(o *retort.Options) {
		o.Events = func(e retort.Event) {
			if e.Kind == retort.StatementRan && !strings.HasPrefix(e.SQL, "--") {
				sqls = append(sqls, e.SQL)
			}
		}
	}
}

// TestOnlineSetNotNull: on PostgreSQL the online SET NOT NULL is a NOT
// VALID check, committed, validated outside the transaction, then SET NOT
// NULL and the check dropped; no check is left and the downgrade makes the
// column nullable again. On MariaDB it is MODIFY ... ALGORITHM=INPLACE,
// LOCK=NONE.
func TestOnlineSetNotNull(t *testing.T) {
	want := map[string]string{
		dbtest.DialectPostgres: strings.Join([]string{
			`ALTER TABLE "t" ADD CONSTRAINT "t_v_not_null" CHECK ("v" IS NOT NULL) NOT VALID`,
			`COMMIT`,
			`ALTER TABLE "t" VALIDATE CONSTRAINT "t_v_not_null"`,
			`BEGIN`,
			`ALTER TABLE "t" ALTER COLUMN "v" SET NOT NULL`,
			`ALTER TABLE "t" DROP CONSTRAINT "t_v_not_null"`}, "\n"),
		dbtest.DialectMySQL: "ALTER TABLE `t` MODIFY COLUMN `v` int NOT NULL, ALGORITHM=INPLACE, LOCK=NONE",
	}
	nullable := map[string]string{
		dbtest.DialectPostgres: "SELECT is_nullable FROM information_schema.columns WHERE table_name = 't' AND column_name = 'v'",
		dbtest.DialectMySQL:    "SELECT is_nullable FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 't' AND column_name = 'v'",
	}
	for _, name := range []string{dbtest.DialectPostgres, dbtest.DialectMySQL} {
		t.Run(name, func(t *testing.T) {
			db := dbtest.Open(t, name)
			sqls, log := statementLog()
			r := newRunner(t, db, notNullHistory("(1, 1), (2, 2)"), log)
			if err := r.Upgrade(ctx(t), "r1"); err != nil {
				t.Fatal(err)
			}
			*sqls = nil
			if err := r.Upgrade(ctx(t), "r2"); err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(*sqls, "\n"); !strings.Contains(got, want[name]) {
				t.Errorf("statements:\n%s\nwant them to hold:\n%s", got, want[name])
			}
			if got := strings.Join(dbtest.Lines(t, db.DB, nullable[name]), ""); got != "NO" {
				t.Errorf("is_nullable %q after r2, want NO", got)
			}
			if name == dbtest.DialectPostgres {
				if got := dbtest.Lines(t, db.DB, "SELECT conname FROM pg_constraint WHERE conrelid = 't'::regclass AND contype = 'c'"); len(got) != 0 {
					t.Errorf("checks left behind: %v", got)
				}
			}
			if err := r.Downgrade(ctx(t), "r1"); err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(dbtest.Lines(t, db.DB, nullable[name]), ""); got != "YES" {
				t.Errorf("is_nullable %q after the downgrade, want YES", got)
			}
		})
	}
}

// TestOnlineSetNotNullOverNulls (PostgreSQL): a NULL makes the VALIDATE
// fail; the revision is not recorded, and once the row is fixed it runs
// again (the NOT VALID check the failed run committed is replaced).
func TestOnlineSetNotNullOverNulls(t *testing.T) {
	db := dbtest.Postgres(t)
	r := newRunner(t, db, notNullHistory("(1, 1), (2, NULL)"))
	if err := r.Upgrade(ctx(t), "r1"); err != nil {
		t.Fatal(err)
	}
	err := r.Upgrade(ctx(t), "r2")
	if err == nil || !strings.Contains(err.Error(), "t_v_not_null") {
		t.Fatalf("SET NOT NULL over a NULL: %v", err)
	}
	if got := heads(t, r); got != "r1" {
		t.Errorf("heads %s after the failed validation, want r1", got)
	}
	dbtest.Exec(t, db, "UPDATE t SET v = 0 WHERE v IS NULL")
	if err := r.Upgrade(ctx(t), "r2"); err != nil {
		t.Fatal(err)
	}
	if got := heads(t, r); got != "r2" {
		t.Errorf("heads %s, want r2", got)
	}
}

// TestOnlineSetNotNullRefusedOnSQLite: SQLite rebuilds the table for any
// column change; online: is refused before anything runs.
func TestOnlineSetNotNullRefusedOnSQLite(t *testing.T) {
	db := dbtest.SQLite(t)
	r := newRunner(t, db, notNullHistory("(1, 1)"))
	if err := r.Upgrade(ctx(t), "r1"); err != nil {
		t.Fatal(err)
	}
	err := r.Upgrade(ctx(t), "r2")
	if err == nil || !strings.Contains(err.Error(), "remove online: for SQLite") {
		t.Fatalf("error %v", err)
	}
}
