package dialect

import "github.com/retortdb/retort/metadata"

// DeferredFK is a foreign key that [SortTables] takes out of its table's
// CREATE TABLE, to be added once every table exists: the way a cycle of
// foreign keys is created.
type DeferredFK struct {
	Table      *metadata.Table
	ForeignKey *metadata.ForeignKey
}

// SortTables orders tables so that each comes after the tables its foreign
// keys refer to (a table referring to itself is fine) and a partition
// after the table it is a partition of, keeping the given
// order wherever the keys leave a choice. A cycle is broken at its first
// table in the given order: the keys from that table to tables not yet
// placed are returned as deferred, to add with ALTER TABLE after all the
// CREATEs. Keys to tables outside the list are ignored. The tables are not
// changed.
func SortTables(tables []*metadata.Table) (ordered []*metadata.Table, deferred []DeferredFK) {
	type key struct{ schema, name string }
	index := make(map[key]int, len(tables))
	for i, t := range tables {
		index[key{t.Schema, t.Name}] = i
	}
	refOf := func(t *metadata.Table, fk *metadata.ForeignKey) (int, bool) {
		s := fk.RefSchema
		if s == "" {
			s = t.Schema
		}
		j, ok := index[key{s, fk.RefTable}]
		return j, ok
	}
	placed := make([]bool, len(tables))
	ready := func(i int) bool {
		t := tables[i]
		if po := t.PartitionOf; po != nil {
			ps, pn := po.ParentRef(t)
			if j, ok := index[key{ps, pn}]; ok && !placed[j] {
				return false
			}
		}
		for _, in := range t.Inherits {
			ps, pn := in.ParentRef(t)
			if j, ok := index[key{ps, pn}]; ok && j != i && !placed[j] {
				return false
			}
		}
		for _, fk := range t.ForeignKeys {
			if j, ok := refOf(t, fk); ok && j != i && !placed[j] {
				return false
			}
		}
		return true
	}
	ordered = make([]*metadata.Table, 0, len(tables))
	for len(ordered) < len(tables) {
		progress := false
		for i := range tables {
			if !placed[i] && ready(i) {
				placed[i] = true
				ordered = append(ordered, tables[i])
				progress = true
			}
		}
		if progress {
			continue
		}
		// A cycle: break it at its first table in the given order, deferring
		// that table's keys to tables still waiting.
		i := firstOnCycle(len(tables), placed, func(i int, visit func(j int) bool) bool {
			t := tables[i]
			for _, fk := range t.ForeignKeys {
				if j, ok := refOf(t, fk); ok && j != i && !placed[j] && visit(j) {
					return true
				}
			}
			return false
		})
		t := tables[i]
		for _, fk := range t.ForeignKeys {
			if j, ok := refOf(t, fk); ok && j != i && !placed[j] {
				deferred = append(deferred, DeferredFK{Table: t, ForeignKey: fk})
			}
		}
		placed[i] = true
		ordered = append(ordered, t)
	}
	return ordered, deferred
}

// firstOnCycle returns the first unplaced node that can reach itself through
// unplaced nodes; deps calls visit for each unplaced dependency of a node and
// stops when visit returns true. When every node is blocked one is always on
// a cycle; the first unplaced node is the fallback all the same.
func firstOnCycle(n int, placed []bool, deps func(i int, visit func(j int) bool) bool) int {
	fallback := -1
	for start := 0; start < n; start++ {
		if placed[start] {
			continue
		}
		if fallback < 0 {
			fallback = start
		}
		seen := make(map[int]bool)
		var reach func(i int) bool
		reach = func(i int) bool {
			return deps(i, func(j int) bool {
				if j == start {
					return true
				}
				if seen[j] {
					return false
				}
				seen[j] = true
				return reach(j)
			})
		}
		if reach(start) {
			return start
		}
	}
	return fallback
}
