package autogen_test

import (
	"testing"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/internal/dbtest"
)

// TestSQLiteRowidAliasIsAutoincrement: a table made by another tool with
// "id INTEGER PRIMARY KEY" (no AUTOINCREMENT keyword) satisfies a
// schema.yaml that says autoincrement: true; no recreate is proposed.
// A column that is not a rowid alias still differs.
func TestSQLiteRowidAliasIsAutoincrement(t *testing.T) {
	b := beds[0]
	db := dbtest.Open(t, b.name)
	dbtest.Exec(t, db, "CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT)",
		"CREATE TABLE k (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT)",
		"CREATE TABLE c (id INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (id, n))")
	current := inspect(t, b, db, nil)
	target := current.Clone()
	target.Table("", "a").Column("id").AutoIncrement = true
	res, err := autogen.Compare(target, current, b.d, autogen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Ops) != 0 {
		t.Errorf("rowid alias vs autoincrement: %s", describe(res.Ops))
	}
	target.Table("", "k").Column("id").AutoIncrement = false
	res, err = autogen.Compare(target, current, b.d, autogen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Ops) != 1 || opTable(res.Ops[0]) != "k" {
		t.Errorf("autoincrement dropped from k: want one op on k, got %s", describe(res.Ops))
	}
}
