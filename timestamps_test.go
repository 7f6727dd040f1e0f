package retort_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/versions"
)

// instants are the values of issue 12's must-show 1: offsets of +02:00,
// -05:30, +05:45, +09:00, Z and none (UTC), with T and with a space.
var instants = []string{
	"2001-09-09T04:03:17+02:00",
	"2001-09-08T20:49:54-05:30",
	"2001-09-09 07:48:17.25+05:45",
	"2001-09-09T11:03:17+09:00",
	"2001-09-09T02:03:17Z",
	"2001-09-09 02:03:17",
}

// nativeTimestamp is a native spelling of a timestamp column on each
// database: a type source other than the canonical names.
var nativeTimestamp = map[string]string{
	dbtest.DialectPostgres: "timestamp(6) with time zone",
	dbtest.DialectMySQL:    "datetime(6)",
	dbtest.DialectSQLite:   "datetime",
}

// epochOf is the database's own epoch of a timestamp column, in seconds
// (fractions cut), independent of the session's zone.
var epochOf = map[string]string{
	dbtest.DialectPostgres: "CAST(floor(extract(epoch from %s)) AS bigint)",
	dbtest.DialectMySQL:    "timestampdiff(second, '1970-01-01 00:00:00', %s)",
	dbtest.DialectSQLite:   "CAST(strftime('%%s', %s) AS INTEGER)",
}

// seedTimes is a history whose first revision creates people with a
// timestamptz, a timestamp and a native timestamp column, and whose second
// (a later revision, so the loader only has the folded types) loads the
// instants from a CSV file (ids 1-6: COPY, LOAD DATA), again with
// on_conflict update (ids 21-26: MySQL's INSERT batches) and as inline
// rows (ids 11-16: planned INSERTs).
func seedTimes(dialect string) fstest.MapFS {
	fsys := history(
		rev{id: "t1", upgrade: fmt.Sprintf(`- create_table: {name: people, columns: [{name: id, type: bigint, primary_key: true}, {name: tz, type: timestamptz}, {name: ts, type: timestamp}, {name: nat, type: %q}]}`, nativeTimestamp[dialect]),
			downgrade: `- drop_table: {name: people}`},
		rev{id: "t2", down: "t1", upgrade: "- bulk_insert: {table: people, file: seeds/people.csv}\n" +
			"- bulk_insert: {table: people, file: seeds/more.csv, on_conflict: update}\n" +
			"- bulk_insert:\n    table: people\n    rows:\n" + inlineInstants(),
			downgrade: "- execute: {sql: DELETE FROM people}"},
	)
	var csv strings.Builder
	csv.WriteString("id,tz,ts,nat\n")
	for i, v := range instants {
		fmt.Fprintf(&csv, "%d,%s,%s,%s\n", i+1, v, v, v)
	}
	fsys["versions/seeds/people.csv"] = &fstest.MapFile{Data: []byte(csv.String())}
	csv.Reset()
	csv.WriteString("id,tz,ts,nat\n")
	for i, v := range instants {
		fmt.Fprintf(&csv, "%d,%s,%s,%s\n", i+21, v, v, v)
	}
	fsys["versions/seeds/more.csv"] = &fstest.MapFile{Data: []byte(csv.String())}
	return fsys
}

func inlineInstants() string {
	var b strings.Builder
	for i, v := range instants {
		fmt.Fprintf(&b, "      - {id: %d, tz: %s, ts: %q, nat: '%s'}\n", i+11, v, v, v)
	}
	return b.String()
}

// wantEpoch is the instant a value means: its offset applied, UTC without one.
func wantEpoch(t *testing.T, v string) int64 {
	v = strings.Replace(v, " ", "T", 1)
	ts, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		if ts, err = time.Parse("2006-01-02T15:04:05.999999999", v); err != nil {
			t.Fatal(err)
		}
	}
	return ts.Unix()
}

// checkInstants reads every row's three columns back as epochs.
func checkInstants(t *testing.T, db *dbtest.DB, how string) {
	t.Helper()
	e := epochOf[db.Dialect]
	q := fmt.Sprintf("SELECT id, %s, %s, %s FROM people ORDER BY id", fmt.Sprintf(e, "tz"), fmt.Sprintf(e, "ts"), fmt.Sprintf(e, "nat"))
	rs, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	n := 0
	for rs.Next() {
		var id, tz, ts, nat int64
		if err := rs.Scan(&id, &tz, &ts, &nat); err != nil {
			t.Fatal(err)
		}
		i := int(id-1) % 10
		want := wantEpoch(t, instants[i])
		if tz != want || ts != want || nat != want {
			t.Errorf("%s: row %d (%s): epochs tz %d, ts %d, native %d; want %d", how, id, instants[i], tz, ts, nat, want)
		}
		n++
	}
	if err := rs.Err(); err != nil {
		t.Fatal(err)
	}
	if n != 3*len(instants) {
		t.Errorf("%s: %d rows, want %d", how, n, 3*len(instants))
	}
	t.Logf("%s: %d rows, every instant equal", how, n)
}

// TestBulkInsertInstants is issue 12's must-show 1: a CSV file and inline
// rows with offsets load into timestamptz, timestamp and native timestamp
// columns created by an earlier revision and read back as the same
// instants, online and through --sql piped into the database's client.
func TestBulkInsertInstants(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
		t.Parallel()
		fsys := seedTimes(db.Dialect)
		r := newRunner(t, db, fsys)
		if err := r.Upgrade(ctx(t), "head"); err != nil {
			t.Fatal(err)
		}
		checkInstants(t, db, "upgrade head")

		offline := dbtest.Open(t, db.Dialect)
		var script bytes.Buffer
		if err := newRunner(t, offline, fsys).SQL(&script, nil, "head", versions.Up); err != nil {
			t.Fatal(err)
		}
		how := dbtest.RunScript(t, offline, script.String())
		checkInstants(t, offline, "upgrade head --sql | "+how)
	})
}

// TestBulkInsertBadInstantLeavesNothing: a bad timestamp in a file fails
// the load naming file, line and column, and no row of it stays, on MySQL
// too (whose revisions run outside a transaction: the load has its own).
func TestBulkInsertBadInstantLeavesNothing(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
		t.Parallel()
		fsys := seedTimes(db.Dialect)
		fsys["versions/seeds/people.csv"] = &fstest.MapFile{Data: []byte("id,tz,ts,nat\n1,2001-09-09T04:03:17+02:00,,\n2,2001-09-09T04:03:17+02:00,,\n3,yesterday,,\n")}
		r := newRunner(t, db, fsys)
		err := r.Upgrade(ctx(t), "head")
		if err == nil || !strings.Contains(err.Error(), `people.csv:4: row 3, column "tz": "yesterday" is not a timestamptz`) {
			t.Fatalf("error %v", err)
		}
		if n := count(t, db, "people"); n != 0 {
			t.Errorf("%d rows left by the failed load", n)
		}
	})
}
