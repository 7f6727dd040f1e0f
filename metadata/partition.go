package metadata

// PartitionOf makes a table a partition of another (PostgreSQL's
// declarative partitioning): its rows are the parent's whose partition
// key falls within Bound. A partition has the parent's columns and none of
// its own (its Columns are empty in the model); it may have indexes and
// constraints of its own besides those it inherits, which are the
// parent's and are not repeated on it.
type PartitionOf struct {
	// Schema is the parent's schema; empty: the partition's own.
	Schema string
	// Table is the parent, a table with PartitionBy set.
	Table string
	// Bound is the partition bound as the catalog renders it
	// (pg_get_expr of relpartbound): FOR VALUES FROM (...) TO (...),
	// FOR VALUES IN (...), FOR VALUES WITH (MODULUS m, REMAINDER r), or
	// DEFAULT.
	Bound string
}

// Clone returns a copy of p (nil for nil).
func (p *PartitionOf) Clone() *PartitionOf {
	if p == nil {
		return nil
	}
	c := *p
	return &c
}

// ParentRef returns the parent's schema (the partition's own when p
// names none) and name.
func (p *PartitionOf) ParentRef(t *Table) (schema, name string) {
	if p.Schema != "" {
		return p.Schema, p.Table
	}
	return t.Schema, p.Table
}

// Parent returns the table t is a partition of, or nil when t is not a
// partition or m lacks its parent.
func (m *MetaData) Parent(t *Table) *Table {
	if t.PartitionOf == nil {
		return nil
	}
	return m.Table(t.PartitionOf.ParentRef(t))
}

// ColumnsOf returns t's columns: a partition's are its parent's (its
// parent's parent's, for a sub-partition), nil when m lacks the parent; a
// table that inherits (Inherits) has its parents' columns and then its
// own.
func (m *MetaData) ColumnsOf(t *Table) []*Column {
	for range len(m.Tables) { // a cycle of partitions ends here
		if t.PartitionOf == nil {
			return withInherited(m.inheritedColumns(t, 0), t.Columns)
		}
		if t = m.Parent(t); t == nil {
			return nil
		}
	}
	return nil
}
