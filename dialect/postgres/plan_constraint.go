package postgres

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// nullsNotDistinctGuard refuses UNIQUE NULLS NOT DISTINCT on a server
// older than 15, which has no such clause: a guard in the plan, not a
// version read at plan time, so that a --sql script carries it too, and
// the error says what to do instead of a syntax error.
const nullsNotDistinctGuard = `DO $$BEGIN IF current_setting('server_version_num')::int < 150000 THEN RAISE EXCEPTION 'retort: UNIQUE NULLS NOT DISTINCT needs PostgreSQL 15 or later; upgrade the server, or remove nulls_not_distinct (NULLs then never collide) or use a unique index over coalesce() of the columns'; END IF; END$$`

// versionGuards returns the guards o needs before its statements: one
// when it creates a unique constraint with NULLS NOT DISTINCT.
func versionGuards(o ops.Op) []dialect.Statement {
	var uniques []*metadata.Unique
	switch o := o.(type) {
	case *ops.CreateTable:
		uniques = o.Table.Uniques
	case *ops.CreateUniqueConstraint:
		uniques = []*metadata.Unique{o.Unique}
	}
	for _, u := range uniques {
		if u.NullsNotDistinct {
			return stmts(nullsNotDistinctGuard)
		}
	}
	return nil
}
