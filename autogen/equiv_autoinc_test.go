package autogen_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
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

// TestSQLiteAutoincrementKeywordDeclared: the AUTOINCREMENT keyword is
// compared only where schema.yaml declares the kind: identity:
// autoincrement demands it of a rowid alias without it (recreate, and the
// table then has it), identity: rowid demands its absence (recreate without
// it), and each then compares clean against what it made.
func TestSQLiteAutoincrementKeywordDeclared(t *testing.T) {
	b := beds[0]
	for _, tc := range []struct {
		name, table, kind, want string
	}{
		{"keyword demanded", "CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT)", metadata.IdentityAutoincrement, "AUTOINCREMENT"},
		{"keyword refused", "CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT)", metadata.IdentityRowid, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := dbtest.Open(t, b.name)
			dbtest.Exec(t, db, tc.table, "INSERT INTO a (name) VALUES ('x')")
			current := inspect(t, b, db, nil)
			target := current.Clone()
			col := target.Table("", "a").Column("id")
			col.AutoIncrement, col.Identity = true, tc.kind
			res, err := autogen.Compare(target, current, b.d, autogen.Options{})
			require.NoError(t, err)
			require.Len(t, res.Ops, 1, describe(res.Ops))
			dialecttest.PlanAndExec(t, b.d, db.DB, current, res.Ops...)
			var sql string
			require.NoError(t, db.QueryRow(`SELECT sql FROM sqlite_master WHERE name = 'a'`).Scan(&sql))
			if tc.want != "" {
				assert.Contains(t, sql, tc.want)
			} else {
				assert.NotContains(t, sql, "AUTOINCREMENT")
			}
			var n int
			require.NoError(t, db.QueryRow(`SELECT count(*) FROM a`).Scan(&n))
			assert.Equal(t, 1, n, "the row is kept")
			res, err = autogen.Compare(target, inspect(t, b, db, nil), b.d, autogen.Options{})
			require.NoError(t, err)
			assert.Empty(t, res.Ops, describe(res.Ops))
		})
	}
}
