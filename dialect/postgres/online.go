package postgres

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/ops"
)

var _ dialect.OnlineRewriter = Postgres{}

// OnlineForm is the online form of o on PostgreSQL: an index created or
// dropped CONCURRENTLY, a foreign key or check added NOT VALID and then
// validated (which scans under SHARE UPDATE EXCLUSIVE), and SET NOT NULL
// through a validated check (alter_column online:). Other ops, a type
// change among them (a rewrite unless it only widens a varchar or turns
// it into text), are returned as they are.
func (Postgres) OnlineForm(o ops.Op) []ops.Op {
	switch o := o.(type) {
	case *ops.CreateIndex:
		c := *o
		c.Concurrently = true
		return []ops.Op{&c}
	case *ops.DropIndex:
		c := *o
		c.Concurrently = true
		return []ops.Op{&c}
	case *ops.CreateForeignKey:
		if o.ForeignKey.Name == "" {
			return []ops.Op{o}
		}
		c := *o
		c.NotValid = true
		v := &ops.ValidateConstraint{TableRef: o.TableRef, ConstraintName: o.ForeignKey.Name, Type: ops.ConstraintForeignKey, ForeignKey: o.ForeignKey.Clone()}
		return []ops.Op{&c, v}
	case *ops.CreateCheckConstraint:
		if o.Check.Name == "" {
			return []ops.Op{o}
		}
		c := *o
		c.NotValid = true
		v := &ops.ValidateConstraint{TableRef: o.TableRef, ConstraintName: o.Check.Name, Type: ops.ConstraintCheck, Check: o.Check.Clone()}
		return []ops.Op{&c, v}
	case *ops.AlterColumn:
		if o.Nullable != nil && !*o.Nullable {
			c := *o
			c.Online = true
			return []ops.Op{&c}
		}
	}
	return []ops.Op{o}
}
