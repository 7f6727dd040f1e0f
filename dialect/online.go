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

// OnlineRewriter is implemented by dialects that have online forms of
// ops, for revision --autogenerate --online: OnlineForm returns the ops
// that make o's change without holding a lock that stops reads or writes
// for long (PostgreSQL: an index built concurrently, a constraint added
// NOT VALID followed by its validate_constraint; MySQL/MariaDB: the op
// with ALGORITHM= and LOCK=), or o itself when it has none. The ops
// returned must carry what their reverse needs, as o did.
type OnlineRewriter interface {
	OnlineForm(o ops.Op) []ops.Op
}
