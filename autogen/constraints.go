package autogen

import (
	"slices"

	"github.com/retortdb/retort/dialect"
	"strings"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// pair matches the target's objects of one kind with the current ones:
// first by name, then (what is left, since names may be the database's
// own) by definition. An object whose name matches but whose definition
// differs is changed: dropped and created again. It returns the objects to
// create and those to drop, each in its side's order.
func pair[T any](target, current []T, name func(T) string, same func(a, b T, byName bool) bool) (create, drop []T) {
	create, drop, _ = pairRenamed(target, current, name, same, func(T) bool { return false })
	return create, drop
}

func (c *comparer) uniques(t, cur *metadata.Table) {
	create, drop := pair(t.Uniques, cur.Uniques, func(u *metadata.Unique) string { return u.Name },
		func(a, b *metadata.Unique, _ bool) bool {
			return sameUnique(a, b) && c.sameComment(a.Comment, b.Comment)
		})
	r := ref(t)
	for _, u := range drop {
		c.p.dropKeys = append(c.p.dropKeys, &ops.DropConstraint{TableRef: r, ConstraintName: u.Name,
			Type: ops.ConstraintUnique, Unique: u.Clone()})
	}
	for _, u := range create {
		c.p.createKeys = append(c.p.createKeys, &ops.CreateUniqueConstraint{TableRef: r, Unique: u.Clone()})
	}
}

func (c *comparer) checks(t, cur *metadata.Table) {
	create, drop := pair(t.Checks, cur.Checks, func(ck *metadata.Check) string { return ck.Name },
		func(a, b *metadata.Check, byName bool) bool {
			return a.NoInherit == b.NoInherit && c.sameComment(a.Comment, b.Comment) && c.sameExpr(t.QualifiedName()+" check "+a.Name,
				dialect.Expr{Kind: dialect.ExprCheck, Table: t, SQL: a.Expression},
				dialect.Expr{Kind: dialect.ExprCheck, Table: cur, SQL: b.Expression}, byName)
		})
	r := ref(t)
	for _, ck := range drop {
		c.p.dropKeys = append(c.p.dropKeys, &ops.DropConstraint{TableRef: r, ConstraintName: ck.Name,
			Type: ops.ConstraintCheck, Check: ck.Clone()})
	}
	for _, ck := range create {
		c.p.createKeys = append(c.p.createKeys, &ops.CreateCheckConstraint{TableRef: r, Check: ck.Clone()})
	}
	for _, ck := range t.Checks {
		if old := cur.Check(ck.Name); old != nil && ck.Name != "" && old.NotValid != ck.NotValid && !slices.Contains(create, ck) {
			v := &ops.ValidateConstraint{TableRef: r, ConstraintName: ck.Name, Type: ops.ConstraintCheck, Check: ck.Clone(), Invalidate: ck.NotValid}
			v.Check.NotValid = false
			c.p.createKeys = append(c.p.createKeys, v)
		}
	}
}

func (c *comparer) foreignKeys(t, cur *metadata.Table) {
	create, drop := pair(t.ForeignKeys, cur.ForeignKeys, func(fk *metadata.ForeignKey) string { return fk.Name },
		func(a, b *metadata.ForeignKey, _ bool) bool {
			return sameForeignKey(t, a, b) && c.sameComment(a.Comment, b.Comment)
		})
	r := ref(t)
	for _, fk := range drop {
		c.p.dropFKs = append(c.p.dropFKs, &ops.DropConstraint{TableRef: r, ConstraintName: fk.Name,
			Type: ops.ConstraintForeignKey, ForeignKey: fk.Clone()})
	}
	for _, fk := range create {
		c.p.createFKs = append(c.p.createFKs, &ops.CreateForeignKey{TableRef: r, ForeignKey: fk.Clone()})
	}
	for _, fk := range t.ForeignKeys {
		if old := cur.ForeignKey(fk.Name); old != nil && fk.Name != "" && old.NotValid != fk.NotValid && !slices.Contains(create, fk) {
			v := &ops.ValidateConstraint{TableRef: r, ConstraintName: fk.Name, Type: ops.ConstraintForeignKey, ForeignKey: fk.Clone(), Invalidate: fk.NotValid}
			v.ForeignKey.NotValid = false
			c.p.createFKs = append(c.p.createFKs, v)
		}
	}
}

// sameComment compares two constraints' comments, unless comments are
// not compared. A changed comment is the constraint dropped and created
// again with it (an exact reverse; PostgreSQL only has them).
func (c *comparer) sameComment(a, b string) bool { return c.opts.IgnoreComments || a == b }

// sameIndex compares two indexes: kind, columns, method, then expressions
// and predicate by meaning.
func (c *comparer) sameIndex(t *metadata.Table, a, b *metadata.Index, byName bool) bool {
	if a.Unique != b.Unique || a.NullsNotDistinct != b.NullsNotDistinct || !slices.Equal(a.Columns, b.Columns) || !strings.EqualFold(a.Using, b.Using) ||
		len(a.Expressions) != len(b.Expressions) || !sameIndexOptions(a, b) {
		return false
	}
	object := t.QualifiedName() + " index " + a.Name
	for i := range a.Expressions {
		if !c.sameExpr(object, dialect.Expr{Kind: dialect.ExprIndex, Table: t, SQL: a.Expressions[i]},
			dialect.Expr{Kind: dialect.ExprIndex, Table: t, SQL: b.Expressions[i]}, byName) {
			return false
		}
	}
	return c.sameExpr(object, dialect.Expr{Kind: dialect.ExprPredicate, Table: t, SQL: a.Where},
		dialect.Expr{Kind: dialect.ExprPredicate, Table: t, SQL: b.Where}, byName)
}

func sameForeignKey(t *metadata.Table, a, b *metadata.ForeignKey) bool {
	refSchema := func(fk *metadata.ForeignKey) string {
		if fk.RefSchema == "" {
			return t.Schema
		}
		return fk.RefSchema
	}
	return slices.Equal(a.Columns, b.Columns) && refSchema(a) == refSchema(b) && a.RefTable == b.RefTable &&
		slices.Equal(a.RefColumns, b.RefColumns) && action(a.OnDelete) == action(b.OnDelete) &&
		action(a.OnUpdate) == action(b.OnUpdate) && a.Deferrable == b.Deferrable &&
		a.InitiallyDeferred == b.InitiallyDeferred
}

// sameUnique compares two unique constraints: columns and options.
func sameUnique(a, b *metadata.Unique) bool {
	return slices.Equal(a.Columns, b.Columns) && a.NullsNotDistinct == b.NullsNotDistinct &&
		a.Deferrable == b.Deferrable && a.InitiallyDeferred == b.InitiallyDeferred
}

// action spells "no action" as empty, the two ways the model says it.
func action(s string) string {
	if strings.EqualFold(s, metadata.NoAction) {
		return ""
	}
	return strings.ToLower(s)
}
