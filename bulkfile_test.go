package retort_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/versions"
)

// seeded is a history whose second revision loads a CSV file and a JSON
// file, 2,500 rows in all (several batches).
func seeded() fstest.MapFS {
	fsys := history(
		rev{id: "s1", upgrade: `- create_table: {name: countries, columns: [{name: code, type: varchar(8), primary_key: true}, {name: name, type: varchar(50)}, {name: eu, type: boolean}, {name: area, type: 'numeric(12,1)'}]}`,
			downgrade: `- drop_table: {name: countries}`},
		rev{id: "s2", down: "s1",
			upgrade:   "- bulk_insert: {table: countries, file: seeds/countries.csv}\n- bulk_insert: {table: countries, file: seeds/more.json}",
			downgrade: "- execute: {sql: DELETE FROM countries}"},
	)
	var csv strings.Builder
	csv.WriteString("code,name,eu,area\nFR,France,true,551695.0\nNO,,false,\nXX,\"\",false,1.5\n")
	for i := range 2000 {
		fmt.Fprintf(&csv, "c%05d,generated,false,1\n", i)
	}
	fsys["versions/seeds/countries.csv"] = &fstest.MapFile{Data: []byte(csv.String())}
	var js strings.Builder
	js.WriteString("[")
	for i := range 497 {
		if i > 0 {
			js.WriteString(",")
		}
		fmt.Fprintf(&js, `{"code": "j%05d", "name": "json", "eu": true, "area": null}`, i)
	}
	js.WriteString("]")
	fsys["versions/seeds/more.json"] = &fstest.MapFile{Data: []byte(js.String())}
	return fsys
}

func TestBulkInsertFile(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
		t.Parallel()
		var progress []int64
		r := newRunner(t, db, seeded(), func(o *retort.Options) {
			o.Events = func(e retort.Event) {
				if e.Kind == retort.Progress {
					progress = append(progress, e.Rows)
				}
			}
		})
		if err := r.Upgrade(ctx(t), "head"); err != nil {
			t.Fatal(err)
		}
		if len(progress) < 2 || progress[len(progress)-1] != 497 || !slices.Contains(progress, 2003) {
			t.Errorf("progress events: %v", progress)
		}
		if got := count(t, db, "countries"); got != 3+2000+497 {
			t.Errorf("%d rows", got)
		}
		var nullName, emptyName int
		db.QueryRow("SELECT count(*) FROM countries WHERE name IS NULL").Scan(&nullName)
		db.QueryRow("SELECT count(*) FROM countries WHERE name = ''").Scan(&emptyName)
		if nullName != 1 || emptyName != 1 {
			t.Errorf("NULL names %d, empty names %d; want 1 and 1", nullName, emptyName)
		}
		var b bytes.Buffer
		if err := r.SQL(&b, nil, "head", versions.Up); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "'France'") || !strings.Contains(b.String(), "-- bulk_insert countries from seeds/more.json") {
			t.Errorf("script lacks the rows:\n%.2000s", b.String())
		}
	})
}

// plain hides a dialect's optional interfaces (BulkLoader, Locker).
type plain struct{ dialect.Dialect }

// TestBulkInsertFileBatches: without a BulkLoader the runner plans the
// file's rows in batches.
func TestBulkInsertFileBatches(t *testing.T) {
	db := dbtest.SQLite(t)
	var progress []int64
	r := newRunner(t, db, seeded(), func(o *retort.Options) {
		o.Dialect = plain{o.Dialect}
		o.Events = func(e retort.Event) {
			if e.Kind == retort.Progress {
				progress = append(progress, e.Rows)
			}
		}
	})
	if err := r.Upgrade(ctx(t), "head"); err != nil {
		t.Fatal(err)
	}
	if got := count(t, db, "countries"); got != 2500 || fmt.Sprint(progress) != "[1000 2000 2003 497]" {
		t.Errorf("%d rows, progress %v", got, progress)
	}
}
