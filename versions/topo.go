package versions

import "slices"

// topoSort orders revs newest first, each before its down revisions and
// dependencies, starting from heads, exactly as Alembic's
// _topological_sort: it walks down one branch at a time, switching to
// another head whenever the candidate is an ancestor of that head, so
// that branches end at their branch point before it is emitted; file
// order picks the first head.
func (g *Graph) topoSort(revs, heads []*Revision) []*Revision {
	todo := g.newSet(revs)
	left := 0
	for _, r := range revs {
		if todo.has(r) {
			left++
		}
	}
	var cur []*Revision
	for _, h := range heads {
		if todo.has(h) && !containsRev(cur, h) {
			cur = append(cur, h)
		}
	}
	slices.SortFunc(cur, func(a, b *Revision) int { return a.g.index - b.g.index })
	anc := make([]set, len(cur))
	for i, h := range cur {
		anc[i] = g.ancestorSet(h)
	}
	out := make([]*Revision, 0, left)
	idx := 0
	for len(cur) > 0 {
		cand := cur[idx]
		if other := blockingHead(anc, idx, cand); other >= 0 {
			idx = other // another head needs cand: finish that one first
			continue
		}
		if todo.has(cand) {
			out = append(out, cand)
			todo[cand.g.index] = false
		}
		var add []*Revision
		for _, d := range cand.normalizedDown() {
			if todo.has(d) && !containsRev(cur, d) {
				add = append(add, d)
			}
		}
		switch {
		case len(add) == 0:
			cur = slices.Delete(cur, idx, idx+1)
			anc = slices.Delete(anc, idx, idx+1)
			idx = max(idx-1, 0)
		case len(cand.g.normDeps) == 0 && len(cand.g.down) == 1:
			cur[idx] = add[0]
			anc[idx][cand.g.index] = false
		default:
			cur[idx] = add[0]
			anc[idx] = g.ancestorSet(add[0])
			for _, a := range add[1:] {
				cur = append(cur, a)
				anc = append(anc, g.ancestorSet(a))
			}
		}
	}
	return out
}

// blockingHead returns the index of another head whose ancestors include
// cand, or -1.
func blockingHead(anc []set, idx int, cand *Revision) int {
	for i, a := range anc {
		if i != idx && a.has(cand) {
			return i
		}
	}
	return -1
}
