package metadata

import "slices"

// Schema is a PostgreSQL schema's own attributes ([MetaData.Schemas]):
// its comment (COMMENT ON SCHEMA) and its privileges (GRANT ... ON
// SCHEMA). A schema is otherwise created when its first object is; only
// a schema with a comment or grants is listed, and the public schema's
// stock comment ('standard public schema') and stock privileges, which
// every new database has, are not.
type Schema struct {
	// Name is the schema's name; "" is the default schema.
	Name string
	// Comment is the schema's comment; "" is none.
	Comment string
	// Grants are the schema's privileges for roles other than its owner
	// (see [SchemaGrant]); nil is those a new schema has.
	Grants []SchemaGrant
}

// Clone returns a copy of s (nil for nil).
func (s *Schema) Clone() *Schema {
	if s == nil {
		return nil
	}
	c := *s
	c.Grants = cloneGrants(s.Grants)
	return &c
}

// Schema returns the schema of the given name, or nil.
func (m *MetaData) Schema(name string) *Schema {
	for _, s := range m.Schemas {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// SetSchemaComment sets the comment of schema name, adding it to
// m.Schemas, or removing it when comment is "" and it has no grants.
func (m *MetaData) SetSchemaComment(name, comment string) {
	m.setSchema(name, func(s *Schema) { s.Comment = comment })
}

// setSchema changes schema name's entry (a new one when m has none),
// and drops the entry when it has neither a comment nor grants.
func (m *MetaData) setSchema(name string, change func(*Schema)) {
	i := slices.IndexFunc(m.Schemas, func(s *Schema) bool { return s.Name == name })
	m.Schemas = slices.Clone(m.Schemas)
	s := &Schema{Name: name}
	if i >= 0 {
		s = m.Schemas[i].Clone()
	}
	change(s)
	keep := s.Comment != "" || s.Grants != nil
	switch {
	case i >= 0 && !keep:
		m.Schemas = slices.Delete(m.Schemas, i, i+1)
	case i >= 0:
		m.Schemas[i] = s
	case keep:
		m.Schemas = append(m.Schemas, s)
	}
	if len(m.Schemas) == 0 {
		m.Schemas = nil
	}
}
