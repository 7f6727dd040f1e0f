package mysql

import (
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// implicitIndexClauses returns the KEY clauses of the indexes MySQL made
// behind t's foreign keys when it named the keys itself (<table>_ibfk_<n>):
// such an index is named after the key's first column, and reflection
// hides it (isImplicitFKIndex). Creating the key by its name alone makes
// MySQL name the index after the key instead, so a table adopted with an
// unnamed key would rebuild with another index name (issue 13); written
// out, the index is the one the adopted table has. A key that a key or
// index of t already covers gets none, as MySQL made none.
func (p *planner) implicitIndexClauses(t *metadata.Table, fks []*metadata.ForeignKey) []string {
	work := &metadata.Table{Name: t.Name, PrimaryKey: t.PrimaryKey, Uniques: t.Uniques, Indexes: append([]*metadata.Index(nil), t.Indexes...)}
	taken := func(name string) bool {
		for _, ix := range work.Indexes {
			if strings.EqualFold(ix.Name, name) {
				return true
			}
		}
		for _, u := range work.Uniques {
			if strings.EqualFold(u.Name, name) {
				return true
			}
		}
		return false
	}
	var out []string
	for _, fk := range fks {
		name := implicitIndexName(t, fk)
		if len(fk.Columns) == 0 || name == fk.Name || covered(work, fk.Columns, "") || taken(name) {
			continue
		}
		work.Indexes = append(work.Indexes, &metadata.Index{Name: name, Columns: fk.Columns})
		out = append(out, "KEY "+p.d.QuoteIdent(name)+" ("+dialect.QuoteList(p.d, fk.Columns)+")")
	}
	return out
}
