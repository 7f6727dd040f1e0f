package ops

import (
	"slices"

	"github.com/retortdb/retort/metadata"
)

// refersTo reports whether fk, a foreign key of owner, refers to the table
// schema.name: an empty RefSchema means the owner's schema.
func refersTo(owner *metadata.Table, fk *metadata.ForeignKey, schema, name string) bool {
	rs := fk.RefSchema
	if rs == "" {
		rs = owner.Schema
	}
	return rs == schema && fk.RefTable == name
}

// referrer returns a foreign key of another table that refers to
// schema.name (to its column, when column is not empty), with its table;
// with a column, the table's own foreign keys count too.
func referrer(m *metadata.MetaData, schema, name, column string) (*metadata.Table, *metadata.ForeignKey) {
	for _, t := range m.Tables {
		self := t.Schema == schema && t.Name == name
		if self && column == "" {
			continue
		}
		for _, fk := range t.ForeignKeys {
			if refersTo(t, fk, schema, name) && (column == "" || slices.Contains(fk.RefColumns, column)) {
				return t, fk
			}
		}
	}
	return nil, nil
}

// renameTableRefs points the foreign keys that refer to schema.old at new.
func renameTableRefs(m *metadata.MetaData, schema, old, new string) {
	for _, t := range m.Tables {
		for _, fk := range t.ForeignKeys {
			if refersTo(t, fk, schema, old) {
				fk.RefTable = new
			}
		}
	}
	renamePolicyTable(m, schema, old, new)
}

// renameColumnRefs renames column old of t to new in t's primary key,
// foreign keys, unique and exclusion constraints (their column elements
// and INCLUDE; an expression is SQL text, left as written) and indexes, and in the referred columns
// of every foreign key that refers to t.
func renameColumnRefs(m *metadata.MetaData, t *metadata.Table, old, new string) {
	if t.PrimaryKey != nil {
		replaceName(t.PrimaryKey.Columns, old, new)
	}
	for _, fk := range t.ForeignKeys {
		replaceName(fk.Columns, old, new)
	}
	for _, u := range t.Uniques {
		replaceName(u.Columns, old, new)
	}
	for _, x := range t.Exclusions {
		x.RenameColumn(old, new)
	}
	for _, ix := range t.Indexes {
		ix.RenameColumn(old, new)
	}
	for _, other := range m.Tables {
		for _, fk := range other.ForeignKeys {
			if refersTo(other, fk, t.Schema, t.Name) {
				replaceName(fk.RefColumns, old, new)
			}
		}
	}
}

func replaceName(names []string, old, new string) {
	for i, n := range names {
		if n == old {
			names[i] = new
		}
	}
}

// columnUser names an index or constraint of t over column, or returns "".
func columnUser(t *metadata.Table, column string) string {
	if pk := t.PrimaryKey; pk != nil && slices.Contains(pk.Columns, column) {
		return "primary key " + pk.Name
	}
	for _, fk := range t.ForeignKeys {
		if slices.Contains(fk.Columns, column) {
			return "foreign key " + fk.Name
		}
	}
	for _, u := range t.Uniques {
		if slices.Contains(u.Columns, column) {
			return "unique constraint " + u.Name
		}
	}
	for _, x := range t.Exclusions {
		if slices.Contains(x.Columns(), column) || slices.Contains(x.Include, column) {
			return "exclusion constraint " + x.Name
		}
	}
	for _, ix := range t.Indexes {
		if ix.UsesColumn(column) {
			return "index " + ix.Name
		}
	}
	return ""
}

// deleteFunc is slices.DeleteFunc, giving nil rather than an empty list,
// so that a model that lost its last index compares equal to one that had
// none.
func deleteFunc[S ~[]E, E any](s S, del func(E) bool) S {
	if s = slices.DeleteFunc(s, del); len(s) == 0 {
		return nil
	}
	return s
}

// ForgetDroppedReferrers takes out of m the foreign keys that refer to the
// table list[i] drops (when it is a DropTable) from tables that a later
// DropTable of list drops too: the tables of a cycle that SQLite creates
// with forward references, whose downgrade drops them one after the other.
// Once list is applied, no key is left dangling; a database that needs the
// key gone first (PostgreSQL, MySQL) refuses the DROP TABLE itself.
func ForgetDroppedReferrers(m *metadata.MetaData, list []Op, i int) {
	o, ok := list[i].(*DropTable)
	if !ok {
		return
	}
	later := map[TableRef]bool{}
	for _, next := range list[i+1:] {
		if d, ok := next.(*DropTable); ok {
			later[d.TableRef] = true
		}
	}
	for _, t := range m.Tables {
		if !later[TableRef{Schema: t.Schema, Table: t.Name}] {
			continue
		}
		kept := t.ForeignKeys[:0:0]
		for _, fk := range t.ForeignKeys {
			if !refersTo(t, fk, o.Schema, o.TableRef.Table) {
				kept = append(kept, fk)
			}
		}
		t.ForeignKeys = kept
	}
}
