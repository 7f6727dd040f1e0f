package reflect

import (
	"cmp"
	"slices"

	"github.com/retortdb/retort/metadata"
)

// sortModel puts m in the order the package doc promises: tables and
// enums by schema then name; indexes and constraints by name, stably, so
// unnamed ones keep the database's order. Columns keep theirs.
func sortModel(m *metadata.MetaData) {
	slices.SortStableFunc(m.Tables, func(a, b *metadata.Table) int {
		return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Name, b.Name))
	})
	slices.SortStableFunc(m.Enums, func(a, b *metadata.Enum) int {
		return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Name, b.Name))
	})
	for _, t := range m.Tables {
		byName(t.Indexes, func(x *metadata.Index) string { return x.Name })
		byName(t.Uniques, func(x *metadata.Unique) string { return x.Name })
		byName(t.Checks, func(x *metadata.Check) string { return x.Name })
		byName(t.ForeignKeys, func(x *metadata.ForeignKey) string { return x.Name })
	}
}

func byName[T any](s []T, name func(T) string) {
	slices.SortStableFunc(s, func(a, b T) int { return cmp.Compare(name(a), name(b)) })
}
