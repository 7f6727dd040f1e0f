package postgres

import (
	"encoding/json"
	"slices"

	"github.com/retortdb/retort/metadata"
)

// inheritedColumn is a column a table has only from its parents, as read.
type inheritedColumn struct {
	table  tableKey
	attnum int
	column *metadata.Column
}

// inherits sets t's parents from the tables query's JSON list.
func (in *inspector) inherits(t *metadata.Table, schema, list string) error {
	if list == "" {
		return nil
	}
	var parents []struct{ S, T string }
	if err := json.Unmarshal([]byte(list), &parents); err != nil {
		return err
	}
	for _, p := range parents {
		i := metadata.Inherit{Table: p.T}
		if p.S != schema {
			i.Schema = in.schema(p.S)
		}
		t.Inherits = append(t.Inherits, i)
	}
	return nil
}

// keepInherited runs once every column is read. A column a child has only
// from its parents is left out of the child's model, where CREATE TABLE
// ... INHERITS brings it back, unless the child changed it (ALTER TABLE
// ONLY child ALTER COLUMN ... SET DEFAULT / SET NOT NULL): then it is
// kept as the child's own, so that the rebuilt child has the same column
// (declared in the child, PostgreSQL merges it into the inherited one).
func (in *inspector) keepInherited(m *metadata.MetaData) {
	touched := map[tableKey]bool{}
	for _, ic := range in.inherited {
		t := in.tables[ic.table]
		if t == nil {
			continue
		}
		if p := parentColumn(m, t, ic.column.Name); p != nil && sameInherited(p, ic.column) {
			continue
		}
		t.Columns = append(t.Columns, ic.column)
		touched[ic.table] = true
	}
	for k := range touched {
		nums := map[string]int{}
		for n, name := range in.attnames[k] {
			nums[name] = n
		}
		slices.SortFunc(in.tables[k].Columns, func(a, b *metadata.Column) int { return nums[a.Name] - nums[b.Name] })
	}
	in.inherited = nil
}

// parentColumn is the column named name that t inherits, or nil.
func parentColumn(m *metadata.MetaData, t *metadata.Table, name string) *metadata.Column {
	for _, in := range t.Inherits {
		if p := m.Table(in.ParentRef(t)); p != nil {
			if i := slices.IndexFunc(m.ColumnsOf(p), func(c *metadata.Column) bool { return c.Name == name }); i >= 0 {
				return m.ColumnsOf(p)[i]
			}
		}
	}
	return nil
}

// sameInherited reports whether a child's inherited column is still the
// parent's: what the child can change on its own is its default and its
// NOT NULL (and its comment, which the model keeps on the parent only).
func sameInherited(parent, child *metadata.Column) bool {
	// CREATE TABLE ... INHERITS copies the parent's storage and
	// compression, not its statistics target and options.
	copied := metadata.ColumnAttributes{Storage: parent.Attributes.Storage, Compression: parent.Attributes.Compression}
	return parent.Default == child.Default && parent.Nullable == child.Nullable && child.Comment == "" &&
		child.Attributes.Equal(copied)
}
