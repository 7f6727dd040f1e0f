package dialect

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/retortdb/retort/metadata"
)

// ReadConsistent calls read with a Queryer that sees one state of the
// database throughout, where q allows it. Given a *sql.DB, it begins a
// transaction with opts on one connection of the pool, passes the
// transaction to read and ends it (nothing is written). Given a *sql.Conn,
// a *sql.Tx or any other Queryer, it passes q as it is: the caller's
// connection or transaction decides what read sees, and no transaction is
// begun or ended on it.
//
// An Inspect reads through it so that its catalog queries agree with
// each other where the database keeps its catalog transactional; where it
// does not (or q is not a *sql.DB), [LeaveOutDropped] still keeps a table
// dropped between two queries out of the model.
func ReadConsistent(ctx context.Context, q Queryer, opts *sql.TxOptions, read func(Queryer) error) error {
	db, ok := q.(*sql.DB)
	if !ok {
		return read(q)
	}
	tx, err := db.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("beginning a read-only transaction: %w", err)
	}
	defer tx.Rollback()
	if err := read(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// LeaveOutDropped removes from m, with a warning each through warn, the
// tables that a catalog query run after all the others no longer lists
// (listed reports false for their model schema and name) and the tables
// read without any column: a table dropped while the catalog was read,
// which the queries after the drop would otherwise fill as a table
// without keys, indexes or checks. It returns the tables removed.
func LeaveOutDropped(m *metadata.MetaData, listed func(schema, name string) bool, warn func(format string, args ...any)) []*metadata.Table {
	var dropped []*metadata.Table
	kept := m.Tables[:0]
	for _, t := range m.Tables {
		if (len(t.Columns) > 0 || t.PartitionOf != nil || len(t.Inherits) > 0) && listed(t.Schema, t.Name) { // a partition has its parent's columns, an heir may have only its parents'
			kept = append(kept, t)
			continue
		}
		warn("%s", DroppedWarning(t.Schema, t.Name))
		dropped = append(dropped, t)
	}
	clear(m.Tables[len(kept):])
	m.Tables = kept
	return dropped
}

// DroppedWarning is the warning of a table left out because it was
// dropped while it was inspected.
func DroppedWarning(schema, name string) string {
	qualified := name
	if schema != "" {
		qualified = schema + "." + name
	}
	return fmt.Sprintf("table %s was dropped while inspecting; left out (inspect again to read the schema as it is now)", qualified)
}
