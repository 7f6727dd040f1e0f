package retort_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/versions"
)

// derivedHistory: d1 creates the tables (explicit downgrade); d2 has no
// downgrade: key and adds a column and an index, loads inline rows 1-2
// and a CSV file's rows 3-4.
func derivedHistory(extra ...string) fstest.MapFS {
	fsys := history(rev{id: "d1",
		upgrade: "- create_table: {name: x, columns: [{name: id, type: bigint, primary_key: true}, {name: v, type: varchar(20)}]}\n" +
			"- create_table: {name: nokey, columns: [{name: v, type: varchar(20)}]}",
		downgrade: "- drop_table: {name: nokey}\n- drop_table: {name: x}"})
	fsys["versions/d2_test.yaml"] = &fstest.MapFile{Data: []byte(`revision: d2
down_revision: d1
message: seed
upgrade:
  - add_column: {table: x, column: {name: note, type: varchar(10)}}
  - create_index: {name: ix_x_note, table: x, columns: [note]}
  - bulk_insert: {table: x, rows: [{id: 1, v: one}, {id: 2, v: two}]}
  - bulk_insert: {table: x, file: seeds/x.csv}
`)}
	fsys["versions/seeds/x.csv"] = &fstest.MapFile{Data: []byte("id,v\n3,three\n4,four\n")}
	for i, up := range extra {
		id := fmt.Sprintf("d%d", i+3)
		fsys["versions/"+id+"_test.yaml"] = &fstest.MapFile{Data: []byte(fmt.Sprintf("revision: %s\ndown_revision: d%d\nmessage: more\nupgrade:\n%s", id, i+2, up))}
	}
	return fsys
}

// TestDerivedDowngrade is issue 12's must-show 2, first part: a revision
// without a downgrade: key downgrades by the exact reverse of its upgrade
// (the rows it inserted gone, other rows kept, the column and index
// gone), online and through --sql piped into the client; upgrading again
// works (no duplicate keys).
func TestDerivedDowngrade(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
		t.Parallel()
		fsys := derivedHistory()
		r := newRunner(t, db, fsys)
		if err := r.Upgrade(ctx(t), "head"); err != nil {
			t.Fatal(err)
		}
		dbtest.Exec(t, db, "INSERT INTO x (id, v) VALUES (50, 'kept')")
		if err := r.Downgrade(ctx(t), "-1"); err != nil {
			t.Fatal(err)
		}
		checkDerived(t, db, "downgrade -1")
		if err := r.Upgrade(ctx(t), "head"); err != nil {
			t.Fatalf("upgrade after the derived downgrade: %v", err)
		}
		if n := count(t, db, "x"); n != 5 {
			t.Errorf("%d rows after upgrading again, want 5", n)
		}

		// The same downgrade as a script, run by the database's client.
		var script bytes.Buffer
		if err := r.SQL(&script, []string{"d2"}, "d1", versions.Down); err != nil {
			t.Fatal(err)
		}
		how := dbtest.RunScript(t, db, script.String())
		checkDerived(t, db, "downgrade --sql | "+how)
	})
}

func checkDerived(t *testing.T, db *dbtest.DB, how string) {
	t.Helper()
	var ids []string
	rs, err := db.Query("SELECT id FROM x ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	for rs.Next() {
		var id string
		rs.Scan(&id)
		ids = append(ids, id)
	}
	if got := strings.Join(ids, ","); got != "50" {
		t.Errorf("%s: rows %q left, want only 50 (the row d2 did not insert)", how, got)
	}
	if _, err := db.Exec("SELECT note FROM x"); err == nil {
		t.Errorf("%s: column note is still there", how)
	}
	var v string
	if err := db.QueryRow("SELECT version_num FROM migrate_version").Scan(&v); err != nil || v != "d1" {
		t.Errorf("%s: version %q (%v), want d1", how, v, err)
	}
	t.Logf("%s: rows left [%s], column note dropped, version d1", how, strings.Join(ids, ","))
}

// TestDerivedDowngradeRefused is must-show 2, second part: an op with no
// exact reverse makes downgrade (and downgrade --sql) refuse before
// touching the database, naming file:line and the op, and saying what to
// write.
func TestDerivedDowngradeRefused(t *testing.T) {
	cases := []struct {
		name, upgrade, op string
		line              int
	}{
		{"execute", "  - execute: {sql: \"UPDATE x SET v = 'changed'\"}\n", "op 1 (execute: {sql: UPDATE x SET v = 'changed'})", 5},
		{"call", "  - call: test_noop\n", "op 1 (call: test_noop)", 5},
		{"no key", "  - bulk_insert: {table: nokey, rows: [{v: a}]}\n", "op 1 (bulk_insert: {table: nokey", 5},
		{"on_conflict", "  - bulk_insert: {table: x, rows: [{id: 1, v: again}], on_conflict: skip}\n", "op 1 (bulk_insert: {table: x", 5},
		{"second op", "  - bulk_insert: {table: x, rows: [{id: 9, v: nine}]}\n  - execute: {sql: \"UPDATE x SET v = 'changed'\"}\n", "op 2 (execute:", 6},
	}
	dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
		t.Parallel()
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				db := dbtest.Open(t, db.Dialect)
				r := newRunner(t, db, derivedHistory(tc.upgrade))
				if err := r.Upgrade(ctx(t), "head"); err != nil {
					t.Fatal(err)
				}
				before := dump(t, db)
				err := r.Downgrade(ctx(t), "-1")
				wantMsg := fmt.Sprintf("versions/d3_test.yaml:%d: revision d3 has no downgrade: key, and %s", tc.line, tc.op)
				var ie *versions.IrreversibleError
				if !errors.As(err, &ie) || !strings.HasPrefix(err.Error(), wantMsg) ||
					!strings.HasSuffix(err.Error(), "write a downgrade: section, or `downgrade: []` to make it a no-op") {
					t.Fatalf("downgrade -1: %v (%T); want %q", err, err, wantMsg)
				}
				if after := dump(t, db); after != before {
					t.Errorf("the refused downgrade changed the database:\nbefore %s\nafter  %s", before, after)
				}
				var script bytes.Buffer
				if serr := r.SQL(&script, []string{"d3"}, "d2", versions.Down); serr == nil || serr.Error() != err.Error() {
					t.Errorf("downgrade --sql: %v\nwant the same refusal: %v", serr, err)
				}
				t.Logf("refused: %v", err)
			})
		}
	})
}

func init() {
	retort.Register("test_noop", func(context.Context, *sql.Tx) error { return nil })
}

// dump is the version and every row of x and nokey, as text.
func dump(t *testing.T, db *dbtest.DB) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{"SELECT version_num FROM migrate_version", "SELECT id, v FROM x ORDER BY id", "SELECT v FROM nokey ORDER BY v"} {
		rs, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rs.Columns()
		for rs.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rs.Scan(ptrs...)
			fmt.Fprintf(&b, "%v;", vals)
		}
		rs.Close()
		b.WriteString(" | ")
	}
	return b.String()
}

// TestEmptyDowngradeIsNoOp is must-show 2, third part: downgrade: [] moves
// the version table and leaves the rows.
func TestEmptyDowngradeIsNoOp(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
		t.Parallel()
		fsys := derivedHistory()
		fsys["versions/d2_test.yaml"].Data = append(fsys["versions/d2_test.yaml"].Data, []byte("downgrade: []\n")...)
		r := newRunner(t, db, fsys)
		if err := r.Upgrade(ctx(t), "head"); err != nil {
			t.Fatal(err)
		}
		if err := r.Downgrade(ctx(t), "-1"); err != nil {
			t.Fatal(err)
		}
		if h := heads(t, r); h != "d1" {
			t.Errorf("heads %q, want d1", h)
		}
		if n := count(t, db, "x"); n != 4 {
			t.Errorf("%d rows after the no-op downgrade, want the 4 loaded", n)
		}
		var script bytes.Buffer
		if err := r.SQL(&script, []string{"d2"}, "d1", versions.Down); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(script.String(), "DELETE FROM "+"x") {
			t.Errorf("the no-op downgrade's script deletes rows:\n%s", script.String())
		}
	})
}
