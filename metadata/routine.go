package metadata

import "slices"

// Routine kinds: which list of the model a [Routine] belongs to, and the
// word of its ops (create_function, drop_procedure, ...).
const (
	// KindFunction is a function (CREATE FUNCTION).
	KindFunction = "function"
	// KindProcedure is a procedure (CREATE PROCEDURE).
	KindProcedure = "procedure"
	// KindAggregate is a PostgreSQL aggregate (CREATE AGGREGATE).
	KindAggregate = "aggregate"
)

// Routine is a function, procedure or PostgreSQL aggregate of the schema
// ([MetaData.Functions], [MetaData.Procedures], [MetaData.Aggregates]).
// Definition is the whole CREATE statement as the database renders it
// (pg_get_functiondef on PostgreSQL, an aggregate's attributes printed
// from pg_aggregate, MySQL's information_schema.ROUTINES and PARAMETERS
// printed in SHOW CREATE's order): every attribute the catalog keeps
// (returns, language, volatility, strictness, security, parallel, cost,
// DETERMINISTIC, SQL DATA ACCESS, the aggregate's SFUNC, STYPE,
// FINALFUNC, INITCOND ...) is in it, and it is what is compared. A
// routine is known by its schema, name and Arguments: PostgreSQL
// overloads a name.
type Routine struct {
	// Kind is KindFunction, KindProcedure or KindAggregate: the list it
	// is in (not written in schema.yaml).
	Kind string
	// Schema is the routine's schema; "" is the default schema.
	Schema string
	// Name is the routine's name.
	Name string
	// Arguments is the argument signature as the catalog prints it
	// (pg_get_function_identity_arguments; MySQL's parameter list): what
	// DROP names the routine by.
	Arguments string
	// Returns is the result type as the catalog prints it
	// (pg_get_function_result; MySQL's DTD_IDENTIFIER); "" for a
	// procedure. PostgreSQL cannot replace a function with another
	// result type: it is dropped and created.
	Returns string
	// Definition is the CREATE statement, without a final semicolon.
	Definition string
	// Comment is the routine's comment (PostgreSQL; on MySQL it is part
	// of the definition).
	Comment string
	// Definer is MySQL's DEFINER account (user@host); "" leaves it to the
	// server. Inspect records it only when it is another account than
	// the inspecting one.
	Definer string
	// SQLMode is the sql_mode a MySQL/MariaDB routine was created under
	// (it changes what the body does: strictness, ANSI_QUOTES, ...);
	// "" leaves it to the session that creates it. Inspect records it
	// only when it is not the inspecting session's.
	SQLMode string
	// Uses names the routines this one needs created first
	// (schema.name(arguments), name(arguments) in the default schema):
	// an aggregate's support functions, from the catalog's dependency
	// data. It orders creation and is not compared.
	Uses []string
}

// Clone returns a deep copy of r (nil for nil).
func (r *Routine) Clone() *Routine {
	if r == nil {
		return nil
	}
	c := *r
	c.Uses = cloneSlice(r.Uses)
	return &c
}

// QualifiedName returns schema.name, or name in the default schema.
func (r *Routine) QualifiedName() string { return qualify(r.Schema, r.Name) }

// Signature returns schema.name(arguments), the routine's identity.
func (r *Routine) Signature() string { return r.QualifiedName() + "(" + r.Arguments + ")" }

// Routines returns the routines of kind in m: its Functions, Procedures
// or Aggregates.
func (m *MetaData) Routines(kind string) []*Routine {
	switch kind {
	case KindProcedure:
		return m.Procedures
	case KindAggregate:
		return m.Aggregates
	}
	return m.Functions
}

// AllRoutines returns m's functions, procedures and aggregates, in that
// order: an aggregate's support functions come before it.
func (m *MetaData) AllRoutines() []*Routine {
	out := make([]*Routine, 0, len(m.Functions)+len(m.Procedures)+len(m.Aggregates))
	out = append(out, m.Functions...)
	out = append(out, m.Procedures...)
	return append(out, m.Aggregates...)
}

// setRoutines replaces m's list of kind.
func (m *MetaData) setRoutines(kind string, list []*Routine) {
	if len(list) == 0 {
		list = nil
	}
	switch kind {
	case KindProcedure:
		m.Procedures = list
	case KindAggregate:
		m.Aggregates = list
	default:
		m.Functions = list
	}
}

// Routine returns the routine of kind with the given schema, name and
// arguments, or nil.
func (m *MetaData) Routine(kind, schema, name, arguments string) *Routine {
	for _, r := range m.Routines(kind) {
		if r.Schema == schema && r.Name == name && r.Arguments == arguments {
			return r
		}
	}
	return nil
}

// AddRoutine appends r to the list of its kind.
func (m *MetaData) AddRoutine(r *Routine) {
	m.setRoutines(r.Kind, append(slices.Clone(m.Routines(r.Kind)), r))
}

// ReplaceRoutine puts r in the place of the routine of its kind and
// identity and reports whether there was one.
func (m *MetaData) ReplaceRoutine(r *Routine) bool {
	list := slices.Clone(m.Routines(r.Kind))
	for i, o := range list {
		if o.Schema == r.Schema && o.Name == r.Name && o.Arguments == r.Arguments {
			list[i] = r
			m.setRoutines(r.Kind, list)
			return true
		}
	}
	return false
}

// RemoveRoutine deletes the routine of kind with the given schema, name
// and arguments and reports whether it was there.
func (m *MetaData) RemoveRoutine(kind, schema, name, arguments string) bool {
	list := m.Routines(kind)
	for i, r := range list {
		if r.Schema == schema && r.Name == name && r.Arguments == arguments {
			m.setRoutines(kind, slices.Delete(slices.Clone(list), i, i+1))
			return true
		}
	}
	return false
}
