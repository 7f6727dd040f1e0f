package retort

import (
	"context"
	"database/sql"
	"fmt"
)

// Stamp sets the version table to targets without running any
// migration; purge empties it first (for a table naming unknown
// revisions).
func (r *Runner) Stamp(ctx context.Context, targets []string, purge bool) error {
	if err := r.needDB(); err != nil {
		return err
	}
	return r.locked(ctx, func(conn *sql.Conn) error {
		t := &txn{conn: conn}
		defer t.rollback()
		if r.transactional() {
			if err := t.begin(ctx, "stamp"); err != nil {
				return err
			}
		}
		heads, err := r.vt.Stamp(ctx, t.x(), r.graph, targets, purge)
		if err != nil {
			return err
		}
		if err := t.commit(); err != nil {
			return fmt.Errorf("stamp: commit: %w", err)
		}
		r.emit(Event{Kind: Notice, Direction: "stamp", Message: "version table stamped " + orBase(heads)})
		return nil
	})
}
