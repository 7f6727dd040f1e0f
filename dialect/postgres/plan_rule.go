package postgres

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// planRule renders the rewrite rule ops; ok is false for any other op.
func (p Postgres) planRule(o ops.Op) (out []dialect.Statement, ok bool, err error) {
	switch o := o.(type) {
	case *ops.CreateRule:
		out, err = p.createRule(o.Rule, false)
	case *ops.DropRule:
		out = stmts(p.dropRule(o.Schema, o.Table, o.RuleName))
	case *ops.ReplaceRule:
		out, err = p.createRule(o.Rule, true)
		if err == nil && o.Rule.Comment == "" && o.Existing != nil && o.Existing.Comment != "" {
			var c []dialect.Statement
			c, err = p.comment(p.ruleObject(o.Rule), "")
			out = append(out, c...)
		}
	default:
		return nil, false, nil
	}
	return out, true, err
}

// ruleObject is the rule as COMMENT ON names it: RULE name ON table.
func (p Postgres) ruleObject(r *metadata.RewriteRule) string {
	return "RULE " + p.QuoteIdent(r.Name) + " ON " + p.qname(r.Schema, r.Table)
}

// createRule runs the definition (made CREATE OR REPLACE when replace),
// then sets the comment.
func (p Postgres) createRule(r *metadata.RewriteRule, replace bool) ([]dialect.Statement, error) {
	def := r.Definition
	if replace {
		def = orReplace(def)
	}
	out := stmts(def)
	if r.Comment != "" {
		c, err := p.comment(p.ruleObject(r), r.Comment)
		if err != nil {
			return nil, err
		}
		out = append(out, c...)
	}
	return out, nil
}

func (p Postgres) dropRule(schema, table, name string) string {
	return "DROP RULE " + p.QuoteIdent(name) + " ON " + p.qname(schema, table)
}
