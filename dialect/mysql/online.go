package mysql

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

var _ dialect.OnlineRewriter = (*Dialect)(nil)

// inplace is the mode of a change InnoDB makes without blocking writes.
var inplace = ops.AlterMode{Algorithm: "INPLACE", Lock: "NONE"}

// OnlineForm is the online form of o on MySQL/MariaDB: the ALGORITHM= and
// LOCK= clauses InnoDB honours for the change, so that the server refuses
// it rather than copying the table under a lock. An added column is
// INSTANT (MySQL 8.0.12+, MariaDB 10.3+: a change of the data dictionary
// alone); an index built or dropped, a foreign key added (see
// inplaceForeignKey), a column made NOT NULL and a varchar widened are
// INPLACE with LOCK=NONE. Other ops, a type change that converts values
// among them, are returned as they are: InnoDB can only copy the table for
// them.
func (d *Dialect) OnlineForm(o ops.Op) []ops.Op {
	switch o := o.(type) {
	case *ops.AddColumn:
		if o.Mode().IsZero() && !o.Column.AutoIncrement {
			c := *o
			c.AlterMode = ops.AlterMode{Algorithm: "INSTANT"}
			return []ops.Op{&c}
		}
	case *ops.CreateIndex:
		if o.Mode().IsZero() && !o.Concurrently {
			c := *o
			c.AlterMode = inplace
			return []ops.Op{&c}
		}
	case *ops.DropIndex:
		if o.Mode().IsZero() && !o.Concurrently {
			c := *o
			c.AlterMode = inplace
			return []ops.Op{&c}
		}
	case *ops.CreateForeignKey:
		if o.Mode().IsZero() {
			c := *o
			c.AlterMode = inplace
			return []ops.Op{&c}
		}
	case *ops.AlterColumn:
		if o.Mode().IsZero() && inplaceAlter(o) {
			c := *o
			c.AlterMode = inplace
			return []ops.Op{&c}
		}
	}
	return []ops.Op{o}
}

// inplaceAlter reports an alter_column InnoDB makes in place: a change of
// nullability, or a varchar widened, and nothing else.
func inplaceAlter(o *ops.AlterColumn) bool {
	if o.NewName != "" || o.Default != nil || o.Comment != nil || o.AutoIncrement != nil || o.Charset != nil ||
		o.Collation != nil || o.Identity != nil || o.Sequence != nil || o.Generated != nil {
		return false
	}
	if o.Type == nil {
		return o.Nullable != nil
	}
	old := o.ExistingType
	return old != nil && old.Kind == metadata.Varchar && o.Type.Kind == metadata.Varchar && len(o.Type.Variants) == 0 &&
		o.Type.Length >= old.Length
}
