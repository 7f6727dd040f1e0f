package autogen

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// table compares a table that exists on both sides.
func (c *comparer) table(t, cur *metadata.Table) {
	r := ref(t)
	if a := c.alterTable(t, cur); a != nil {
		c.p.alterColumns = append(c.p.alterColumns, a)
	}
	var added, dropped []*metadata.Column
	for _, col := range t.Columns {
		old := cur.Column(col.Name)
		if old == nil {
			added = append(added, col)
			if !col.Nullable && col.Default == "" && !col.AutoIncrement {
				c.p.warnf("%s.%s is added NOT NULL without a default: the upgrade fails if the table has rows; add a default, or add it nullable, fill it, then alter it",
					t.QualifiedName(), col.Name)
			}
			c.p.addColumns = append(c.p.addColumns, &ops.AddColumn{TableRef: r, Column: col.Clone()})
			continue
		}
		if a := c.alterColumn(t, cur, col, old); a != nil {
			c.p.alterColumns = append(c.p.alterColumns, a)
		}
	}
	for _, old := range cur.Columns {
		if t.Column(old.Name) == nil {
			dropped = append(dropped, old)
			c.p.dropColumns = append(c.p.dropColumns, &ops.DropColumn{TableRef: r, ColumnName: old.Name, Column: old.Clone()})
		}
	}
	for _, d := range dropped {
		for _, a := range added {
			if d.Type.Equal(a.Type) {
				c.p.warnf("%s.%s looks like a rename of %s to %s; edit the revision to use alter_column new_name",
					t.QualifiedName(), a.Name, d.Name, a.Name)
			}
		}
	}
	if !c.opts.IgnoreComments && t.Comment != cur.Comment {
		old := cur.Comment
		c.p.alterColumns = append(c.p.alterColumns, &ops.SetTableComment{TableRef: r, Comment: t.Comment, ExistingComment: &old})
	}
	c.primaryKey(t, cur)
	c.indexes(t, cur)
	c.uniques(t, cur)
	c.checks(t, cur)
	c.exclusions(t, cur)
	c.foreignKeys(t, cur)
}

// alterColumn returns the alter_column that turns old into col, with every
// existing_* filled so that its Reverse is exact, or nil when they agree.
func (c *comparer) alterColumn(t, cur *metadata.Table, col, old *metadata.Column) *ops.AlterColumn {
	a := &ops.AlterColumn{TableRef: ref(t), ColumnName: col.Name}
	changed := false
	if !c.opts.IgnoreTypes && !c.sameType(t, col, old) {
		a.Type, changed = ptr(col.Type.Clone()), true
	}
	if col.Nullable != old.Nullable {
		a.Nullable, changed = ptr(col.Nullable), true
	}
	if g := c.generatedChange(t, col, old); g != nil {
		a.Generated, a.ExistingGenerated, changed = g, generatedOrZero(old.Generated), true
	}
	if !c.opts.IgnoreServerDefaults && !c.sameDefault(t, col, old) {
		a.Default, changed = ptr(col.Default), true
	}
	if !c.opts.IgnoreComments && col.Comment != old.Comment {
		a.Comment, changed = ptr(col.Comment), true
	}
	if col.AutoIncrement != old.AutoIncrement && !c.autoIncrementSatisfied(cur, col, old) {
		a.AutoIncrement, changed = ptr(col.AutoIncrement), true
	}
	if identityChanged(col, old) {
		a.Identity, a.ExistingIdentity, changed = ptr(col.Identity), ptr(old.Identity), true
		if col.Identity == metadata.IdentitySerial || old.Identity == metadata.IdentitySerial {
			a.Sequence, a.ExistingSequence = sequenceOrZero(col.Sequence), sequenceOrZero(old.Sequence)
		}
	}
	if cm, ok := c.d.(dialect.CharsetModeller); ok {
		cs, co := cm.EffectiveCharset(t, col)
		ocs, oco := cm.EffectiveCharset(cur, old)
		if !strings.EqualFold(cs, ocs) || !strings.EqualFold(co, oco) {
			a.Charset, a.Collation, changed = ptr(col.Charset), ptr(col.Collation), true
			a.ExistingCharset, a.ExistingCollation = ptr(old.Charset), ptr(old.Collation)
		}
	}
	if !col.Attributes.Equal(old.Attributes) {
		a.Attributes, a.ExistingAttributes, changed = ptr(col.Attributes.Clone()), ptr(old.Attributes.Clone()), true
	}
	if !changed {
		return nil
	}
	a.ExistingType = ptr(old.Type.Clone())
	a.ExistingNullable = ptr(old.Nullable)
	a.ExistingDefault = ptr(old.Default)
	a.ExistingComment = ptr(old.Comment)
	a.ExistingAutoIncrement = ptr(old.AutoIncrement)
	if a.AutoIncrement != nil {
		// Turning numbering on or off says which kind, both ways.
		a.Identity, a.ExistingIdentity = ptr(col.Identity), ptr(old.Identity)
		a.Sequence, a.ExistingSequence = sequenceOrZero(col.Sequence), sequenceOrZero(old.Sequence)
	}
	return a
}

// alterTable returns the alter_table that gives cur t's charset,
// collation and row format, or nil when they agree or the dialect does
// not model them. Charset and collation change together, so that the
// reverse restores both.
func (c *comparer) alterTable(t, cur *metadata.Table) *ops.AlterTable {
	cm, ok := c.d.(dialect.CharsetModeller)
	if !ok {
		return nil
	}
	a := &ops.AlterTable{TableRef: ref(t)}
	cs, co := cm.EffectiveCharset(t, nil)
	ocs, oco := cm.EffectiveCharset(cur, nil)
	changed := false
	if !strings.EqualFold(cs, ocs) || !strings.EqualFold(co, oco) {
		a.Charset, a.Collation, changed = ptr(t.Charset), ptr(t.Collation), true
		a.ExistingCharset, a.ExistingCollation = ptr(cur.Charset), ptr(cur.Collation)
	}
	if !strings.EqualFold(t.RowFormat, cur.RowFormat) {
		a.RowFormat, a.ExistingRowFormat, changed = ptr(t.RowFormat), ptr(cur.RowFormat), true
	}
	if !changed {
		return nil
	}
	return a
}

// sameTypeHere asks the dialect whether two types are the same on its
// database, where the whole model decided the spelling: each type is put
// alone in a one-column copy of the table (keeping primary key and
// autoincrement) and normalised. SQLite, for one, reads a bigint
// autoincrement key as integer unless bigint columns refer to it.
func (c *comparer) sameTypeHere(t *metadata.Table, col, old *metadata.Column) bool {
	probe := func(typ metadata.Type) metadata.Type {
		cc := col.Clone()
		cc.Type = typ.Clone()
		tb := &metadata.Table{Schema: t.Schema, Name: t.Name, Columns: []*metadata.Column{cc}}
		if t.PrimaryKey != nil && slices.Contains(t.PrimaryKey.Columns, col.Name) {
			tb.PrimaryKey = &metadata.PrimaryKey{Name: t.PrimaryKey.Name, Columns: []string{col.Name}}
		}
		m := &metadata.MetaData{Tables: []*metadata.Table{tb}, Enums: c.current.Enums}
		n := c.d.Normalize(m)
		if len(n.Tables) != 1 || len(n.Tables[0].Columns) != 1 {
			return typ
		}
		return n.Tables[0].Columns[0].Type
	}
	return probe(col.Type).Equal(probe(old.Type))
}

// primaryKey compares the primary keys by their columns and deferral (a
// name alone differing is the database's naming, not a change).
func (c *comparer) primaryKey(t, cur *metadata.Table) {
	pk, old := t.PrimaryKey, cur.PrimaryKey
	if pk != nil && old != nil && slices.Equal(pk.Columns, old.Columns) &&
		pk.Deferrable == old.Deferrable && pk.InitiallyDeferred == old.InitiallyDeferred {
		switch {
		case old.Name != "" && (pk.Name == "" || pk.Name == old.Name): // an unnamed key takes the database's name
			c.constraintComment(ref(t), old.Name, pk.Comment, old.Comment)
		case c.renamedPrimaryKey(t, pk, old):
			c.p.dropKeys = append(c.p.dropKeys, &ops.RenameConstraint{TableRef: ref(t), ConstraintName: old.Name, NewName: pk.Name})
			c.constraintComment(ref(t), pk.Name, pk.Comment, old.Comment)
		}
		return
	}
	if pk == nil && old == nil {
		return
	}
	r := ref(t)
	if old != nil {
		o := old.Clone()
		o.Name = pkName(t, o.Name)
		c.p.dropPKs = append(c.p.dropPKs, &ops.DropConstraint{TableRef: r, ConstraintName: o.Name,
			Type: ops.ConstraintPrimary, PrimaryKey: o})
	}
	if pk != nil {
		n := pk.Clone()
		n.Name = pkName(t, n.Name)
		c.p.createPKs = append(c.p.createPKs, &ops.CreatePrimaryKey{TableRef: r, PrimaryKey: n})
	}
}

// renamedPrimaryKey reports whether pk, the same key as old under another
// name, is a rename to report: the dialect renames constraints in place,
// both keys have names, and somebody chose pk's (it is not the name the
// naming convention derives, which takes the database's). As for the other
// constraints (pairKeys): a renamed key is a change, not an equality.
func (c *comparer) renamedPrimaryKey(t *metadata.Table, pk, old *metadata.PrimaryKey) bool {
	if !c.renamesConstraints() || old.Name == "" || strings.EqualFold(pk.Name, old.Name) {
		return false
	}
	derived, err := c.target.DerivedName(metadata.KindPrimaryKey, t, pk.Columns, "", nil, "")
	return nameChosen(pk.Name, derived, err)
}

// pkName is the name a primary key op carries: its own, or, where the
// database names none (MySQL's keys are all PRIMARY), PRIMARY, so that the
// op has a reverse.
func pkName(_ *metadata.Table, name string) string {
	if name == "" {
		return "PRIMARY"
	}
	return name
}

func ptr[T any](v T) *T { return &v }
