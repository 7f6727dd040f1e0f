package retort

import (
	"context"
	"database/sql"
	"fmt"
)

// txn is the run's connection and, while one is open, its transaction.
type txn struct {
	conn *sql.Conn
	tx   *sql.Tx
}

// x is where statements run: the transaction, or the connection.
func (t *txn) x() execer {
	if t.tx != nil {
		return t.tx
	}
	return t.conn
}

func (t *txn) begin(ctx context.Context, rev string) error {
	tx, err := t.conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("revision %s: beginning its transaction: %w", rev, err)
	}
	t.tx = tx
	return nil
}

func (t *txn) commit() error {
	if t.tx == nil {
		return nil
	}
	err := t.tx.Commit()
	t.tx = nil
	return err
}

func (t *txn) rollback() {
	if t.tx != nil {
		t.tx.Rollback()
		t.tx = nil
	}
}
