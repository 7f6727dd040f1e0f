package versions

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// IrreversibleError is the refusal to derive a revision's downgrade: the
// file has no downgrade: key and the upgrade op at Path:Line (the Index-th,
// from 1) has no exact reverse. It wraps the op's reason (for ops whose
// Reverse fails, ops.ErrIrreversible).
type IrreversibleError struct {
	Revision string
	Path     string
	Line     int
	Index    int
	Op       ops.Op
	Err      error
}

// Error names the file, line and op, and what to write instead.
func (e *IrreversibleError) Error() string {
	at := e.Path
	if e.Line > 0 {
		at = fmt.Sprintf("%s:%d", e.Path, e.Line)
	}
	return fmt.Sprintf("%s: revision %s has no downgrade: key, and op %d (%s) has no exact reverse: %v; "+
		"write a downgrade: section, or `downgrade: []` to make it a no-op", at, e.Revision, e.Index, ops.OneLine(e.Op, 120), e.Err)
}

// Unwrap returns the op's reason.
func (e *IrreversibleError) Unwrap() error { return e.Err }

// Irreversible returns the *IrreversibleError for upgrade op i (from 0) of
// r and the reason err; a runner uses it for reverses that only planning
// can refuse (a bulk_delete on a table without a key).
func (r *Revision) Irreversible(i int, err error) *IrreversibleError {
	e := &IrreversibleError{Revision: r.ID, Path: r.Path, Index: i + 1, Err: err}
	if i < len(r.Upgrade) {
		e.Op = r.Upgrade[i]
	}
	if i < len(r.UpgradeLines) {
		e.Line = r.UpgradeLines[i]
	}
	return e
}

// deriveDowngrade returns the exact reverse of r.Upgrade, last op first,
// or the first op (from the end) that has none. A bulk_insert's reverse
// deletes exactly its rows, by key; one with on_conflict has no exact
// reverse (ops.BulkInsert.Reverse).
func (r *Revision) deriveDowngrade() ([]ops.Op, error) {
	out := make([]ops.Op, 0, len(r.Upgrade))
	for i := len(r.Upgrade) - 1; i >= 0; i-- {
		rev, err := r.Upgrade[i].Reverse()
		if err != nil {
			return nil, r.Irreversible(i, err)
		}
		out = append(out, rev)
	}
	return out, nil
}

// opLines returns the line of each item of a decoded op list (n nil: n
// zeros).
func opLines(n *yaml.Node, count int) []int {
	lines := make([]int, count)
	n = metadata.DerefNode(n)
	if n == nil || n.Kind != yaml.SequenceNode || len(n.Content) != count {
		return lines
	}
	for i, item := range n.Content {
		lines[i] = item.Line
	}
	return lines
}
