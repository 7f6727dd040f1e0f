package autogen_test

import (
	"context"
	"database/sql"
	"fmt"
	goreflect "reflect"
	"testing"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// opTable is the table an op is on.
func opTable(o ops.Op) string {
	v := goreflect.ValueOf(o)
	if v.Kind() == goreflect.Pointer {
		v = v.Elem()
	}
	if f := v.FieldByName("TableRef"); f.IsValid() {
		return f.Interface().(ops.TableRef).Table
	}
	return ""
}

// equivCase is one pair of spellings: db is written by plain SQL into the
// database (as another tool would), yaml is what schema.yaml says.
type equivCase struct {
	kind   string // default, check, index, where, type
	colSQL string // the column's type in the CREATE TABLE
	db     string
	yaml   string
}

// corpusSQL is the plain SQL creating case i as table tNN.
func corpusSQL(b bed, i int, c equivCase) []string { return corpusTableSQL(tableName(i), c) }

// corpusTableSQL is the plain SQL creating case c as table name.
func corpusTableSQL(name string, c equivCase) []string {
	id := "id integer PRIMARY KEY"
	col := "c " + c.colSQL
	var extra string
	switch c.kind {
	case "default":
		if c.db != "" {
			col += " DEFAULT " + c.db
		}
	case "check":
		extra = ", CONSTRAINT " + name + "_ck CHECK (" + c.db + ")"
	case "type":
		col = "c " + c.db
	}
	stmts := []string{"CREATE TABLE " + name + " (" + id + ", " + col + extra + ")"}
	switch c.kind {
	case "index":
		stmts = append(stmts, "CREATE INDEX "+name+"_ix ON "+name+" (("+c.db+"))")
	case "where":
		stmts = append(stmts, "CREATE INDEX "+name+"_ix ON "+name+" (c) WHERE "+c.db)
	}
	return stmts
}

// respell returns the reflected model with case c's text in its yaml
// spelling, as a schema.yaml written by hand would give it.
func respell(t *testing.T, m *metadata.MetaData, i int, c equivCase) {
	respellTable(t, m, tableName(i), c)
}

// respellTable gives table name of m case c's yaml spelling.
func respellTable(t *testing.T, m *metadata.MetaData, i string, c equivCase) {
	t.Helper()
	tb := m.Table("", i)
	if tb == nil {
		t.Fatalf("case %v: table not reflected", i)
	}
	col := tb.Column("c")
	switch c.kind {
	case "default":
		col.Default = c.yaml
	case "check":
		if c.yaml == "" {
			tb.Checks = nil
			break
		}
		if len(tb.Checks) != 1 {
			t.Fatalf("case %v: %d checks reflected", i, len(tb.Checks))
		}
		tb.Checks[0].Expression = c.yaml
	case "index", "where":
		if len(tb.Indexes) != 1 {
			t.Fatalf("case %v: %d indexes reflected", i, len(tb.Indexes))
		}
		if c.kind == "index" {
			tb.Indexes[0].Expressions[0] = c.yaml
		} else {
			tb.Indexes[0].Where = c.yaml
		}
	case "type":
		typ, err := metadata.ParseType(c.yaml)
		if err != nil {
			typ = metadata.NativeType(c.yaml)
		}
		col.Type = typ
	}
}

// runCorpus creates every case in one database and compares, offline
// (the rules alone) and online (the database asked), the reflection with
// the respelled model: no op for an equivalent pair, an op on its table
// for a different one.
func runCorpus(t *testing.T, b bed, same, different []equivCase) {
	if len(same) < 40 || len(different) < 20 {
		t.Fatalf("corpus too small: %d equivalent, %d different pairs", len(same), len(different))
	}
	db := dbtest.Open(t, b.name)
	cases := append(append([]equivCase{}, same...), different...)
	for i, c := range cases {
		dbtest.Exec(t, db, corpusSQL(b, i, c)...)
	}
	current := inspect(t, b, db, nil)
	target := current.Clone()
	for i, c := range cases {
		respell(t, target, i, c)
	}
	for _, mode := range []string{"offline", "online"} {
		var res *autogen.Result
		var err error
		if mode == "offline" {
			res, err = autogen.Compare(target, current, b.d, autogen.Options{})
		} else {
			res, err = autogen.CompareOnline(ctx(t), db.DB, target, current, b.d, autogen.Options{})
		}
		if err != nil {
			t.Fatalf("%s: %v", mode, err)
		}
		changed := map[string]bool{}
		for _, o := range res.Ops {
			changed[opTable(o)] = true
		}
		for i, c := range cases {
			name := fmt.Sprintf("t%02d", i)
			want := i >= len(same)
			if changed[name] != want {
				t.Errorf("%s: case %d (%s %s: %q vs %q): changed %v, want %v", mode, i, c.kind, c.colSQL, c.db, c.yaml, changed[name], want)
			}
		}
		for _, n := range res.Notes {
			t.Logf("%s note: %s", mode, n)
		}
		t.Logf("%s: %d equivalent pairs unchanged, %d different pairs reported, %d ops, %d notes", mode, len(same), len(different), len(res.Ops), len(res.Notes))
	}
}

func tableName(i int) string { return fmt.Sprintf("t%02d", i) }

// tablesChanged are the tables the ops of res touch.
func tablesChanged(res *autogen.Result) map[string]bool {
	out := map[string]bool{}
	for _, o := range res.Ops {
		out[opTable(o)] = true
	}
	return out
}

// countingBeginner counts the transactions an online comparison opens.
type countingBeginner struct {
	db  *sql.DB
	txs int
}

func (c *countingBeginner) BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error) {
	c.txs++
	return c.db.BeginTx(ctx, opts)
}
