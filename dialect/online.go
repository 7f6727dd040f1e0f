package dialect

import (
	"fmt"

	"github.com/retortdb/retort/ops"
)

// RefuseAlterModes returns an error naming the first op of list that asks
// for MySQL/MariaDB's ALGORITHM= or LOCK= (ops.AlterMode), for the
// dialects that have no such clauses: db is the database's name for the
// message, why what it does instead. Planning the op without them would
// silently take whatever lock the database takes, which is what the
// options are there to prevent.
func RefuseAlterModes(db, why string, list []ops.Op) error {
	for i, o := range list {
		m, ok := o.(ops.Moder)
		if !ok || m.Mode().IsZero() {
			continue
		}
		return fmt.Errorf("%s: op %d (%s): algorithm: and lock: are MySQL/MariaDB's; %s has no ALGORITHM= or LOCK= (%s): remove them, or keep them in a MySQL-only revision", db, i+1, o.Name(), db, why)
	}
	return nil
}
