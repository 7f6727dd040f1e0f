package autogen_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/schemagen"
)

// equivCorpus is each database's corpus of equivalent spellings.
var equivCorpus = map[string][]equivCase{
	dbtest.DialectSQLite:   sqliteSame,
	dbtest.DialectPostgres: postgresSame,
	dbtest.DialectMySQL:    mysqlSame,
}

// equivSeeds is the number of seeds of TestPropertyEquivalentSpellings:
// RETORT_EQUIV_SEEDS, else 200 on each database (~15 s in all).
func equivSeeds() int {
	if v, err := strconv.Atoi(os.Getenv("RETORT_EQUIV_SEEDS")); err == nil && v > 0 {
		return v
	}
	return 200
}

// TestPropertyEquivalentSpellings is must-show 2: per seed, a schemagen
// schema, and next to it tables written by plain SQL (not by Retort) with
// spellings drawn at random from the database's corpus, each pair in a
// random direction; schema.yaml says the other spelling. Offline and
// online, nothing may differ and nothing may be noted.
func TestPropertyEquivalentSpellings(t *testing.T) {
	eachBed(t, func(t *testing.T, b bed) {
		n := equivSeeds()
		corpus := equivCorpus[b.name]
		db := dbtest.Open(t, b.name)
		drawn := 0
		for seed := int64(1); seed <= int64(n); seed++ {
			rng := rand.New(rand.NewPCG(uint64(seed), 14))
			m := schemagen.Generate(schemagen.Config{Seed: seed, Tables: 2, MaxColumns: 5, AwkwardNames: seed%4 == 0})
			m, schemas := create(t, b, db, m)
			var names []string
			var cases []equivCase
			for j := range 2 + rng.IntN(4) {
				c := corpus[rng.IntN(len(corpus))]
				if rng.IntN(2) == 0 && c.kind != "type" && c.yaml != "" {
					c.db, c.yaml = c.yaml, c.db
					if b.name == dbtest.DialectSQLite && c.kind == "default" {
						c.db = "(" + c.db + ")" // SQLite takes an expression default only in parentheses
					}
				}
				name := fmt.Sprintf("q%d_%d", seed, j)
				dbtest.Exec(t, db, corpusTableSQL(name, c)...)
				names, cases = append(names, name), append(cases, c)
			}
			drawn += len(cases)
			current := inspect(t, b, db, schemas)
			target := m.Clone()
			for i, name := range names {
				tb := current.Table("", name).Clone()
				target.Tables = append(target.Tables, tb)
				respellTable(t, target, name, cases[i])
			}
			off, err := autogen.Compare(target, current, b.d, autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			on, err := autogen.CompareOnline(ctx(t), db.DB, target, current, b.d, autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for mode, res := range map[string]*autogen.Result{"offline": off, "online": on} {
				if len(res.Ops) > 0 || len(res.Notes) > 0 {
					t.Fatalf("seed %d %s: cases %v:\n%s\nnotes: %v", seed, mode, cases, describe(res.Ops), res.Notes)
				}
			}
			dropAll(t, b, db, current)
		}
		t.Logf("%d seeds, %d corpus pairs drawn: no change, no note, offline and online", n, drawn)
	})
}
