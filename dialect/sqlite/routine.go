package sqlite

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// normalizeRoutines gives m's triggers the form Inspect reads: the text
// trimmed, in the default schema, without the comment, definer, sql_mode
// and function SQLite has none of. Routines and follows: are left for
// Plan to refuse.
func normalizeRoutines(m *metadata.MetaData) {
	for i, t := range m.Triggers {
		m.Triggers[i] = &metadata.Trigger{Table: t.Table, Name: t.Name, Definition: metadata.TrimDefinition(t.Definition),
			Follows: t.Follows} // kept for Plan to refuse
	}
	dialect.NormalizeRoutineOrder(m)
}
