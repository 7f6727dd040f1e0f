package retort_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/dbtest"
)

// onlineIndexHistory: r1 makes t(id, v) with two equal v; r2 adds a
// column and builds an index on v concurrently (unique when unique).
func onlineIndexHistory(unique bool) fstest.MapFS {
	u := "false"
	if unique {
		u = "true"
	}
	return fstest.MapFS{
		"versions/r1_t.yaml": {Data: []byte(`revision: r1
down_revision: null
upgrade:
  - create_table: {name: t, columns: [{name: id, type: bigint, primary_key: true}, {name: v, type: integer}]}
  - bulk_insert: {table: t, rows: [{id: 1, v: 7}, {id: 2, v: 7}]}
`)},
		"versions/r2_t.yaml": {Data: []byte(`revision: r2
down_revision: r1
upgrade:
  - add_column: {table: t, column: {name: w, type: integer, nullable: true}}
  - create_index: {name: ix_t_v, table: t, columns: [v], unique: ` + u + `, concurrently: true}
`)},
	}
}

// TestCreateIndexConcurrently: on PostgreSQL the build runs outside the
// revision's transaction (committed before it, a new one after) and its
// reverse drops the index concurrently; on MariaDB it is ALGORITHM=INPLACE,
// LOCK=NONE. A failed build (a unique index over equal values) leaves no
// INVALID index behind, and the version table does not move.
func TestCreateIndexConcurrently(t *testing.T) {
	for _, name := range []string{dbtest.DialectPostgres, dbtest.DialectMySQL} {
		t.Run(name+"/builds", func(t *testing.T) {
			db := dbtest.Open(t, name)
			var sqls []string
			r := newRunner(t, db, onlineIndexHistory(false), func(o *retort.Options) {
				o.Events = func(e retort.Event) {
					if e.Kind == retort.StatementRan && !strings.HasPrefix(e.SQL, "--") {
						sqls = append(sqls, e.SQL)
					}
				}
			})
			if err := r.Upgrade(ctx(t), "r1"); err != nil {
				t.Fatal(err)
			}
			sqls = nil
			if err := r.Upgrade(ctx(t), "r2"); err != nil {
				t.Fatal(err)
			}
			got := strings.Join(sqls, "\n")
			want := map[string]string{
				dbtest.DialectPostgres: "COMMIT\nCREATE INDEX CONCURRENTLY \"ix_t_v\" ON \"t\" (\"v\")\nBEGIN",
				dbtest.DialectMySQL:    "CREATE INDEX `ix_t_v` ON `t` (`v`) ALGORITHM=INPLACE LOCK=NONE",
			}[name]
			if !strings.Contains(got, want) {
				t.Errorf("statements:\n%s\nwant them to hold:\n%s", got, want)
			}
			sqls = nil
			if err := r.Downgrade(ctx(t), "r1"); err != nil {
				t.Fatal(err)
			}
			if name == dbtest.DialectPostgres && !strings.Contains(strings.Join(sqls, "\n"), `DROP INDEX CONCURRENTLY "ix_t_v"`) {
				t.Errorf("downgrade statements:\n%s", strings.Join(sqls, "\n"))
			}
		})
		t.Run(name+"/fails", func(t *testing.T) {
			db := dbtest.Open(t, name)
			r := newRunner(t, db, onlineIndexHistory(true))
			if err := r.Upgrade(ctx(t), "r1"); err != nil {
				t.Fatal(err)
			}
			err := r.Upgrade(ctx(t), "r2")
			if err == nil {
				t.Fatal("a unique index over equal values was built")
			}
			if got := heads(t, r); got != "r1" {
				t.Errorf("heads %s after the failed build, want r1", got)
			}
			q := map[string]string{
				dbtest.DialectPostgres: "SELECT count(*) FROM pg_class WHERE relname = 'ix_t_v'",
				dbtest.DialectMySQL:    "SELECT count(*) FROM information_schema.statistics WHERE table_schema = DATABASE() AND index_name = 'ix_t_v'",
			}[name]
			var n int
			if err := db.QueryRow(q).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 0 {
				t.Errorf("the failed build left index ix_t_v behind (%d): %v", n, err)
			}
		})
	}
}

// TestConcurrentlyRefusedOnSQLite: SQLite has no concurrent build; the
// revision is refused before it runs.
func TestConcurrentlyRefusedOnSQLite(t *testing.T) {
	db := dbtest.SQLite(t)
	r := newRunner(t, db, onlineIndexHistory(false))
	err := r.Upgrade(ctx(t), "head")
	if err == nil || !strings.Contains(err.Error(), "concurrently: SQLite builds every index under its database write lock") {
		t.Fatalf("error %v", err)
	}
}

// notValidHistory: r1 has parents and children, one child an orphan; r2
// adds a foreign key and a check NOT VALID; r3 validates them.
func notValidHistory() fstest.MapFS {
	return fstest.MapFS{
		"versions/r1_t.yaml": {Data: []byte(`revision: r1
down_revision: null
upgrade:
  - create_table: {name: parents, columns: [{name: id, type: bigint, primary_key: true}]}
  - create_table: {name: children, columns: [{name: id, type: bigint, primary_key: true}, {name: parent_id, type: bigint}]}
  - bulk_insert: {table: parents, rows: [{id: 1}]}
  - bulk_insert: {table: children, rows: [{id: 1, parent_id: 1}, {id: 2, parent_id: 99}]}
`)},
		"versions/r2_t.yaml": {Data: []byte(`revision: r2
down_revision: r1
upgrade:
  - create_foreign_key: {name: fk_children_parent, table: children, columns: [parent_id], ref_table: parents, ref_columns: [id], not_valid: true}
  - create_check_constraint: {name: ck_children_parent, table: children, expression: parent_id < 50, not_valid: true}
`)},
		"versions/r3_t.yaml": {Data: []byte(`revision: r3
down_revision: r2
upgrade:
  - validate_constraint: {name: fk_children_parent, table: children, columns: [parent_id], ref_table: parents, ref_columns: [id]}
  - validate_constraint: {name: ck_children_parent, table: children, expression: parent_id < 50}
`)},
	}
}

// TestNotValidConstraints (PostgreSQL): NOT VALID constraints are added
// over rows that break them; validating them fails until the rows are
// fixed; the downgrade of the validation makes them NOT VALID again (the
// catalog reads as before), and the one before drops them.
func TestNotValidConstraints(t *testing.T) {
	db := dbtest.Postgres(t)
	r := newRunner(t, db, notValidHistory())
	constraints := func() string {
		return strings.Join(dbtest.Lines(t, db.DB, `SELECT conname || ' ' || convalidated || ' ' || pg_get_constraintdef(oid)
			FROM pg_constraint WHERE conrelid = 'children'::regclass AND contype IN ('f', 'c') ORDER BY conname`), "\n")
	}
	if err := r.Upgrade(ctx(t), "r2"); err != nil {
		t.Fatal(err)
	}
	atR2 := constraints()
	want := "ck_children_parent false CHECK ((parent_id < 50)) NOT VALID\nfk_children_parent false FOREIGN KEY (parent_id) REFERENCES parents(id) NOT VALID"
	if atR2 != want {
		t.Fatalf("constraints at r2:\n%s\nwant:\n%s", atR2, want)
	}
	if err := r.Upgrade(ctx(t), "r3"); err == nil || !strings.Contains(err.Error(), "fk_children_parent") {
		t.Fatalf("validating over an orphan: %v", err)
	}
	dbtest.Exec(t, db, "DELETE FROM children WHERE id = 2")
	if err := r.Upgrade(ctx(t), "r3"); err != nil {
		t.Fatal(err)
	}
	if got := constraints(); strings.Contains(got, "false") {
		t.Errorf("constraints at r3 not validated:\n%s", got)
	}
	if err := r.Downgrade(ctx(t), "r2"); err != nil {
		t.Fatal(err)
	}
	if got := constraints(); got != atR2 {
		t.Errorf("constraints after the downgrade to r2:\n%s\nwant:\n%s", got, atR2)
	}
	if err := r.Downgrade(ctx(t), "r1"); err != nil {
		t.Fatal(err)
	}
	if got := constraints(); got != "" {
		t.Errorf("constraints at r1: %s", got)
	}
}

// TestNotValidRefused: MariaDB and SQLite have no NOT VALID constraints:
// the revision is refused, naming the op, before it runs.
func TestNotValidRefused(t *testing.T) {
	for _, name := range []string{dbtest.DialectMySQL, dbtest.DialectSQLite} {
		t.Run(name, func(t *testing.T) {
			db := dbtest.Open(t, name)
			r := newRunner(t, db, notValidHistory())
			if err := r.Upgrade(ctx(t), "r1"); err != nil {
				t.Fatal(err)
			}
			err := r.Upgrade(ctx(t), "r2")
			if err == nil || !strings.Contains(err.Error(), "no NOT VALID constraints") {
				t.Fatalf("error %v", err)
			}
			if got := heads(t, r); got != "r1" {
				t.Errorf("heads %s", got)
			}
		})
	}
}
