package metadata

// MetaData is a whole schema: extensions, enums, domains, sequences and
// tables, in declaration order.
// The order is kept so that a written schema.yaml diffs cleanly; comparisons
// that should not care about order sort first.
type MetaData struct {
	// NamingConvention derives names for unnamed constraints and indexes.
	// Nil means [DefaultNamingConvention].
	NamingConvention NamingConvention
	Enums            []*Enum
	// Sequences are the schema's sequences that no column owns
	// (PostgreSQL); a serial column's sequence is part of the column.
	Sequences []*Sequence
	// Extensions are the database's extensions (PostgreSQL), created
	// before everything else and dropped last.
	Extensions []*Extension
	// Domains are the schema's domains (PostgreSQL), created before the
	// tables whose columns have them and dropped after.
	Domains []*Domain
	Tables  []*Table
	// Views are the schema's views and materialized views, each after
	// the views it reads.
	Views []*View
	// Functions, Procedures and Aggregates are the schema's routines
	// (see [Routine]), created after the tables and before the views.
	Functions, Procedures, Aggregates []*Routine
	// Triggers are the tables' and views' triggers, created last.
	Triggers []*Trigger
	// RewriteRules are the tables' PostgreSQL rewrite rules, created after
	// the views, with the triggers.
	RewriteRules []*RewriteRule
	// Policies are the tables' PostgreSQL row-level security policies,
	// created after the routines and views their expressions may call.
	Policies []*Policy
	// Events are the MySQL/MariaDB scheduled events, created last.
	Events []*Event
	// Schemas are the PostgreSQL schemas that have a comment.
	Schemas []*Schema
}

// New returns an empty model with the default naming convention.
func New() *MetaData { return &MetaData{} }

// Table returns the table with the given schema and name, or nil.
// An empty schema means the database's default schema.
func (m *MetaData) Table(schema, name string) *Table {
	for _, t := range m.Tables {
		if t.Schema == schema && t.Name == name {
			return t
		}
	}
	return nil
}

// Enum returns the enum with the given schema and name, or nil.
func (m *MetaData) Enum(schema, name string) *Enum {
	for _, e := range m.Enums {
		if e.Schema == schema && e.Name == name {
			return e
		}
	}
	return nil
}

// AddTable appends t and returns it, for building a model in code.
func (m *MetaData) AddTable(t *Table) *Table {
	m.Tables = append(m.Tables, t)
	return t
}

// AddEnum appends an enum type and returns it.
func (m *MetaData) AddEnum(name string, values ...string) *Enum {
	e := &Enum{Name: name, Values: values}
	m.Enums = append(m.Enums, e)
	return e
}

// RemoveTable deletes the table with the given schema and name and reports
// whether it was there.
func (m *MetaData) RemoveTable(schema, name string) bool {
	for i, t := range m.Tables {
		if t.Schema == schema && t.Name == name {
			m.Tables = append(m.Tables[:i:i], m.Tables[i+1:]...)
			return true
		}
	}
	return false
}

// RemoveEnum deletes the enum with the given schema and name and reports
// whether it was there.
func (m *MetaData) RemoveEnum(schema, name string) bool {
	for i, e := range m.Enums {
		if e.Schema == schema && e.Name == name {
			m.Enums = append(m.Enums[:i:i], m.Enums[i+1:]...)
			return true
		}
	}
	return false
}

// Convention returns the naming convention in force: the model's own, or
// [DefaultNamingConvention] when it has none.
func (m *MetaData) Convention() NamingConvention {
	if m.NamingConvention == nil {
		return DefaultNamingConvention
	}
	return m.NamingConvention
}

// Clone returns a deep copy, so a fold or a diff can change it freely.
func (m *MetaData) Clone() *MetaData {
	if m == nil {
		return nil
	}
	c := &MetaData{NamingConvention: cloneMap(m.NamingConvention)}
	for _, e := range m.Enums {
		c.Enums = append(c.Enums, e.Clone())
	}
	for _, s := range m.Sequences {
		c.Sequences = append(c.Sequences, s.Clone())
	}
	c.Extensions = cloneEach(m.Extensions, (*Extension).Clone)
	c.Domains = cloneEach(m.Domains, (*Domain).Clone)
	for _, t := range m.Tables {
		c.Tables = append(c.Tables, t.Clone())
	}
	for _, v := range m.Views {
		c.Views = append(c.Views, v.Clone())
	}
	c.Functions = cloneEach(m.Functions, (*Routine).Clone)
	c.Procedures = cloneEach(m.Procedures, (*Routine).Clone)
	c.Aggregates = cloneEach(m.Aggregates, (*Routine).Clone)
	c.Triggers = cloneEach(m.Triggers, (*Trigger).Clone)
	c.RewriteRules = cloneEach(m.RewriteRules, (*RewriteRule).Clone)
	c.Policies = cloneEach(m.Policies, (*Policy).Clone)
	c.Events = cloneEach(m.Events, (*Event).Clone)
	c.Schemas = cloneEach(m.Schemas, (*Schema).Clone)
	return c
}

// Enum is a named set of values: CREATE TYPE on PostgreSQL, an inline ENUM
// on MySQL, a CHECK on SQLite.
type Enum struct {
	Schema string
	Name   string
	Values []string
}

// Clone returns a deep copy of e.
func (e *Enum) Clone() *Enum {
	c := *e
	c.Values = cloneSlice(e.Values)
	return &c
}

// QualifiedName returns schema.name, or name when the schema is the default.
func (e *Enum) QualifiedName() string { return qualify(e.Schema, e.Name) }

func qualify(schema, name string) string {
	if schema == "" {
		return name
	}
	return schema + "." + name
}

func cloneSlice[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append([]T(nil), s...)
}

func cloneMap[K comparable, V any](m map[K]V) map[K]V {
	if m == nil {
		return nil
	}
	c := make(map[K]V, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}
