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
	for _, tr := range c.target.RewriteRules {
		cr := c.current.RewriteRule(tr.Schema, tr.Table, tr.Name)
		switch {
		case cr == nil:
			c.p.createRules = append(c.p.createRules, &ops.CreateRule{Rule: tr.Clone()})
		case !sameRule(tr, cr):
			c.p.createRules = append(c.p.createRules, &ops.ReplaceRule{Rule: tr.Clone(), Existing: cr.Clone()})
		}
	}
	for i := len(c.current.RewriteRules) - 1; i >= 0; i-- {
		cr := c.current.RewriteRules[i]
		if c.target.RewriteRule(cr.Schema, cr.Table, cr.Name) == nil {
			c.p.dropRules = append(c.p.dropRules, ops.DropRuleOf(cr))
		}
	}
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
