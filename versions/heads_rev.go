package versions

import "fmt"

// revision applies an upgrade or downgrade step (Alembic's RevisionStep
// rules, with declared order where Alembic iterates a set).
func (m *maintainer) revision(s Step) error {
	r := s.Revision
	down := ids(r.normalizedDown())
	inHeads := contains(m.heads, r.ID)
	if s.Direction == Down {
		switch {
		case inHeads && (len(down) == 0 || len(m.unmergeTo(r)) == 0):
			return m.delete(r.ID)
		case inHeads && len(down) > 1:
			to := m.unmergeTo(r)
			for _, v := range to[:len(to)-1] {
				if err := m.insert(v); err != nil {
					return err
				}
			}
			return m.update(r.ID, to[len(to)-1])
		}
		from, err := m.scalarDown(r, down)
		if err != nil {
			return err
		}
		return m.update(r.ID, from)
	}
	present := 0
	for _, d := range down {
		if contains(m.heads, d) {
			present++
		}
	}
	switch {
	case present == 0:
		return m.insert(r.ID)
	case len(down) > 1 && present > 1:
		from := m.mergeFrom(r, down)
		for _, d := range from[:len(from)-1] {
			if err := m.delete(d); err != nil {
				return err
			}
		}
		return m.update(from[len(from)-1], r.ID)
	}
	from, err := m.scalarDown(r, down)
	if err != nil {
		return err
	}
	return m.update(from, r.ID)
}

// scalarDown is the one down revision a plain step moves through.
func (m *maintainer) scalarDown(r *Revision, down []string) (string, error) {
	if len(down) == 1 {
		return down[0], nil
	}
	var found []string
	for _, d := range down {
		if contains(m.heads, d) {
			found = append(found, d)
		}
	}
	if len(found) != 1 {
		return "", fmt.Errorf("cannot move %s: its down revision among the heads %s is ambiguous", r.ID, joinComma(m.heads))
	}
	return found[0], nil
}

// otherAncestors is every ancestor of the heads other than except.
func (m *maintainer) otherAncestors(except []string) set {
	var others []*Revision
	for _, h := range m.heads {
		if !contains(except, h) {
			if r := m.g.byID[h]; r != nil {
				others = append(others, r)
			}
		}
	}
	return m.g.newSet(m.g.ancestors(others, true))
}

// mergeFrom lists the down revisions a merge consumes: the heads among
// them that no other head still needs. (Alembic does not check that they
// are heads, and crashes when a merge names a parent's ancestor too.)
func (m *maintainer) mergeFrom(r *Revision, down []string) []string {
	anc := m.otherAncestors(down)
	var out []string
	for _, d := range down {
		if contains(m.heads, d) && !anc.has(m.g.byID[d]) {
			out = append(out, d)
		}
	}
	if len(out) == 0 {
		return down
	}
	return out
}

// unmergeTo lists the down revisions a downgrade of r exposes as heads:
// those not already implied by another head (or by each other).
func (m *maintainer) unmergeTo(r *Revision) []string {
	down := r.normalizedDown()
	var anc set
	if len(missing(m.heads, []string{r.ID})) > 0 {
		anc = m.otherAncestors([]string{r.ID})
	} else {
		anc = m.g.newSet()
		for _, d := range down {
			for _, a := range m.g.ancestors([]*Revision{d}, true) {
				if a != d {
					anc[a.g.index] = true
				}
			}
		}
	}
	var out []string
	for _, d := range down {
		if !anc.has(d) {
			out = append(out, d.ID)
		}
	}
	return out
}
