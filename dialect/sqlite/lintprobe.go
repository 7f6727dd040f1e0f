package sqlite

import (
	"context"
	"database/sql"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/ops"
)

var _ dialect.LockProber = (*Dialect)(nil)

// ProbeStatement runs st on the scratch db. SQLite has one lock, on the
// whole database: every write statement holds it exclusively until its
// transaction ends, and nothing finer can be measured. A statement of a
// table recreate (labelled by Progress) rewrites the table.
func (*Dialect) ProbeStatement(ctx context.Context, db *sql.DB, st dialect.Statement) (dialect.Probe, error) {
	if _, err := db.ExecContext(ctx, st.SQL, st.Args...); err != nil {
		return dialect.Probe{}, err
	}
	return dialect.Probe{
		Measured:     true,
		Locks:        []dialect.RelationLock{{Relation: "(database)", Mode: "EXCLUSIVE"}},
		BlocksWrites: true,
		Note:         "SQLite locks the whole database for any write",
	}, nil
}

// DocumentedProbe: the same database-wide write lock, unmeasured.
func (*Dialect) DocumentedProbe(op ops.Op) dialect.Probe {
	return dialect.Probe{
		Locks:        []dialect.RelationLock{{Relation: "(database)", Mode: "EXCLUSIVE"}},
		BlocksWrites: true,
		Note:         "SQLite locks the whole database for any write",
	}
}
