package versions

import "slices"

// detectCycles rejects a history whose down_revision links, or whose
// down_revision and depends_on links together, form a cycle. It names the
// revisions on cycles (and any caught between two cycles). Alembic's own
// check misses a cycle that hangs below a head; this one does not.
func (g *Graph) detectCycles() error {
	if left := g.cyclic(downVersioned); len(left) > 0 {
		return &CycleError{Revisions: left}
	}
	if left := g.cyclic(func(r *Revision) []*Revision { return r.allDown() }); len(left) > 0 {
		return &CycleError{Dependency: true, Revisions: left}
	}
	return nil
}

// cyclic peels off, from both ends, every revision that cannot be on a
// cycle and returns the sorted ids of what remains.
func (g *Graph) cyclic(down func(*Revision) []*Revision) []string {
	n := len(g.revs)
	indeg, outdeg := make([]int, n), make([]int, n)
	up := make([][]*Revision, n)
	for _, r := range g.revs {
		for _, d := range down(r) {
			indeg[r.g.index]++
			outdeg[d.g.index]++
			up[d.g.index] = append(up[d.g.index], r)
		}
	}
	removed := make([]bool, n)
	peel := func(deg []int, next func(*Revision) []*Revision) {
		var queue []*Revision
		for _, r := range g.revs {
			if deg[r.g.index] == 0 && !removed[r.g.index] {
				queue = append(queue, r)
			}
		}
		for len(queue) > 0 {
			r := queue[0]
			queue = queue[1:]
			removed[r.g.index] = true
			for _, x := range next(r) {
				if deg[x.g.index]--; deg[x.g.index] == 0 && !removed[x.g.index] {
					queue = append(queue, x)
				}
			}
		}
	}
	peel(indeg, func(r *Revision) []*Revision { return up[r.g.index] })
	for i := range outdeg { // recount among what is left
		outdeg[i] = 0
	}
	for _, r := range g.revs {
		for _, d := range down(r) {
			if !removed[r.g.index] && !removed[d.g.index] {
				outdeg[d.g.index]++
			}
		}
	}
	peel(outdeg, func(r *Revision) []*Revision {
		var out []*Revision
		for _, d := range down(r) {
			if !removed[d.g.index] {
				out = append(out, d)
			}
		}
		return out
	})
	var left []string
	for _, r := range g.revs {
		if !removed[r.g.index] {
			left = append(left, r.ID)
		}
	}
	slices.Sort(left)
	return left
}
