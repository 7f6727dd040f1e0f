package autogen

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// domains creates the target's new domains before the tables, drops those
// gone after the tables and columns that used them, and alters the rest:
// default, NOT NULL and checks (a check whose expression changed is
// dropped and added). A domain whose base type or collation changed is
// dropped and created, with a warning: PostgreSQL cannot do that while a
// column has the domain.
func (c *comparer) domains() {
	for _, d := range c.target.Domains {
		old := c.current.Domain(d.Schema, d.Name)
		switch {
		case old == nil:
			c.p.createDomains = append(c.p.createDomains, &ops.CreateDomain{Domain: d.Clone()})
		case !d.Type.Equal(old.Type) || d.Collation != old.Collation:
			c.p.warnf("domain %s: base type or collation changed; autogenerate drops and creates it, which fails while a column has it: edit the revision",
				d.QualifiedName())
			c.p.dropDomains = append(c.p.dropDomains, dropDomain(old))
			c.p.createDomains = append(c.p.createDomains, &ops.CreateDomain{Domain: d.Clone()})
		default:
			if a := c.alterDomain(d, old); a != nil {
				c.p.alterDomains = append(c.p.alterDomains, a)
			}
		}
	}
	for i := len(c.current.Domains) - 1; i >= 0; i-- {
		d := c.current.Domains[i]
		if c.target.Domain(d.Schema, d.Name) == nil {
			c.p.dropDomains = append(c.p.dropDomains, dropDomain(d))
		}
	}
}

func dropDomain(d *metadata.Domain) *ops.DropDomain {
	return &ops.DropDomain{Schema: d.Schema, DomainName: d.Name, Domain: d.Clone()}
}

// alterDomain returns the alter_domain that turns old into d, or nil.
func (c *comparer) alterDomain(d, old *metadata.Domain) *ops.AlterDomain {
	a := &ops.AlterDomain{Schema: d.Schema, DomainName: d.Name}
	probe := &metadata.Table{Schema: d.Schema, Name: d.Name}
	col := &metadata.Column{Name: "value", Type: d.Type, Nullable: !d.NotNull}
	object := "domain " + d.QualifiedName()
	if !c.sameExpr(object, dialect.Expr{Kind: dialect.ExprDefault, Table: probe, Column: col, SQL: d.Default},
		dialect.Expr{Kind: dialect.ExprDefault, Table: probe, Column: col, SQL: old.Default}, true) {
		a.Default, a.ExistingDefault = ptr(d.Default), ptr(old.Default)
	}
	if d.NotNull != old.NotNull {
		a.NotNull, a.ExistingNotNull = ptr(d.NotNull), ptr(old.NotNull)
	}
	for _, ck := range d.Checks {
		oc := old.Check(ck.Name)
		if oc != nil && c.sameExpr(object+" check "+ck.Name, dialect.Expr{Kind: dialect.ExprCheck, Table: probe, SQL: ck.Expression},
			dialect.Expr{Kind: dialect.ExprCheck, Table: probe, SQL: oc.Expression}, true) {
			continue
		}
		if oc != nil {
			a.DropChecks = append(a.DropChecks, oc.Clone())
		}
		a.AddChecks = append(a.AddChecks, ck.Clone())
	}
	for _, oc := range old.Checks {
		if d.Check(oc.Name) == nil {
			a.DropChecks = append(a.DropChecks, oc.Clone())
		}
	}
	if a.Default == nil && a.NotNull == nil && len(a.AddChecks) == 0 && len(a.DropChecks) == 0 {
		return nil
	}
	if a.NotNull != nil && *a.NotNull || len(a.AddChecks) > 0 {
		c.p.warnf("%s: the new NOT NULL or checks are validated against every column value of the domain; the upgrade fails where a row breaks them",
			object)
	}
	return a
}
