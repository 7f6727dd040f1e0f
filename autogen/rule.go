package autogen

import (
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// rules compares the PostgreSQL rewrite rules: a rule the target adds is
// created after the tables and views it may name, a changed one replaced
// in place (CREATE OR REPLACE RULE), and one the target lacks dropped
// first, before the tables it may name.
func (c *comparer) rules() {
	find := func(m *metadata.MetaData) func(*metadata.RewriteRule) (*metadata.RewriteRule, bool) {
		return func(r *metadata.RewriteRule) (*metadata.RewriteRule, bool) {
			o := m.RewriteRule(r.Schema, r.Table, r.Name)
			return o, o != nil
		}
	}
	diffNamed(c.target.RewriteRules, c.current.RewriteRules, find(c.current), find(c.target), sameRule,
		func(t *metadata.RewriteRule) {
			c.p.createRules = append(c.p.createRules, &ops.CreateRule{Rule: t.Clone()})
		},
		func(t, cr *metadata.RewriteRule) {
			c.p.createRules = append(c.p.createRules, &ops.ReplaceRule{Rule: t.Clone(), Existing: cr.Clone()})
		},
		func(cr *metadata.RewriteRule) { c.p.dropRules = append(c.p.dropRules, ops.DropRuleOf(cr)) })
}

// sameRule reports whether two rules of one table and name are the same:
// the definitions (pg_get_ruledef's text) up to spacing, and the
// comments.
func sameRule(a, b *metadata.RewriteRule) bool {
	return collapseSpace(a.Definition) == collapseSpace(b.Definition) && a.Comment == b.Comment
}

// describeRuleOp is the Detected line of a rule op.
func describeRuleOp(o ops.Op) string {
	switch o := o.(type) {
	case *ops.CreateRule:
		return "Detected added rule '" + o.Rule.Label() + "'"
	case *ops.DropRule:
		return "Detected removed rule '" + o.RuleName + " on " + (&metadata.RewriteRule{Schema: o.Schema, Table: o.Table}).QualifiedTable() + "'"
	case *ops.ReplaceRule:
		return "Detected changed rule '" + o.Rule.Label() + "'"
	}
	return "Detected " + o.Name()
}
