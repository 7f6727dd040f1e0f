package reflect

import (
	"cmp"
	"slices"

	"github.com/retortdb/retort/metadata"
)

// sortModel puts m in the order the package doc promises: tables and
// enums by schema then name. Columns, indexes and constraints keep the
// order the dialect read them in (deterministic per dialect).
func sortModel(m *metadata.MetaData) {
	slices.SortStableFunc(m.Tables, func(a, b *metadata.Table) int {
		return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Name, b.Name))
	})
	slices.SortStableFunc(m.Enums, func(a, b *metadata.Enum) int {
		return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Name, b.Name))
	})
}
