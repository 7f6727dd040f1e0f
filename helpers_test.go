package retort_test

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
	_ "github.com/retortdb/retort/dialect/mysql"
	_ "github.com/retortdb/retort/dialect/postgres"
	_ "github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/internal/dbtest"
)

// rev is one revision file of a test history.
type rev struct {
	id, down, upgrade, downgrade string
	nonTransactional             bool
}

// history builds a versions directory from revs, each on its parent.
func history(revs ...rev) fstest.MapFS {
	fs := fstest.MapFS{}
	for _, r := range revs {
		down := "null"
		if r.down != "" {
			down = r.down
		}
		text := fmt.Sprintf("revision: %s\ndown_revision: %s\nmessage: %s\ntransactional: %v\nupgrade:\n%s\ndowngrade:\n%s\n",
			r.id, down, r.id, !r.nonTransactional, indent(r.upgrade), indent(r.downgrade))
		fs["versions/"+r.id+"_test.yaml"] = &fstest.MapFile{Data: []byte(text)}
	}
	return fs
}

func indent(s string) string {
	if strings.TrimSpace(s) == "" {
		return "  []"
	}
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		b.WriteString("  " + l + "\n")
	}
	return b.String()
}

// basic is a three-revision history: two tables, a column and an index,
// and a revision that inserts a row (which proves it ran once).
func basic() fstest.MapFS {
	return history(
		rev{id: "r1",
			upgrade:   `- create_table: {name: items, columns: [{name: id, type: bigint, primary_key: true}, {name: name, type: varchar(50)}]}`,
			downgrade: `- drop_table: {name: items}`},
		rev{id: "r2", down: "r1",
			upgrade: "- add_column: {table: items, column: {name: price, type: integer}}\n" +
				"- create_index: {name: ix_items_price, table: items, columns: [price]}",
			downgrade: "- drop_index: {name: ix_items_price, table: items}\n" +
				"- drop_column: {table: items, column: price}"},
		rev{id: "r3", down: "r2",
			upgrade: "- create_table: {name: runs, columns: [{name: note, type: varchar(20)}]}\n" +
				"- bulk_insert: {table: runs, rows: [{note: r3}]}",
			downgrade: `- drop_table: {name: runs}`},
	)
}

// openDB opens db through its dialect's own driver settings, as migrate does.
func openDB(t testing.TB, db *dbtest.DB) (*sql.DB, dialect.Dialect) {
	t.Helper()
	d, u, err := dialect.Open(db.URL)
	if err != nil {
		t.Fatal(err)
	}
	name, dsn, err := d.Driver(u)
	if err != nil {
		t.Fatal(err)
	}
	sdb, err := sql.Open(name, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sdb.Close() })
	return sdb, d
}

// newRunner builds a runner for db over fsys.
func newRunner(t testing.TB, db *dbtest.DB, fsys fstest.MapFS, edit ...func(*retort.Options)) *retort.Runner {
	t.Helper()
	sdb, d := openDB(t, db)
	o := retort.Options{DB: sdb, Dialect: d, Migrations: fsys, LockTimeout: 30 * time.Second}
	for _, e := range edit {
		e(&o)
	}
	r, err := retort.New(o)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func ctx(t testing.TB) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return c
}

// heads reads the current heads, joined.
func heads(t testing.TB, r *retort.Runner) string {
	t.Helper()
	h, err := r.Current(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(h, ",")
}

// tables lists db's tables, sorted, comma separated.
func tables(t testing.TB, db *dbtest.DB) string {
	t.Helper()
	d, _, _ := dialect.Open(db.URL)
	in, err := d.Inspect(ctx(t), db.DB, dialect.InspectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tb := range in.MetaData.Tables {
		names = append(names, tb.Name)
	}
	slices.Sort(names)
	return strings.Join(names, ",")
}

// count counts a table's rows.
func count(t testing.TB, db *dbtest.DB, table string) int {
	t.Helper()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
