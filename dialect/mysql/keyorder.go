package mysql

import (
	"slices"

	"github.com/retortdb/retort/metadata"
)

// sortKeys puts a table's unique constraints and indexes in the order the
// server keeps them (its key order, the one SHOW CREATE TABLE prints and
// information_schema.STATISTICS reads): unique keys on NOT NULL columns,
// then unique keys with a nullable column, then plain keys, then FULLTEXT
// keys; within a class, the order they were created in. The sort is
// stable, so a model's own order within a class is kept (and created in
// that order, it reflects the same).
func sortKeys(t *metadata.Table) {
	slices.SortStableFunc(t.Uniques, func(a, b *metadata.Unique) int {
		return keyClass(t, true, "", a.Columns) - keyClass(t, true, "", b.Columns)
	})
	slices.SortStableFunc(t.Indexes, func(a, b *metadata.Index) int {
		return keyClass(t, a.Unique, a.Using, a.Columns) - keyClass(t, b.Unique, b.Using, b.Columns)
	})
}

// keyClass is a key's rank in the server's key order (MariaDB's
// sort_keys, MySQL's the same classes).
func keyClass(t *metadata.Table, unique bool, using string, columns []string) int {
	switch {
	case using == "fulltext":
		return 3
	case !unique:
		return 2
	}
	for _, name := range columns {
		if c := t.Column(name); c == nil || c.Nullable {
			return 1
		}
	}
	return 0
}
