package metadata

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// colFlags are the shorthands one column is written with.
type colFlags struct {
	primaryKey, unique, index bool
	foreignKey                *ForeignKey
}

// plan says which keys of a table [Write] folds into column flags. [Read]
// puts the keys it expands from flags first, in column order, before the
// long forms; so only a leading run of a table's foreign keys (uniques,
// indexes) can be flags, and only with their columns in table order.
type plan struct {
	cols                          []colFlags
	primaryKey                    bool
	foreignKeys, uniques, indexes int // how many leading ones are flags
}

func (o *out) plan(t *Table) plan {
	pl := plan{cols: make([]colFlags, len(t.Columns))}
	if !o.short() {
		return pl
	}
	if pk := t.PrimaryKey; pk != nil && len(pk.Columns) == 1 && !pk.HasOptions() && o.derived(KindPrimaryKey, t, pk.Name, pk.Columns, "", nil) {
		if j := t.ColumnIndex(pk.Columns[0]); j >= 0 {
			pl.primaryKey, pl.cols[j].primaryKey = true, true
		}
	}
	pl.foreignKeys = leading(t, t.ForeignKeys, func(fk *ForeignKey) string {
		if len(fk.Columns) != 1 || len(fk.RefColumns) != 1 || fk.HasOptions() ||
			!dotless(fk.RefSchema) || !dotless(fk.RefTable) || !dotless(fk.RefColumns[0]) ||
			fk.RefTable == "" || fk.RefColumns[0] == "" ||
			!o.derived(KindForeignKey, t, fk.Name, fk.Columns, fk.RefTable, fk.RefColumns) {
			return ""
		}
		return fk.Columns[0]
	}, func(j int, fk *ForeignKey) { pl.cols[j].foreignKey = fk })
	pl.uniques = leading(t, t.Uniques, func(u *Unique) string {
		if len(u.Columns) != 1 || u.HasOptions() || !o.derived(KindUnique, t, u.Name, u.Columns, "", nil) {
			return ""
		}
		return u.Columns[0]
	}, func(j int, _ *Unique) { pl.cols[j].unique = true })
	pl.indexes = leading(t, t.Indexes, func(ix *Index) string {
		if len(ix.Columns) != 1 || len(ix.Expressions) > 0 || ix.Unique || ix.NullsNotDistinct || ix.Where != "" || ix.Using != "" ||
			ix.Keys != nil || len(ix.Include) > 0 || len(ix.With) > 0 || ix.Comment != "" ||
			!o.derived(KindIndex, t, ix.Name, ix.Columns, "", nil) {
			return ""
		}
		return ix.Columns[0]
	}, func(j int, _ *Index) { pl.cols[j].index = true })
	return pl
}

// leading returns how many of the first items can be column flags: col
// gives the one column an item could be a flag on ("" when it cannot be
// one), and each must come after the previous; mark records each.
func leading[T any](t *Table, items []T, col func(T) string, mark func(j int, item T)) int {
	last := -1
	for k, item := range items {
		name := col(item)
		j := t.ColumnIndex(name)
		if name == "" || j <= last {
			return k
		}
		mark(j, item)
		last = j
	}
	return len(items)
}

func dotless(s string) bool { return !strings.Contains(s, ".") }

// derived reports whether name can be left out: it is empty, or what the
// naming convention gives, so [Read] derives it again.
func (o *out) derived(kind string, t *Table, name string, cols []string, refTable string, refCols []string) bool {
	if name == "" {
		return true
	}
	d, err := o.m.DerivedName(kind, t, cols, refTable, refCols, "")
	return err == nil && d == name
}

// name adds a key's name unless the convention derives it (always in long
// forms).
func (o *out) name(b obj, kind string, t *Table, name string, cols []string, refTable string, refCols []string) {
	if !o.short() || !o.derived(kind, t, name, cols, refTable, refCols) {
		b.opt("name", name)
	}
}

func (o *out) index(t *Table, ix *Index) *yaml.Node {
	b := o.mapping(true)
	o.name(b, KindIndex, t, ix.Name, ix.Columns, "", nil)
	b.indexKeys(ix)
	b.flag("unique", ix.Unique)
	b.flag("nulls_not_distinct", ix.NullsNotDistinct)
	b.opt("where", ix.Where)
	b.opt("using", ix.Using)
	b.indexExtras(ix)
	return b.n
}

func (o *out) unique(t *Table, u *Unique) *yaml.Node {
	b := o.mapping(true)
	o.name(b, KindUnique, t, u.Name, u.Columns, "", nil)
	b.list("columns", u.Columns)
	b.flag("nulls_not_distinct", u.NullsNotDistinct)
	b.deferral(u.Deferrable, u.InitiallyDeferred)
	b.set1("comment", u.Comment)
	return b.n
}

// primaryKey writes the long form of a table's primary key.
func (o *out) primaryKey(t *Table, pk *PrimaryKey) *yaml.Node {
	b := o.mapping(true)
	o.name(b, KindPrimaryKey, t, pk.Name, pk.Columns, "", nil)
	b.list("columns", pk.Columns)
	b.deferral(pk.Deferrable, pk.InitiallyDeferred)
	b.flag("unnamed", pk.Unnamed)
	b.set1("comment", pk.Comment)
	return b.n
}

// deferral writes a constraint's deferrable and initially_deferred flags.
func (b obj) deferral(deferrable, initially bool) {
	b.flag("deferrable", deferrable)
	b.flag("initially_deferred", initially)
}

func (o *out) check(t *Table, c *Check) *yaml.Node {
	b := o.mapping(true)
	o.name(b, KindCheck, t, c.Name, nil, "", nil)
	b.set("expression", o.str(c.Expression))
	b.flag("no_inherit", c.NoInherit)
	b.flag("not_valid", c.NotValid)
	b.set1("comment", c.Comment)
	return b.n
}

func (o *out) foreignKey(t *Table, fk *ForeignKey) *yaml.Node {
	b := o.mapping(true)
	o.name(b, KindForeignKey, t, fk.Name, fk.Columns, fk.RefTable, fk.RefColumns)
	b.list("columns", fk.Columns)
	b.opt("ref_schema", fk.RefSchema)
	b.set("ref_table", o.str(fk.RefTable))
	b.list("ref_columns", fk.RefColumns)
	b.opt("on_delete", fk.OnDelete)
	b.opt("on_update", fk.OnUpdate)
	b.deferral(fk.Deferrable, fk.InitiallyDeferred)
	b.flag("unnamed", fk.Unnamed)
	b.flag("not_valid", fk.NotValid)
	b.set1("comment", fk.Comment)
	return b.n
}
