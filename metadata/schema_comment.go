package metadata

import "slices"

// Schema is a PostgreSQL schema's own attributes ([MetaData.Schemas]):
// today its comment (COMMENT ON SCHEMA). A schema is otherwise created
// when its first object is; only a schema with a comment is listed, and
// the public schema's stock comment ('standard public schema', which
// every new database has) is not.
type Schema struct {
	// Name is the schema's name; "" is the default schema.
	Name string
	// Comment is the schema's comment; "" is none.
	Comment string
}

// Clone returns a copy of s (nil for nil).
func (s *Schema) Clone() *Schema {
	if s == nil {
		return nil
	}
	c := *s
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
// m.Schemas, or removing it when comment is "".
func (m *MetaData) SetSchemaComment(name, comment string) {
	i := slices.IndexFunc(m.Schemas, func(s *Schema) bool { return s.Name == name })
	m.Schemas = slices.Clone(m.Schemas)
	switch {
	case i >= 0 && comment == "":
		m.Schemas = slices.Delete(m.Schemas, i, i+1)
	case i >= 0:
		m.Schemas[i] = &Schema{Name: name, Comment: comment}
	case comment != "":
		m.Schemas = append(m.Schemas, &Schema{Name: name, Comment: comment})
	}
	if len(m.Schemas) == 0 {
		m.Schemas = nil
	}
}
