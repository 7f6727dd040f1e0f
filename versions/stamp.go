package versions

import "fmt"

// Stamp returns the stamp steps that move a version table holding current
// to targets without running any revision (Alembic's _stamp_revs). An
// empty targets means base. For "stamp --purge", pass no current heads:
// the caller empties the table first.
func (g *Graph) Stamp(current []string, targets []string) ([]Step, error) {
	if len(targets) == 0 {
		targets = []string{"base"}
	}
	heads, err := g.Resolve(current...)
	if err != nil {
		return nil, fmt.Errorf("stamp: current heads: %w", err)
	}
	var filtered []*Revision
	for _, t := range targets {
		keep, err := g.filterForLineageDeps(heads, t)
		if err != nil {
			return nil, fmt.Errorf("stamp %s: %w", t, err)
		}
		for _, h := range keep {
			if !containsRev(filtered, h) {
				filtered = append(filtered, h)
			}
		}
	}
	dests, err := g.Resolve(targets...)
	if err != nil {
		return nil, fmt.Errorf("stamp: %w", err)
	}
	if len(dests) == 0 {
		dests = []*Revision{nil}
	}
	var steps []Step
	for _, d := range dests {
		steps = append(steps, g.stampTo(d, filtered)...)
	}
	return steps, nil
}

// stampTo is the step (or, to base, steps) that stamps dest.
func (g *Graph) stampTo(dest *Revision, heads []*Revision) []Step {
	if dest == nil {
		steps := make([]Step, len(heads))
		for i, h := range heads {
			steps[i] = Step{Direction: Down, From: []string{h.ID}, BranchMove: true}
		}
		return steps
	}
	if containsRev(heads, dest) {
		return nil
	}
	to := []string{dest.ID}
	if intersects(g.descendants([]*Revision{dest}, true), heads) {
		return []Step{{Direction: Down, From: ids(heads), To: to}}
	}
	if intersects(g.ancestors([]*Revision{dest}, true), heads) {
		return []Step{{Direction: Up, From: ids(heads), To: to}}
	}
	return []Step{{Direction: Up, To: to, BranchMove: true}}
}

func intersects(a, b []*Revision) bool {
	for _, x := range a {
		if containsRev(b, x) {
			return true
		}
	}
	return false
}

// filterForLineageDeps is filterForLineage along dependencies too.
func (g *Graph) filterForLineageDeps(targets []*Revision, checkAgainst string) ([]*Revision, error) {
	ids, label, err := g.resolveNumber(checkAgainst)
	if err != nil {
		return nil, err
	}
	if label != "" {
		ids = append([]string{label}, ids...)
	}
	if len(ids) == 0 {
		return targets, nil
	}
	var against []*Revision
	for _, id := range ids {
		r, err := g.forIdent(id, "")
		if err != nil {
			return nil, err
		}
		against = append(against, r)
	}
	var out []*Revision
	for _, t := range targets {
		line := append(g.descendants([]*Revision{t}, true), g.ancestors([]*Revision{t}, true)...)
		if intersects(line, against) {
			out = append(out, t)
		}
	}
	return out, nil
}
