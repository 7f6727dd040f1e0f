package postgres

import (
	"sort"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// normalizeColumnExtras spells a column's COLLATE and generation as
// Inspect reads them: "default" is no collation; a generation expression
// loses its outer parentheses and, generated, the column has no default.
// A column's character set is MySQL's.
func normalizeColumnExtras(c *metadata.Column) {
	c.Charset = ""
	if strings.EqualFold(c.Collation, "default") {
		c.Collation = ""
	}
	if g := c.Generated; g != nil {
		g.Expression = stripOuterParens(strings.TrimSpace(g.Expression))
		c.Default = ""
	}
}

// normalizeDomains spells domains as Inspect reads them (canonical base
// type, default, checks without outer parentheses) and sorts domains and
// extensions by name.
func normalizeDomains(m *metadata.MetaData) {
	for _, d := range m.Domains {
		d.Type, _ = CanonicalType(typeOf(d.Type))
		d.Default = NormalizeDefault(d.Default)
		if strings.EqualFold(d.Collation, "default") {
			d.Collation = ""
		}
		for _, c := range d.Checks {
			c.Expression = stripOuterParens(strings.TrimSpace(c.Expression))
		}
	}
	sort.SliceStable(m.Domains, func(i, j int) bool {
		a, b := m.Domains[i], m.Domains[j]
		if a.Schema != b.Schema {
			return a.Schema < b.Schema
		}
		return a.Name < b.Name
	})
	sort.SliceStable(m.Extensions, func(i, j int) bool { return m.Extensions[i].Name < m.Extensions[j].Name })
}
