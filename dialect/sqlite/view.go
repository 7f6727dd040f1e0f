package sqlite

import (
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// normalizeViews gives m's views the form Inspect reads: the query
// trimmed, in the default schema, without the options and comments SQLite
// has none of, in creation order.
func normalizeViews(m *metadata.MetaData) {
	for i, v := range m.Views {
		m.Views[i] = &metadata.View{Name: v.Name, Definition: metadata.TrimDefinition(v.Definition),
			Materialized: v.Materialized, Indexes: v.Indexes, Reads: v.Reads}
	}
	dialect.NormalizeViewOrder(m)
}

// buildViews reads the views of the catalog, after its tables, in
// creation order.
func (c *catalog) buildViews(m *metadata.MetaData, warn func(string, ...any)) {
	known := map[string]string{}
	for _, t := range m.Tables {
		known[strings.ToLower(t.Name)] = t.Name
	}
	for _, o := range c.objects {
		if o.typ == "view" {
			known[strings.ToLower(o.name)] = o.name
		}
	}
	for _, o := range c.objects {
		if o.typ != "view" {
			continue
		}
		v, err := viewFromSQL(o.name, o.sql, known)
		if err != nil {
			warn("sqlite: view %q: %v; it is not modelled (left as it is)", o.name, err)
			continue
		}
		m.Views = append(m.Views, v)
	}
	dialect.NormalizeViewOrder(m)
}
