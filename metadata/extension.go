package metadata

// Extension is a PostgreSQL extension (CREATE EXTENSION): what it brings,
// its types and functions, belongs to it and is not modelled apart.
type Extension struct {
	Name string
	// Schema is the schema its objects are created in; "" is the
	// database's default schema.
	Schema string
	// Version is the version to install; "" is the default version, and
	// any installed version satisfies it.
	Version string
}

// Clone returns a copy of e.
func (e *Extension) Clone() *Extension {
	if e == nil {
		return nil
	}
	c := *e
	return &c
}

// Extension returns the extension with the given name, or nil.
func (m *MetaData) Extension(name string) *Extension {
	for _, e := range m.Extensions {
		if e.Name == name {
			return e
		}
	}
	return nil
}

// RemoveExtension deletes the named extension and reports whether it was
// there.
func (m *MetaData) RemoveExtension(name string) bool {
	for i, e := range m.Extensions {
		if e.Name == name {
			m.Extensions = append(m.Extensions[:i:i], m.Extensions[i+1:]...)
			if len(m.Extensions) == 0 {
				m.Extensions = nil
			}
			return true
		}
	}
	return false
}
