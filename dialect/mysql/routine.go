package mysql

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// normalizeRoutines gives m's routines and triggers the form Inspect
// reads: definitions trimmed, PostgreSQL's comments (MySQL keeps a
// routine's comment in its definition) and trigger functions left out,
// in Inspect's order. A hand-written definition is not reprinted as the
// catalog would print it: see docs/design.md (functions, procedures and
// triggers).
func normalizeRoutines(m *metadata.MetaData) {
	for _, r := range m.AllRoutines() {
		r.Definition = metadata.TrimDefinition(r.Definition)
		r.Comment = ""
	}
	for _, t := range m.Triggers {
		t.Definition = metadata.TrimDefinition(t.Definition)
		t.Comment, t.Function = "", ""
	}
	dialect.NormalizeRoutineOrder(m)
}
