package versions

// allCurrent is Alembic's _get_all_current: the given revisions and their
// ancestors (dependencies included), reduced to the branch tips, in file
// order.
func (g *Graph) allCurrent(cur []*Revision) []*Revision {
	all := g.newSet(g.ancestors(cur, true))
	var out []*Revision
	for _, r := range g.revs {
		if !all.has(r) {
			continue
		}
		// The set holds the ancestors of its members, so a member with a
		// descendant in it has a child in it.
		tip := true
		for _, d := range r.g.next {
			if all.has(d) {
				tip = false
				break
			}
		}
		if tip {
			out = append(out, r)
		}
	}
	return out
}

// Current returns the revisions a version table's rows stand for, as
// "migrate current" shows them: the given heads, and the tips of any
// branch their dependencies imply. Unknown ids are an error.
func (g *Graph) Current(heads []string) ([]*Revision, error) {
	cur, err := g.Resolve(heads...)
	if err != nil {
		return nil, err
	}
	return g.allCurrent(cur), nil
}
