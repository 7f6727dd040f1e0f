package metadata

import "slices"

// RewriteRule is a PostgreSQL rewrite rule of a table (CREATE RULE)
// ([MetaData.RewriteRules]); the _RETURN rule behind a view is part of the view
// and never a RewriteRule. Definition is the whole CREATE RULE statement as
// pg_get_ruledef(oid, true) prints it: the event, the WHERE condition,
// ALSO or INSTEAD and the commands are in it, and it is what is compared.
// MySQL and SQLite have no rules: a model with rules refuses to plan
// there.
type RewriteRule struct {
	// Schema is the schema of the rule's table; "" is the default.
	Schema string
	// Table is the table (or view) the rule is on.
	Table string
	// Name is the rule's name.
	Name string
	// Event is SELECT, INSERT, UPDATE or DELETE, for messages; the
	// definition holds it too. Not compared.
	Event string
	// Definition is the CREATE RULE statement, without a final
	// semicolon.
	Definition string
	// Comment is the rule's comment.
	Comment string
}

// Clone returns a copy of r (nil for nil).
func (r *RewriteRule) Clone() *RewriteRule {
	if r == nil {
		return nil
	}
	c := *r
	return &c
}

// QualifiedTable returns schema.table, or table in the default schema.
func (r *RewriteRule) QualifiedTable() string { return qualify(r.Schema, r.Table) }

// Label returns "name on schema.table", for messages.
func (r *RewriteRule) Label() string { return r.Name + " on " + r.QualifiedTable() }

// RewriteRule returns the rule of the given table and name, or nil.
func (m *MetaData) RewriteRule(schema, table, name string) *RewriteRule {
	for _, r := range m.RewriteRules {
		if r.Schema == schema && r.Table == table && r.Name == name {
			return r
		}
	}
	return nil
}

// RemoveRewriteRule deletes the rule of the given table and name and reports
// whether it was there.
func (m *MetaData) RemoveRewriteRule(schema, table, name string) bool {
	for i, r := range m.RewriteRules {
		if r.Schema == schema && r.Table == table && r.Name == name {
			m.RewriteRules = slices.Delete(slices.Clone(m.RewriteRules), i, i+1)
			if len(m.RewriteRules) == 0 {
				m.RewriteRules = nil
			}
			return true
		}
	}
	return false
}
