package metadata

import "slices"

// Trigger is a trigger of a table (or, PostgreSQL INSTEAD OF, of a view)
// ([MetaData.Triggers]). Definition is the whole CREATE TRIGGER statement
// as the database renders it (pg_get_triggerdef; MySQL's
// information_schema.TRIGGERS printed as SHOW CREATE TRIGGER prints it;
// the sqlite_schema text on SQLite): timing, events (UPDATE OF columns),
// FOR EACH ROW or STATEMENT, WHEN, and the function it executes or its
// body are in it, and it is what is compared.
type Trigger struct {
	// Schema is the schema of the trigger's table; "" is the default.
	Schema string
	// Table is the table (or view) the trigger is on.
	Table string
	// Name is the trigger's name.
	Name string
	// Definition is the CREATE TRIGGER statement, without a final
	// semicolon.
	Definition string
	// Comment is the trigger's comment (PostgreSQL).
	Comment string
	// Definer is MySQL's DEFINER account; "" leaves it to the server.
	Definer string
	// SQLMode is the sql_mode a MySQL/MariaDB trigger was created under;
	// "" leaves it to the session that creates it (see
	// [Routine.SQLMode]).
	SQLMode string
	// Follows is the trigger of the same table, timing and event this
	// MySQL/MariaDB trigger runs after (CREATE TRIGGER ... FOLLOWS): it
	// is created after that one. "" runs it after those created before
	// it; Inspect sets it only where a table's triggers run in another
	// order than their names' (ACTION_ORDER), on each of them but the
	// first.
	Follows string
	// Function is the routine a PostgreSQL trigger executes
	// (schema.name(arguments)): it is created first. Not compared.
	Function string
}

// Clone returns a copy of t (nil for nil).
func (t *Trigger) Clone() *Trigger {
	if t == nil {
		return nil
	}
	c := *t
	return &c
}

// QualifiedTable returns schema.table, or table in the default schema.
func (t *Trigger) QualifiedTable() string { return qualify(t.Schema, t.Table) }

// Label returns "name on schema.table", for messages.
func (t *Trigger) Label() string { return t.Name + " on " + t.QualifiedTable() }

// Trigger returns the trigger of the given table and name, or nil.
func (m *MetaData) Trigger(schema, table, name string) *Trigger {
	for _, t := range m.Triggers {
		if t.Schema == schema && t.Table == table && t.Name == name {
			return t
		}
	}
	return nil
}

// RemoveTrigger deletes the trigger of the given table and name and
// reports whether it was there.
func (m *MetaData) RemoveTrigger(schema, table, name string) bool {
	for i, t := range m.Triggers {
		if t.Schema == schema && t.Table == table && t.Name == name {
			m.Triggers = slices.Delete(slices.Clone(m.Triggers), i, i+1)
			if len(m.Triggers) == 0 {
				m.Triggers = nil
			}
			return true
		}
	}
	return false
}

// TriggersOf returns the triggers of m on the given table, in m's order.
func (m *MetaData) TriggersOf(schema, table string) []*Trigger {
	var out []*Trigger
	for _, t := range m.Triggers {
		if t.Schema == schema && t.Table == table {
			out = append(out, t)
		}
	}
	return out
}
