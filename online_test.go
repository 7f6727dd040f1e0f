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
