package postgres

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

var _ dialect.ViewTypeBinder = Postgres{}

// ViewsBindColumnTypes implements [dialect.ViewTypeBinder]: PostgreSQL
// refuses to alter the type of a column a view reads.
func (Postgres) ViewsBindColumnTypes() bool { return true }

// normalizeViews gives m's views the form Inspect reads: the query
// trimmed, MySQL's options (SQL SECURITY, ALGORITHM, DEFINER, the
// session character sets) left out, and the views in creation order.
func normalizeViews(m *metadata.MetaData) {
	for _, v := range m.Views {
		v.Definition = metadata.TrimDefinition(v.Definition)
		v.Security, v.Algorithm, v.Definer = "", "", ""
		v.CharacterSetClient, v.CollationConnection = "", ""
	}
	dialect.NormalizeViewOrder(m)
}
