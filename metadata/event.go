package metadata

import "slices"

// EventStatuses lists the values [Event.Status] may take besides ""
// (ENABLE, the default).
var EventStatuses = []string{"disabled", "slaveside_disabled"}

// Event is a MySQL/MariaDB scheduled event (CREATE EVENT)
// ([MetaData.Events]). PostgreSQL and SQLite have none: a model with
// events refuses to plan there.
type Event struct {
	// Schema is the event's database; "" is the default one.
	Schema string
	// Name is the event's name.
	Name string
	// Schedule is the ON SCHEDULE clause as SHOW CREATE EVENT prints it:
	// AT '...' or EVERY n unit [STARTS '...'] [ENDS '...'].
	Schedule string
	// Preserve is ON COMPLETION PRESERVE: the event is kept once its
	// schedule has run out (false: NOT PRESERVE, dropped).
	Preserve bool
	// Status is "" (ENABLE), "disabled" or "slaveside_disabled".
	Status string
	// Body is the statement after DO, as the server keeps it.
	Body string
	// Comment is the event's comment.
	Comment string
	// Definer is the DEFINER account; "" leaves it to the server (the
	// account that runs the migration).
	Definer string
	// SQLMode is the sql_mode the event was created under; "" leaves it
	// to the session that creates it (see [Routine.SQLMode]).
	SQLMode string
	// TimeZone is the time zone its schedule's times are in; "" is the
	// session's.
	TimeZone string
}

// Clone returns a copy of e (nil for nil).
func (e *Event) Clone() *Event {
	if e == nil {
		return nil
	}
	c := *e
	return &c
}

// QualifiedName returns schema.name, or name in the default schema.
func (e *Event) QualifiedName() string { return qualify(e.Schema, e.Name) }

// Event returns the event with the given schema and name, or nil.
func (m *MetaData) Event(schema, name string) *Event {
	for _, e := range m.Events {
		if e.Schema == schema && e.Name == name {
			return e
		}
	}
	return nil
}

// RemoveEvent deletes the event with the given schema and name and
// reports whether it was there.
func (m *MetaData) RemoveEvent(schema, name string) bool {
	for i, e := range m.Events {
		if e.Schema == schema && e.Name == name {
			m.Events = slices.Delete(slices.Clone(m.Events), i, i+1)
			if len(m.Events) == 0 {
				m.Events = nil
			}
			return true
		}
	}
	return false
}
