package autogen_test

import (
	"testing"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/internal/dbtest"
)

// undecided are, per database, pairs the offline rules cannot settle (an
// unknown function, or text outside their grammar): same first, then
// different. Offline each is a note (a change with Strict); online the
// database settles it.
var undecided = map[string]struct {
	setup           []string
	same, different []equivCase
}{
	dbtest.DialectPostgres: {
		setup: []string{"CREATE FUNCTION my_fn() RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT ''x''::text'",
			"CREATE FUNCTION my_fn2() RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT ''y''::text'"},
		same: []equivCase{
			{"check", "text", "c SIMILAR TO 'a%'", "c similar to 'a%'"},
			{"default", "text", "my_fn()", "public.my_fn()"},
			{"check", "text", "my_fn() IS NOT NULL", "public.my_fn() IS NOT NULL"},
			{"index", "text", "my_fn()", "public.my_fn()"},
		},
		different: []equivCase{
			{"default", "text", "my_fn()", "my_fn2()"},
			{"check", "text", "my_fn() = c", "my_fn2() = c"},
		},
	},
	dbtest.DialectSQLite: {
		same:      []equivCase{{"default", "BLOB", "(zeroblob(1))", "x'00'"}, {"default", "TEXT", "(quote(1))", "'1'"}},
		different: []equivCase{{"default", "BLOB", "(zeroblob(1))", "(zeroblob(2))"}},
	},
	dbtest.DialectMySQL: {
		same:      []equivCase{{"default", "varchar(20)", "(lpad('a', 3, 'x'))", "'xxa'"}, {"default", "varchar(20)", "(repeat('a', 2))", "'aa'"}},
		different: []equivCase{{"default", "decimal(10,6)", "(pi())", "(pi() * 2)"}},
	},
}

// TestOnlineSettlesUndecided: offline each undecided pair is a note, once
// per object, and a change with Strict; online the database settles it
// in one transaction.
func TestOnlineSettlesUndecided(t *testing.T) {
	eachBed(t, func(t *testing.T, b bed) {
		u := undecided[b.name]
		db := dbtest.Open(t, b.name)
		if len(u.setup) > 0 {
			dbtest.Exec(t, db, u.setup...)
		}
		cases := append(append([]equivCase{}, u.same...), u.different...)
		for i, c := range cases {
			dbtest.Exec(t, db, corpusSQL(b, i, c)...)
		}
		current := inspect(t, b, db, nil)
		target := current.Clone()
		for i, c := range cases {
			respell(t, target, i, c)
		}
		off, err := autogen.Compare(target, current, b.d, autogen.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(off.Ops) != 0 || len(off.Notes) != len(cases) {
			t.Errorf("offline: %d ops, %d notes; want 0 ops, %d notes:\n%s\n%v", len(off.Ops), len(off.Notes), len(cases), describe(off.Ops), off.Notes)
		}
		strict, err := autogen.Compare(target, current, b.d, autogen.Options{Strict: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := tablesChanged(strict); len(got) != len(cases) {
			t.Errorf("strict: tables changed %v, want all %d", got, len(cases))
		}
		counter := &countingBeginner{db: db.DB}
		on, err := autogen.CompareOnline(ctx(t), counter, target, current, b.d, autogen.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range on.Notes {
			t.Errorf("online note: %s", n)
		}
		got := tablesChanged(on)
		for i := range cases {
			if want := i >= len(u.same); got[tableName(i)] != want {
				t.Errorf("online: case %d %v: changed %v, want %v", i, cases[i], got[tableName(i)], want)
			}
		}
		if counter.txs != 1 {
			t.Errorf("online: %d transactions, want 1 batch", counter.txs)
		}
		t.Logf("%d undecided pairs: offline %d notes, strict %d tables changed, online %d changed in %d transaction",
			len(cases), len(off.Notes), len(tablesChanged(strict)), len(got), counter.txs)
	})
}
