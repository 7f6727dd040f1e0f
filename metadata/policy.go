package metadata

import (
	"slices"
	"strings"
)

// RowSecurity is a PostgreSQL table's row-level security switches
// (ALTER TABLE ... ENABLE / FORCE ROW LEVEL SECURITY; pg_class's
// relrowsecurity and relforcerowsecurity). The zero value is a table
// without row security, as CREATE TABLE makes it.
type RowSecurity struct {
	// Enabled makes the table's policies apply to every role but the
	// owner and superusers: with no policy, they see no row.
	Enabled bool
	// Forced makes them apply to the table's owner too.
	Forced bool
}

// On reports whether either switch is set.
func (s RowSecurity) On() bool { return s.Enabled || s.Forced }

// Policy is a PostgreSQL row-level security policy of a table (CREATE
// POLICY) ([MetaData.Policies]). MySQL and SQLite have none: a model with
// policies, or with a table's RowSecurity set, refuses to plan there.
type Policy struct {
	// Schema is the schema of the policy's table; "" is the default.
	Schema string
	// Table is the table the policy is on.
	Table string
	// Name is the policy's name, unique per table.
	Name string
	// Restrictive makes the policy AS RESTRICTIVE (every such policy
	// must pass); false is PERMISSIVE, the default (any one passes).
	Restrictive bool
	// Command is ALL, SELECT, INSERT, UPDATE or DELETE; "" is ALL.
	Command string
	// Roles are the roles the policy applies to, sorted; none is PUBLIC
	// (every role).
	Roles []string
	// Using is the USING expression as pg_get_expr renders it; "" is
	// none.
	Using string
	// WithCheck is the WITH CHECK expression as pg_get_expr renders
	// it; "" is none.
	WithCheck string
	// Comment is the policy's comment.
	Comment string
}

// Clone returns a copy of p (nil for nil).
func (p *Policy) Clone() *Policy {
	if p == nil {
		return nil
	}
	c := *p
	c.Roles = slices.Clone(p.Roles)
	return &c
}

// QualifiedTable returns schema.table, or table in the default schema.
func (p *Policy) QualifiedTable() string { return qualify(p.Schema, p.Table) }

// Label returns "name on schema.table", for messages.
func (p *Policy) Label() string { return p.Name + " on " + p.QualifiedTable() }

// CommandOrAll returns the command, ALL when none is given.
func (p *Policy) CommandOrAll() string {
	if p.Command == "" {
		return "ALL"
	}
	return strings.ToUpper(p.Command)
}

// Policy returns the policy of the given table and name, or nil.
func (m *MetaData) Policy(schema, table, name string) *Policy {
	for _, p := range m.Policies {
		if p.Schema == schema && p.Table == table && p.Name == name {
			return p
		}
	}
	return nil
}

// RemovePolicy deletes the policy of the given table and name and
// reports whether it was there.
func (m *MetaData) RemovePolicy(schema, table, name string) bool {
	for i, p := range m.Policies {
		if p.Schema == schema && p.Table == table && p.Name == name {
			m.Policies = slices.Delete(slices.Clone(m.Policies), i, i+1)
			if len(m.Policies) == 0 {
				m.Policies = nil
			}
			return true
		}
	}
	return false
}

// policies checks that each policy is named once per table, on a table
// of the model.
func (v *validator) policies() {
	seen := map[string]bool{}
	for k, po := range v.m.Policies {
		p := Path("policies").Index(k)
		if !v.name(p.Field("name"), "a policy", po.Name) {
			continue
		}
		if seen[po.Label()] {
			v.add(p.Field("name"), "policy %s is declared twice; remove one", po.Label())
		}
		seen[po.Label()] = true
		if v.m.Table(po.Schema, po.Table) == nil {
			v.add(p.Field("table"), "policy %s: there is no table %s; declare it or fix table:", po.Name, po.QualifiedTable())
		}
	}
}
