package sqlite

import (
	"fmt"

	"github.com/retortdb/retort/ops"
)

// refuseOnline refuses the online options SQLite has no form for: its
// only lock is the database's write lock, which every change takes, so
// an index cannot be built while writes go on.
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
		}
	}
	return nil
}
