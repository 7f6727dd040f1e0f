package metadata

// Inherit names a table another inherits from (PostgreSQL's INHERITS,
// table inheritance; declarative partitioning is [PartitionOf]). A child
// has its parents' columns, in the parents' order, then its own: its
// Columns in the model are only those it declares itself (the catalog's
// attislocal), as pg_dump writes it.
type Inherit struct {
	// Schema is the parent's schema; empty: the child's own.
	Schema string
	// Table is the parent's name.
	Table string
}

// ParentRef returns the parent's schema (the child's own when i names
// none) and name.
func (i Inherit) ParentRef(t *Table) (schema, name string) {
	if i.Schema != "" {
		return i.Schema, i.Table
	}
	return t.Schema, i.Table
}

// inheritedColumns returns the columns t inherits from its parents, each
// name once, in the parents' order; a parent m lacks contributes none.
// depth bounds a cycle of parents.
func (m *MetaData) inheritedColumns(t *Table, depth int) []*Column {
	if depth > len(m.Tables) {
		return nil
	}
	var out []*Column
	seen := map[string]bool{}
	for _, in := range t.Inherits {
		p := m.Table(in.ParentRef(t))
		if p == nil {
			continue
		}
		for _, c := range append(m.inheritedColumns(p, depth+1), p.Columns...) {
			if !seen[c.Name] {
				seen[c.Name] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// withInherited returns the inherited columns followed by t's own that
// are not among them (a column declared in both is merged into the
// inherited one's place, as PostgreSQL does).
func withInherited(inherited, own []*Column) []*Column {
	if len(inherited) == 0 {
		return own
	}
	out := append([]*Column(nil), inherited...)
	at := map[string]int{}
	for i, c := range out {
		at[c.Name] = i
	}
	for _, c := range own {
		if i, ok := at[c.Name]; ok {
			out[i] = c
			continue
		}
		out = append(out, c)
	}
	return out
}
