package sqlite

import (
	"fmt"

	"github.com/retortdb/retort/ops"
)

// refuseOnline refuses the online options SQLite has no form for: its
// only lock is the database's write lock, which every change takes, so
// an index cannot be built while writes go on, and a constraint is
// checked when its table is rebuilt.
func refuseOnline(list []ops.Op) error {
	for i, o := range list {
		switch o := o.(type) {
		case *ops.CreateIndex:
			if o.Concurrently {
				return fmt.Errorf("sqlite: op %d (create_index): concurrently: SQLite builds every index under its database write lock; remove concurrently: for SQLite (a per-dialect revision) or leave the index to a quiet moment", i+1)
			}
		case *ops.DropIndex:
			if o.Concurrently {
				return fmt.Errorf("sqlite: op %d (drop_index): concurrently: SQLite has no concurrent drop; remove concurrently: for SQLite", i+1)
			}
		case *ops.AlterColumn:
			if o.Online {
				return fmt.Errorf("sqlite: op %d (alter_column): online: SQLite changes a column by rebuilding its table under the database write lock; remove online: for SQLite", i+1)
			}
		case *ops.CreateForeignKey, *ops.CreateCheckConstraint, *ops.ValidateConstraint:
			if notValid(o) {
				return fmt.Errorf("sqlite: op %d (%s): SQLite has no NOT VALID constraints (a constraint is part of the table and checked when it is rebuilt); add it plainly", i+1, o.Name())
			}
		}
	}
	return nil
}

// notValid reports a NOT VALID constraint op or a validate_constraint.
func notValid(o ops.Op) bool {
	switch o := o.(type) {
	case *ops.CreateForeignKey:
		return o.IsNotValid()
	case *ops.CreateCheckConstraint:
		return o.IsNotValid()
	}
	return true
}
