package retort_test

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/versions"
)

// generatedSeeds is a history whose table has a generated column and
// whose seed file, a dump of the table, carries that column's values.
func generatedSeeds() fstest.MapFS {
	fsys := history(
		rev{id: "g1", upgrade: `- create_table: {name: seeded_items, columns: [{name: id, type: integer, primary_key: true}, {name: qty, type: integer}, ` +
			`{name: twice, type: integer, generated: {expression: qty * 2, stored: true}}]}`,
			downgrade: `- drop_table: {name: seeded_items}`},
		rev{id: "g2", down: "g1", upgrade: "- bulk_insert: {table: seeded_items, file: seeds/lines.csv}",
			downgrade: "- execute: {sql: DELETE FROM seeded_items}"},
	)
	fsys["versions/seeds/lines.csv"] = &fstest.MapFile{Data: []byte("id,qty,twice\n1,3,999\n2,5,\n")}
	return fsys
}

// TestBulkInsertFileGenerated: loading a file into a table with a
// generated column works on every database, through its bulk loader and
// through planned batches, and in a --sql script: the column's values are
// left out and the database computes them.
func TestBulkInsertFileGenerated(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
		t.Parallel()
		for _, batches := range []bool{false, true} {
			db := db
			if batches {
				db = dbtest.Open(t, db.Dialect)
			}
			r := newRunner(t, db, generatedSeeds(), func(o *retort.Options) {
				if batches {
					o.Dialect = plain{o.Dialect}
				}
			})
			if err := r.Upgrade(ctx(t), "head"); err != nil {
				t.Fatal(err)
			}
			q := "SELECT CAST(id AS CHAR(10)) || ' ' || CAST(twice AS CHAR(10)) FROM seeded_items ORDER BY id"
			if db.Dialect == dbtest.DialectMySQL {
				q = "SELECT concat(id, ' ', twice) FROM seeded_items ORDER BY id"
			}
			got := strings.Join(dbtest.Lines(t, db.DB, q), ", ")
			if got != "1 6, 2 10" {
				t.Errorf("batches %v: rows %q, want the computed values 1 6, 2 10", batches, got)
			}
			var b bytes.Buffer
			if err := r.SQL(&b, nil, "head", versions.Up); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(b.String(), "999") {
				t.Errorf("the script writes the generated column:\n%.2000s", b.String())
			}
		}
	})
}
