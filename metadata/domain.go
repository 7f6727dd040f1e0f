package metadata

// Domain is a PostgreSQL domain: a named base type with a default, NOT
// NULL and named checks (CREATE DOMAIN). A column whose type is the domain
// has the domain's name as its native type (native: year); the other
// databases have no domains.
type Domain struct {
	// Schema is the domain's schema; "" is the default schema.
	Schema string
	Name   string
	// Type is the base type.
	Type Type
	// Default is the domain's default as SQL text; "" is none.
	Default string
	// NotNull is the domain's NOT NULL.
	NotNull bool
	// Collation is the domain's COLLATE; "" is the base type's.
	Collation string
	// Checks are the domain's CHECK constraints, in which VALUE is the
	// value checked. Each has a name, as PostgreSQL gives one.
	Checks  []*Check
	Comment string
}

// Clone returns a deep copy of d.
func (d *Domain) Clone() *Domain {
	if d == nil {
		return nil
	}
	c := *d
	c.Type = d.Type.Clone()
	c.Checks = cloneEach(d.Checks, (*Check).Clone)
	return &c
}

// QualifiedName returns schema.name, or name in the default schema.
func (d *Domain) QualifiedName() string { return qualify(d.Schema, d.Name) }

// Check returns the domain's named check, or nil.
func (d *Domain) Check(name string) *Check {
	for _, c := range d.Checks {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// Domain returns the domain with the given schema and name, or nil.
func (m *MetaData) Domain(schema, name string) *Domain {
	for _, d := range m.Domains {
		if d.Schema == schema && d.Name == name {
			return d
		}
	}
	return nil
}

// RemoveDomain deletes the domain with the given schema and name and
// reports whether it was there.
func (m *MetaData) RemoveDomain(schema, name string) bool {
	for i, d := range m.Domains {
		if d.Schema == schema && d.Name == name {
			m.Domains = append(m.Domains[:i:i], m.Domains[i+1:]...)
			if len(m.Domains) == 0 {
				m.Domains = nil
			}
			return true
		}
	}
	return false
}
