package schemagen

import "github.com/retortdb/retort/metadata"

// uniqueNames renames, with a numeric suffix, any index or constraint whose
// name another object of the schema already has. All names share one
// namespace, the strictest of the databases' rules: PostgreSQL keeps table,
// index and key-constraint names in one namespace per schema, MySQL wants
// foreign key and check names unique per schema and index names per table,
// and MySQL compares names case- and accent-insensitively.
func uniqueNames(m *metadata.MetaData) {
	seen := nameSet{}
	for _, e := range m.Enums {
		seen.claim(e.Name)
	}
	for _, t := range m.Tables {
		seen.claim(t.Name)
	}
	for _, t := range m.Tables {
		for _, name := range constraintNames(t) {
			if !seen.claim(*name) {
				*name = seen.claimSuffixed(*name)
			}
		}
	}
}

// constraintNames returns pointers to the names of t's constraints and
// indexes, in a fixed order.
func constraintNames(t *metadata.Table) []*string {
	var names []*string
	if t.PrimaryKey != nil {
		names = append(names, &t.PrimaryKey.Name)
	}
	for _, u := range t.Uniques {
		names = append(names, &u.Name)
	}
	for _, ix := range t.Indexes {
		names = append(names, &ix.Name)
	}
	for _, fk := range t.ForeignKeys {
		names = append(names, &fk.Name)
	}
	for _, c := range t.Checks {
		names = append(names, &c.Name)
	}
	return names
}
