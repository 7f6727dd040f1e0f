package autogen

import (
	"slices"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// policies compares the PostgreSQL row-level security policies: a policy
// the target adds is created after the tables, routines and views its
// expressions may name, a changed one replaced (ALTER POLICY, or drop
// and create), and one the target lacks dropped first, before the
// routines and tables it may name. A table on both sides whose row
// security switches differ gets an alter_row_security.
func (c *comparer) policies() {
	for _, t := range c.target.Tables {
		if cur := c.current.Table(t.Schema, t.Name); cur != nil && cur.RowSecurity != t.RowSecurity {
			was := cur.RowSecurity
			c.p.alterColumns = append(c.p.alterColumns, &ops.AlterRowSecurity{TableRef: ref(t), RowSecurity: t.RowSecurity, Existing: &was})
		}
	}
	find := func(m *metadata.MetaData) func(*metadata.Policy) (*metadata.Policy, bool) {
		return func(p *metadata.Policy) (*metadata.Policy, bool) {
			o := m.Policy(p.Schema, p.Table, p.Name)
			return o, o != nil
		}
	}
	diffNamed(c.target.Policies, c.current.Policies, find(c.current), find(c.target), c.samePolicy,
		func(t *metadata.Policy) {
			c.p.createPolicies = append(c.p.createPolicies, &ops.CreatePolicy{Policy: t.Clone()})
		},
		func(t, cp *metadata.Policy) {
			c.p.createPolicies = append(c.p.createPolicies, &ops.ReplacePolicy{Policy: t.Clone(), Existing: cp.Clone()})
		},
		func(cp *metadata.Policy) { c.p.dropPolicies = append(c.p.dropPolicies, ops.DropPolicyOf(cp)) })
}

// samePolicy reports whether two policies of one table and name are the
// same: kind, command, roles, comment, and the expressions (samePolicyExpr).
func (c *comparer) samePolicy(a, b *metadata.Policy) bool {
	if a.Restrictive != b.Restrictive || a.CommandOrAll() != b.CommandOrAll() || a.Comment != b.Comment ||
		!slices.Equal(metadata.NormalizeRoles(a.Roles), metadata.NormalizeRoles(b.Roles)) {
		return false
	}
	ta, tb := c.target.Table(a.Schema, a.Table), c.current.Table(b.Schema, b.Table)
	return c.samePolicyExpr(ta, tb, a.Using, b.Using) && c.samePolicyExpr(ta, tb, a.WithCheck, b.WithCheck)
}

// samePolicyExpr compares two policy expressions offline only: the same
// text, or what the dialect's rules judge the same as boolean expressions
// on the table. The database is not asked (it would render them as CHECK
// constraints, which refuse the subqueries policies often hold, failing
// the whole batch), and a pair the rules cannot decide is a change: a
// replace_policy too many is harmless, a changed policy left as it was is
// not.
func (c *comparer) samePolicyExpr(ta, tb *metadata.Table, x, y string) bool {
	if x == y {
		return true
	}
	if x == "" || y == "" {
		return false
	}
	eq, ok := c.d.(dialect.Equivalence)
	if !ok {
		return looseSQL(x) == looseSQL(y)
	}
	return eq.Equivalent(dialect.Expr{Kind: dialect.ExprCheck, Table: ta, SQL: x}, dialect.Expr{Kind: dialect.ExprCheck, Table: tb, SQL: y}) == dialect.Same
}

// describePolicyOp is the Detected line of a policy or row security op.
func describePolicyOp(o ops.Op) string {
	switch o := o.(type) {
	case *ops.CreatePolicy:
		return "Detected added policy '" + o.Policy.Label() + "'"
	case *ops.DropPolicy:
		return "Detected removed policy '" + o.PolicyName + " on " + (&metadata.Policy{Schema: o.Schema, Table: o.Table}).QualifiedTable() + "'"
	case *ops.ReplacePolicy:
		return "Detected changed policy '" + o.Policy.Label() + "'"
	case *ops.AlterRowSecurity:
		return "Detected changed row security on table '" + (&metadata.Policy{Schema: o.Schema, Table: o.Table}).QualifiedTable() + "'"
	}
	return "Detected " + o.Name()
}
