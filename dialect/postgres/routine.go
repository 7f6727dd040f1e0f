package postgres

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// normalizeRoutines gives m's routines and triggers the form Inspect
// reads: definitions trimmed, MySQL's DEFINER left out, in Inspect's
// order.
func normalizeRoutines(m *metadata.MetaData) {
	for _, r := range m.AllRoutines() {
		r.Definition = metadata.TrimDefinition(r.Definition)
		r.Definer, r.SQLMode = "", ""
	}
	for _, t := range m.Triggers {
		t.Definition = metadata.TrimDefinition(t.Definition)
		t.Definer, t.SQLMode = "", ""
	}
	dialect.NormalizeRoutineOrder(m)
}
