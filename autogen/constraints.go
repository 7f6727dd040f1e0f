package autogen

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
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

// pairKeys is [pair] for a table's constraints of one kind, or, where the
// dialect renames constraints in place, [pairRenamed]: a target whose name
// somebody chose (not the one derived gives) that matches a current one of
// another name by definition is a rename_constraint, emitted here.
func pairKeys[T any](c *comparer, t *metadata.Table, target, current []T, name func(T) string, same func(a, b T, byName bool) bool,
	derived func(T) (string, error)) (create, drop []T) {
	if !c.renamesConstraints() {
		return pair(target, current, name, same)
	}
	create, drop, renames := pairRenamed(target, current, name, same, func(x T) bool {
		d, err := derived(x)
		return nameChosen(name(x), d, err)
	})
	for _, rn := range renames {
		c.p.dropKeys = append(c.p.dropKeys, &ops.RenameConstraint{TableRef: ref(t), ConstraintName: name(rn.from), NewName: name(rn.to)})
	}
	return create, drop
}

func (c *comparer) uniques(t, cur *metadata.Table) {
	create, drop := pairKeys(c, t, t.Uniques, cur.Uniques, func(u *metadata.Unique) string { return u.Name },
		func(a, b *metadata.Unique, _ bool) bool { return sameUnique(a, b) },
		func(u *metadata.Unique) (string, error) {
			return c.target.DerivedName(metadata.KindUnique, t, u.Columns, "", nil, "")
		})
	r := ref(t)
	for _, u := range drop {
		c.p.dropKeys = append(c.p.dropKeys, &ops.DropConstraint{TableRef: r, ConstraintName: u.Name,
			Type: ops.ConstraintUnique, Unique: u.Clone()})
	}
	for _, u := range create {
		c.p.createKeys = append(c.p.createKeys, &ops.CreateUniqueConstraint{TableRef: r, Unique: u.Clone()})
	}
	kept(t.Uniques, create, func(u *metadata.Unique) string { return u.Name }, cur.Unique, func(u, old *metadata.Unique) {
		c.constraintComment(r, u.Name, u.Comment, old.Comment)
	})
}

func (c *comparer) checks(t, cur *metadata.Table) {
	create, drop := pairKeys(c, t, t.Checks, cur.Checks, func(ck *metadata.Check) string { return ck.Name },
		func(a, b *metadata.Check, byName bool) bool {
			return a.NoInherit == b.NoInherit && c.sameExpr(t.QualifiedName()+" check "+a.Name,
				dialect.Expr{Kind: dialect.ExprCheck, Table: t, SQL: a.Expression},
				dialect.Expr{Kind: dialect.ExprCheck, Table: cur, SQL: b.Expression}, byName)
		},
		func(ck *metadata.Check) (string, error) {
			return c.target.DerivedName(metadata.KindCheck, t, nil, "", nil, "")
		})
	r := ref(t)
	for _, ck := range drop {
		c.p.dropKeys = append(c.p.dropKeys, &ops.DropConstraint{TableRef: r, ConstraintName: ck.Name,
			Type: ops.ConstraintCheck, Check: ck.Clone()})
	}
	for _, ck := range create {
		c.p.createKeys = append(c.p.createKeys, &ops.CreateCheckConstraint{TableRef: r, Check: ck.Clone()})
	}
	kept(t.Checks, create, func(ck *metadata.Check) string { return ck.Name }, cur.Check, func(ck, old *metadata.Check) {
		if old.NotValid != ck.NotValid {
			v := &ops.ValidateConstraint{TableRef: r, ConstraintName: ck.Name, Type: ops.ConstraintCheck, Check: old.Clone(), Invalidate: ck.NotValid}
			v.Check.NotValid = false
			c.p.createKeys = append(c.p.createKeys, v)
		}
		c.constraintComment(r, ck.Name, ck.Comment, old.Comment)
	})
}

func (c *comparer) foreignKeys(t, cur *metadata.Table) {
	create, drop := pairKeys(c, t, t.ForeignKeys, cur.ForeignKeys, func(fk *metadata.ForeignKey) string { return fk.Name },
		func(a, b *metadata.ForeignKey, _ bool) bool { return sameForeignKey(t, a, b) },
		func(fk *metadata.ForeignKey) (string, error) {
			return c.target.DerivedName(metadata.KindForeignKey, t, fk.Columns, fk.RefTable, fk.RefColumns, "")
		})
	r := ref(t)
	for _, fk := range drop {
		c.p.dropFKs = append(c.p.dropFKs, &ops.DropConstraint{TableRef: r, ConstraintName: fk.Name,
			Type: ops.ConstraintForeignKey, ForeignKey: fk.Clone()})
	}
	for _, fk := range create {
		c.p.createFKs = append(c.p.createFKs, &ops.CreateForeignKey{TableRef: r, ForeignKey: fk.Clone()})
	}
	kept(t.ForeignKeys, create, func(fk *metadata.ForeignKey) string { return fk.Name }, cur.ForeignKey, func(fk, old *metadata.ForeignKey) {
		if old.NotValid != fk.NotValid {
			v := &ops.ValidateConstraint{TableRef: r, ConstraintName: fk.Name, Type: ops.ConstraintForeignKey, ForeignKey: old.Clone(), Invalidate: fk.NotValid}
			v.ForeignKey.NotValid = false
			c.p.createFKs = append(c.p.createFKs, v)
		}
		c.constraintComment(r, fk.Name, fk.Comment, old.Comment)
	})
}

// kept calls fn with each named constraint of the target that the current
// side has by that name and that is not created again, and the current
// one: what may differ in validity or comment only.
func kept[T comparable](target, created []T, name func(T) string, find func(string) T, fn func(a, b T)) {
	var none T
	for _, a := range target {
		if n := name(a); n != "" && !slices.Contains(created, a) {
			if b := find(n); b != none {
				fn(a, b)
			}
		}
	}
}

// constraintComment emits comment_constraint when the target's comment
// on the constraint differs from the current one, unless comments are
// not compared: the comment is set without rebuilding the constraint.
func (c *comparer) constraintComment(r ops.TableRef, name, target, current string) {
	if c.opts.IgnoreComments || target == current {
		return
	}
	c.p.createKeys = append(c.p.createKeys, &ops.CommentConstraint{TableRef: r, ConstraintName: name, Comment: target, Existing: current, Known: true})
}

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
