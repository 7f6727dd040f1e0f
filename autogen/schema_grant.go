package autogen

import (
	"slices"

	"github.com/retortdb/retort/dialect"
)

// schemaGrants compares the schemas' privileges: per schema either side
// lists, the revokes and grants that give the current privileges by role
// the target's (a schema neither side lists has the default ones).
func (c *comparer) schemaGrants() {
	var names []string
	for _, s := range append(slices.Clone(c.target.Schemas), c.current.Schemas...) {
		if !slices.Contains(names, s.Name) {
			names = append(names, s.Name)
		}
	}
	for _, name := range names {
		c.p.schemaGrants = append(c.p.schemaGrants,
			dialect.SchemaGrantOps(name, c.current.EffectiveGrants(name), c.target.EffectiveGrants(name))...)
	}
}
