package retort

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// txn is the run's connection and, while one is open, its transaction.
type txn struct {
	conn *sql.Conn
	tx   *sql.Tx
	// report, when set, reports BEGIN and COMMIT as statements.
	report func(sql string, d time.Duration)
	// commits counts the transactions committed on it: a revision
	// committed part way cannot be retried as a whole.
	commits int
}

// x is where statements run: the transaction, or the connection.
func (t *txn) x() execer {
	if t.tx != nil {
		return t.tx
	}
	return t.conn
}

func (t *txn) begin(ctx context.Context, rev string) error {
	start := time.Now()
	tx, err := t.conn.BeginTx(ctx, nil)
	t.reported("BEGIN", start)
	if err != nil {
		return fmt.Errorf("revision %s: beginning its transaction (is another migration holding the database? lock_timeout bounds the wait): %w", rev, err)
	}
	t.tx = tx
	return nil
}

func (t *txn) commit() error {
	if t.tx == nil {
		return nil
	}
	start := time.Now()
	err := t.tx.Commit()
	t.reported("COMMIT", start)
	t.tx = nil
	t.commits++
	return err
}

func (t *txn) reported(sql string, start time.Time) {
	if t.report != nil {
		t.report(sql, time.Since(start))
	}
}

func (t *txn) rollback() {
	if t.tx != nil {
		t.tx.Rollback()
		t.tx = nil
	}
}
