package sqlite

import "github.com/retortdb/retort/metadata"

// buildTriggers reads the triggers of sqlite_schema, already listed with
// the other objects (no extra query): the CREATE TRIGGER text as written,
// which SQLite keeps. A trigger on a table or view the model does not
// hold (a virtual table's) is left out with a warning.
func (c *catalog) buildTriggers(m *metadata.MetaData, warn func(string, ...any)) {
	for _, o := range c.objects {
		if o.typ != "trigger" || o.sql == "" {
			continue
		}
		if m.Table("", o.table) == nil && m.View("", o.table) == nil {
			warn("sqlite: trigger %q on %q, which is not modelled, is left out", o.name, o.table)
			continue
		}
		m.Triggers = append(m.Triggers, &metadata.Trigger{Table: o.table, Name: o.name, Definition: metadata.TrimDefinition(o.sql)})
	}
}
