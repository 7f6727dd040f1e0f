package autogen

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// exclusions compares a table's exclusion constraints: one added is
// create_exclude_constraint, one removed or changed drop_constraint (and
// the create of the new one), each carrying the whole constraint; a
// changed comment is comment_constraint.
func (c *comparer) exclusions(t, cur *metadata.Table) {
	create, drop := pairKeys(c, t, t.Exclusions, cur.Exclusions, func(x *metadata.Exclusion) string { return x.Name },
		func(a, b *metadata.Exclusion, byName bool) bool { return c.sameExclusion(t, a, b, byName) },
		func(*metadata.Exclusion) (string, error) { return "", nil })
	r := ref(t)
	for _, x := range drop {
		c.p.dropKeys = append(c.p.dropKeys, &ops.DropConstraint{TableRef: r, ConstraintName: x.Name,
			Type: ops.ConstraintExclude, Exclusion: x.Clone()})
	}
	for _, x := range create {
		c.p.createKeys = append(c.p.createKeys, &ops.CreateExclusionConstraint{TableRef: r, Exclusion: x.Clone()})
	}
	kept(t.Exclusions, create, func(x *metadata.Exclusion) string { return x.Name }, cur.Exclusion, func(x, old *metadata.Exclusion) {
		c.constraintComment(r, x.Name, x.Comment, old.Comment)
	})
}

// sameExclusion compares two exclusion constraints: method (empty is
// btree), elements and operators, INCLUDE, deferral, and the
// expressions and predicate by meaning.
func (c *comparer) sameExclusion(t *metadata.Table, a, b *metadata.Exclusion, byName bool) bool {
	method := func(x *metadata.Exclusion) string {
		if x.Using == "" {
			return "btree"
		}
		return strings.ToLower(x.Using)
	}
	if method(a) != method(b) || len(a.Elements) != len(b.Elements) || !slices.Equal(a.Include, b.Include) ||
		a.Deferrable != b.Deferrable || a.InitiallyDeferred != b.InitiallyDeferred {
		return false
	}
	object := t.QualifiedName() + " exclusion constraint " + a.Name
	for i, x := range a.Elements {
		y := b.Elements[i]
		if x.Column != y.Column || x.Operator != y.Operator || (x.Expression == "") != (y.Expression == "") {
			return false
		}
		if x.Expression != "" && !c.sameExpr(object, dialect.Expr{Kind: dialect.ExprIndex, Table: t, SQL: x.Expression},
			dialect.Expr{Kind: dialect.ExprIndex, Table: t, SQL: y.Expression}, byName) {
			return false
		}
	}
	return c.sameExpr(object, dialect.Expr{Kind: dialect.ExprPredicate, Table: t, SQL: a.Where},
		dialect.Expr{Kind: dialect.ExprPredicate, Table: t, SQL: b.Where}, byName)
}
