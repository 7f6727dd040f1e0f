package schemagen

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// Flavors of [Config.Flavor]: the database whose SQL the bodies of
// generated views, functions and triggers are written in. They are the
// names the test helpers give the dialects.
const (
	FlavorPostgres = OddPostgres
	FlavorMySQL    = OddMySQL
	FlavorSQLite   = OddSQLite
)

// objects adds cfg.Views views, cfg.Functions functions and cfg.Triggers
// triggers over the generated tables, written in cfg.Flavor's SQL. Every
// fifth view reads the view before it, so creation order matters. On
// PostgreSQL the functions alternate between SQL functions and the trigger
// functions the triggers execute; SQLite has no functions (Functions is
// ignored there).
func (g *gen) objects() {
	if len(g.m.Tables) == 0 || g.cfg.Flavor == "" {
		return
	}
	o := objGen{gen: g, flavor: g.cfg.Flavor}
	for i := range g.cfg.Views {
		o.view(i)
	}
	if o.flavor != FlavorSQLite {
		for i := range g.cfg.Functions {
			o.function(i)
		}
	}
	for i := range g.cfg.Triggers {
		o.trigger(i)
	}
}

// objGen writes the objects of one Generate call.
type objGen struct {
	*gen
	flavor   string
	triggerF []*metadata.Routine // PostgreSQL trigger functions
}

// q quotes name in the flavor's SQL.
func (o *objGen) q(name string) string {
	if o.flavor == FlavorMySQL {
		return "`" + strings.ReplaceAll(name, "`", "``") + "`"
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// table returns the i-th table, round robin.
func (o *objGen) table(i int) *metadata.Table { return o.m.Tables[i%len(o.m.Tables)] }

// view adds view i: two columns of a table, or, every fifth, the columns of
// the view before it.
func (o *objGen) view(i int) {
	name := o.tables.claimSuffixed(fmt.Sprintf("v_%04d", i))
	v := &metadata.View{Name: name}
	if i%5 == 4 {
		prev := o.m.Views[len(o.m.Views)-1]
		v.Definition = "SELECT * FROM " + o.q(prev.Name)
		v.Reads = []string{prev.Name}
	} else {
		t := o.table(i)
		cols := t.Columns[:min(2, len(t.Columns))]
		list := make([]string, len(cols))
		for k, c := range cols {
			list[k] = o.q(c.Name)
		}
		v.Definition = "SELECT " + strings.Join(list, ", ") + " FROM " + o.q(t.Name)
		v.Reads = []string{t.Name}
	}
	o.m.Views = append(o.m.Views, v)
}

// function adds function i.
func (o *objGen) function(i int) {
	name := fmt.Sprintf("fn_%04d", i)
	r := &metadata.Routine{Kind: metadata.KindFunction, Name: name}
	switch {
	case o.flavor == FlavorMySQL:
		r.Arguments, r.Returns = "x int", "int"
		r.Definition = fmt.Sprintf("CREATE FUNCTION %s(x INT) RETURNS INT DETERMINISTIC RETURN x + %d", o.q(name), i)
	case i%2 == 1:
		r.Returns = "trigger"
		r.Definition = fmt.Sprintf("CREATE FUNCTION %s() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$", o.q(name))
		o.triggerF = append(o.triggerF, r)
	default:
		r.Arguments, r.Returns = "x integer", "integer"
		r.Definition = fmt.Sprintf("CREATE FUNCTION %s(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$SELECT x + %d$$", o.q(name), i)
	}
	o.m.Functions = append(o.m.Functions, r)
}

// trigger adds trigger i on a table. On PostgreSQL it executes one of the
// trigger functions, and is left out when there is none.
func (o *objGen) trigger(i int) {
	t := o.table(i)
	tr := &metadata.Trigger{Table: t.Name, Name: fmt.Sprintf("trg_%04d", i)}
	on := o.q(t.Name)
	switch o.flavor {
	case FlavorPostgres:
		if len(o.triggerF) == 0 {
			return
		}
		f := o.triggerF[i%len(o.triggerF)]
		tr.Function = f.Signature()
		tr.Definition = fmt.Sprintf("CREATE TRIGGER %s BEFORE INSERT OR UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION %s()", o.q(tr.Name), on, o.q(f.Name))
	case FlavorMySQL:
		tr.Definition = fmt.Sprintf("CREATE TRIGGER %s BEFORE INSERT ON %s FOR EACH ROW SET @retort_trg = %d", o.q(tr.Name), on, i)
	default:
		tr.Definition = fmt.Sprintf("CREATE TRIGGER %s AFTER INSERT ON %s BEGIN SELECT %d; END", o.q(tr.Name), on, i)
	}
	o.m.Triggers = append(o.m.Triggers, tr)
}
