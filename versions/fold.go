package versions

import (
	"errors"
	"fmt"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// ModelAt folds the history from base up to rev (anything
// [Graph.Upgrade] accepts as a target, e.g. "heads") onto an empty model,
// by ops.ApplyAll over each revision's upgrade in upgrade order. An op
// that cannot be folded (execute) is skipped with one warning each.
func (g *Graph) ModelAt(rev string) (*metadata.MetaData, []string, error) {
	steps, err := g.Upgrade(nil, rev)
	if err != nil {
		return nil, nil, err
	}
	m := metadata.New()
	var warnings []string
	for _, s := range steps {
		err := ops.ApplyAll(m, s.Revision.Upgrade)
		if err == nil {
			continue
		}
		if !errors.Is(err, ops.ErrNotFoldable) || !onlyNotFoldable(err) {
			return nil, nil, fmt.Errorf("folding revision %s (%s): %w", s.Revision.ID, s.Revision.Path, err)
		}
		for _, e := range unjoin(err) {
			warnings = append(warnings, fmt.Sprintf("%s (%s): %v: skipped", s.Revision.ID, s.Revision.Path, e))
		}
	}
	return m, warnings, nil
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func onlyNotFoldable(err error) bool {
	for _, e := range unjoin(err) {
		if !errors.Is(e, ops.ErrNotFoldable) {
			return false
		}
	}
	return true
}
