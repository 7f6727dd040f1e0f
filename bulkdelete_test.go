package retort_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/versions"
)

// reversible is a history whose second revision loads CSV and JSON files
// and inline rows, with bulk_delete downgrades: by primary key (2,500 rows,
// several batches) and by a named unique constraint of two columns, one a
// timestamp with a zone. The first revision's rows are not the files'.
func reversible() fstest.MapFS {
	fsys := history(
		rev{id: "d1",
			upgrade: `- create_table: {name: countries, columns: [{name: code, type: varchar(8), primary_key: true}, {name: name, type: varchar(50)}]}
- create_table: {name: readings, columns: [{name: source, type: varchar(20), nullable: false}, {name: at, type: timestamptz, nullable: false}, {name: value, type: integer}], unique: [{name: uq_readings, columns: [source, at]}]}
- bulk_insert: {table: countries, rows: [{code: KEEP1, name: kept}, {code: KEEP2, name: kept}]}
- bulk_insert: {table: readings, rows: [{source: keep, at: '2024-01-01T00:00:00Z', value: 1}, {source: a, at: '2024-01-01T10:00:00+02:00', value: 1}]}`,
			downgrade: "- drop_table: {name: readings}\n- drop_table: {name: countries}"},
		rev{id: "d2", down: "d1",
			upgrade: `- bulk_insert: {table: countries, file: seeds/countries.csv}
- bulk_insert: {table: readings, file: seeds/readings.json, key: uq_readings}
- bulk_insert: {table: countries, rows: [{code: IN1, name: inline}, {code: IN2, name: null}]}`,
			downgrade: `- bulk_delete: {table: countries, rows: [{code: IN1, name: inline}, {code: IN2, name: null}]}
- bulk_delete: {table: readings, file: seeds/readings.json, key: uq_readings}
- bulk_delete: {table: countries, file: seeds/countries.csv}`},
	)
	var csv strings.Builder
	csv.WriteString("code,name\nFR,France\nNO,\nXX,\"it's \"\"quoted\"\"\"\n")
	for i := range 2497 {
		fmt.Fprintf(&csv, "c%05d,generated\n", i)
	}
	fsys["versions/seeds/countries.csv"] = &fstest.MapFile{Data: []byte(csv.String())}
	// The same instants as the kept row "a" at other sources, and "a" at
	// other instants: only exact (source, at) pairs may go.
	fsys["versions/seeds/readings.json"] = &fstest.MapFile{Data: []byte(`[
		{"source": "a", "at": "2024-01-01T11:00:00+01:00", "value": 2},
		{"source": "b", "at": "2024-01-01T10:00:00Z", "value": 3},
		{"source": "b", "at": "2024-06-30T23:59:59.5-07:00", "value": 4}]`)}
	return fsys
}

func TestBulkDeleteFile(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
		t.Parallel()
		r := newRunner(t, db, reversible())
		if err := r.Upgrade(ctx(t), "head"); err != nil {
			t.Fatal(err)
		}
		if c, rd := count(t, db, "countries"), count(t, db, "readings"); c != 2+2500+2 || rd != 2+3 {
			t.Fatalf("after upgrade: %d countries, %d readings", c, rd)
		}
		var b bytes.Buffer
		if err := r.SQL(&b, []string{"d2"}, "d1", versions.Down); err != nil {
			t.Fatal(err)
		}
		script := b.String()
		for _, want := range []string{"-- bulk_delete countries from seeds/countries.csv", "'c02496'", "-- bulk_delete readings from seeds/readings.json"} {
			if !strings.Contains(script, want) {
				t.Errorf("the downgrade script lacks %s:\n%.1500s", want, script)
			}
		}
		if n := strings.Count(script, "DELETE FROM"); n != 1+3+1 {
			t.Errorf("%d DELETE statements in the script, want 5 (1 inline, 3 batches, 1 readings)", n)
		}
		if err := r.Downgrade(ctx(t), "d1"); err != nil {
			t.Fatal(err)
		}
		if got := column(t, db, "SELECT code FROM countries ORDER BY code"); got != "KEEP1 KEEP2" {
			t.Errorf("countries after downgrade: %s", got)
		}
		if got := column(t, db, "SELECT source FROM readings ORDER BY source"); got != "a keep" {
			t.Errorf("readings after downgrade: %s", got)
		}
		var v int
		if err := db.QueryRow("SELECT value FROM readings WHERE source = 'a'").Scan(&v); err != nil || v != 1 {
			t.Errorf("the kept reading of a: %d, %v", v, err)
		}
		// And up again: the same files load into the emptied rows.
		if err := r.Upgrade(ctx(t), "head"); err != nil {
			t.Fatal(err)
		}
		if c := count(t, db, "countries"); c != 2504 {
			t.Errorf("after the second upgrade: %d countries", c)
		}
	})
}

// TestBulkDeleteFileNoKey: a downgrade that would delete a file's rows from
// a table with no primary key (and no key:) is refused before anything
// runs, naming the revision file and the op.
func TestBulkDeleteFileNoKey(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
		t.Parallel()
		fsys := history(
			rev{id: "n1", upgrade: `- create_table: {name: notes, columns: [{name: body, type: varchar(20)}]}`,
				downgrade: `- drop_table: {name: notes}`},
			rev{id: "n2", down: "n1",
				upgrade:   "- bulk_insert: {table: notes, rows: [{body: before}]}\n- bulk_insert: {table: notes, file: notes.csv}",
				downgrade: "- execute: {sql: SELECT 1}\n- bulk_delete: {table: notes, file: notes.csv}"},
		)
		fsys["versions/notes.csv"] = &fstest.MapFile{Data: []byte("body\none\ntwo\n")}
		r := newRunner(t, db, fsys)
		if err := r.Upgrade(ctx(t), "head"); err != nil {
			t.Fatal(err)
		}
		err := r.Downgrade(ctx(t), "n1")
		if err == nil {
			t.Fatal("downgrade of a bulk_insert into a table without a primary key ran")
		}
		for _, want := range []string{"versions/n2_test.yaml", "op 2 (bulk_delete notes from notes.csv)", "no primary key", "key:"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error lacks %q: %v", want, err)
			}
		}
		if got := count(t, db, "notes"); got != 3 {
			t.Errorf("%d notes after the refused downgrade, want 3", got)
		}
		if got := heads(t, r); got != "n2" {
			t.Errorf("heads %s after the refused downgrade", got)
		}
		var b bytes.Buffer
		if err := r.SQL(&b, []string{"n2"}, "n1", versions.Down); err == nil || !strings.Contains(err.Error(), "no primary key") {
			t.Errorf("--sql downgrade: %v", err)
		}
	})
}

// column returns the first column of query's rows, space-separated.
func column(t *testing.T, db *dbtest.DB, query string) string {
	t.Helper()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(out, " ")
}
