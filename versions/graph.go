package versions

import (
	"fmt"
	"slices"
)

// Graph is a set of revisions linked by down_revision and depends_on: the
// history of one script directory. Build one with [Load] or [NewGraph]; it
// is read-only afterwards and safe for concurrent use.
type Graph struct {
	revs      []*Revision // in file order
	byID      map[string]*Revision
	labels    map[string]*Revision // declared branch label -> revision
	heads     []*Revision          // no revision follows by down_revision
	realHeads []*Revision          // no revision follows or depends on it
	bases     []*Revision          // no down_revision
	realBases []*Revision          // no down_revision and no depends_on
}

// NewGraph links revisions, given in file order (the order that breaks
// ties), into a graph. It checks ids, labels, parents and cycles.
func NewGraph(revs []*Revision) (*Graph, error) {
	g := &Graph{revs: revs, byID: make(map[string]*Revision, len(revs)), labels: map[string]*Revision{}}
	steps := []func() error{g.index, g.mapLabels, g.link, g.detectCycles}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	g.normalizeDeps()
	g.findEnds()
	g.addBranches()
	return g, nil
}

// index maps ids to revisions and rejects duplicates and self-loops.
func (g *Graph) index() error {
	for i, r := range g.revs {
		r.g = graphData{index: i}
		if err := ValidateID(r.ID); err != nil {
			return fmt.Errorf("%s: %w", r.Path, err)
		}
		if prev, ok := g.byID[r.ID]; ok {
			return fmt.Errorf("%w: revision %s is declared by both %s and %s; give one of them a new id",
				ErrDuplicateRevision, r.ID, prev.Path, r.Path)
		}
		g.byID[r.ID] = r
		if contains(r.DownRevisions, r.ID) {
			return &CycleError{Revisions: []string{r.ID}}
		}
		if contains(r.DependsOn, r.ID) {
			return &CycleError{Dependency: true, Revisions: []string{r.ID}}
		}
	}
	return nil
}

// mapLabels records declared branch labels; a label must be unique and
// must not be a revision id.
func (g *Graph) mapLabels() error {
	for _, r := range g.revs {
		for _, l := range r.BranchLabels {
			other, ok := g.labels[l]
			if !ok {
				other, ok = g.byID[l]
			}
			if ok {
				return fmt.Errorf("%w: branch name %q in revision %s (%s) is already used by revision %s (%s)",
					ErrDuplicateLabel, l, r.ID, r.Path, other.ID, other.Path)
			}
			g.labels[l] = r
		}
	}
	return nil
}

// link resolves down_revision and depends_on, and fills the next lists.
func (g *Graph) link() error {
	for _, r := range g.revs {
		for _, id := range r.DownRevisions {
			d, ok := g.byID[id]
			if !ok {
				return fmt.Errorf("%w: %s: down_revision %s of revision %s is not present in any revision file",
					ErrMissingParent, r.Path, id, r.ID)
			}
			r.g.down = append(r.g.down, d)
		}
		for _, id := range r.DependsOn {
			d := g.lookupExact(id)
			if d == nil {
				return fmt.Errorf("%w: %s: depends_on %s of revision %s names no revision or branch label",
					ErrMissingParent, r.Path, id, r.ID)
			}
			if !containsRev(r.g.deps, d) {
				r.g.deps = append(r.g.deps, d)
			}
		}
	}
	for _, r := range g.revs {
		for _, d := range r.allDown() {
			d.g.allNext = append(d.g.allNext, r)
			if containsRev(r.g.down, d) {
				d.g.next = append(d.g.next, r)
			}
		}
	}
	return nil
}

// lookupExact finds a revision by full id or declared branch label.
func (g *Graph) lookupExact(key string) *Revision {
	if r, ok := g.byID[key]; ok {
		return r
	}
	return g.labels[key]
}

// normalizeDeps drops the dependencies that an ancestor already has, as
// Alembic's _normalize_depends_on does.
func (g *Graph) normalizeDeps() {
	for _, r := range g.revs {
		if len(r.g.deps) == 0 {
			continue
		}
		drop := map[*Revision]bool{}
		for _, a := range g.ancestors([]*Revision{r}, false) {
			if a != r {
				for _, d := range a.g.deps {
					drop[d] = true
				}
			}
		}
		for _, d := range r.g.deps {
			if !drop[d] {
				r.g.normDeps = append(r.g.normDeps, d)
			}
		}
	}
}

// findEnds lists heads and bases in file order.
func (g *Graph) findEnds() {
	for _, r := range g.revs {
		if r.IsHead() {
			g.heads = append(g.heads, r)
		}
		if r.isRealHead() {
			g.realHeads = append(g.realHeads, r)
		}
		if r.IsBase() {
			g.bases = append(g.bases, r)
			if len(r.DependsOn) == 0 {
				g.realBases = append(g.realBases, r)
			}
		}
	}
}

// addBranches spreads each declared label to the revision's descendants
// and, along a straight line, down to its ancestors up to the nearest
// branch point or merge point (Alembic's _add_branches).
func (g *Graph) addBranches() {
	for _, r := range g.revs {
		r.g.labelSet = nil
	}
	add := func(r *Revision, labels []string) {
		if r.g.labelSet == nil {
			r.g.labelSet = map[string]bool{}
		}
		for _, l := range labels {
			r.g.labelSet[l] = true
		}
	}
	for _, r := range g.revs {
		if len(r.BranchLabels) == 0 {
			continue
		}
		// As in Alembic, the labels a revision has already inherited
		// travel with the ones it declares.
		add(r, r.BranchLabels)
		labels := make([]string, 0, len(r.g.labelSet))
		for l := range r.g.labelSet {
			labels = append(labels, l)
		}
		desc := g.descendants([]*Revision{r}, false)
		for _, d := range desc {
			add(d, labels)
		}
		for p := desc[len(desc)-1]; !p.isRealBranchPoint() && !p.IsMergePoint(); p = p.g.down[0] {
			add(p, labels)
			if len(p.g.down) == 0 {
				break
			}
		}
	}
	for _, r := range g.revs {
		for l := range r.g.labelSet {
			r.g.branches = append(r.g.branches, l)
		}
		slices.Sort(r.g.branches)
	}
}

// Revisions returns every revision in file order.
func (g *Graph) Revisions() []*Revision { return g.revs }

// Heads returns the revisions no revision follows by down_revision, in
// file order. A head that another revision depends on is still a head.
func (g *Graph) Heads() []*Revision { return g.heads }

// HeadIDs returns the ids of the heads, sorted.
func (g *Graph) HeadIDs() []string {
	ids := make([]string, len(g.heads))
	for i, r := range g.heads {
		ids[i] = r.ID
	}
	slices.Sort(ids)
	return ids
}

// RealHeads returns the heads that no revision depends on either (what
// "heads" resolves to, and "heads --resolve-dependencies" shows).
func (g *Graph) RealHeads() []*Revision { return g.realHeads }

// Bases returns the revisions without a down_revision, in file order.
func (g *Graph) Bases() []*Revision { return g.bases }

// BranchPoints returns the revisions several revisions follow, in file order.
func (g *Graph) BranchPoints() []*Revision {
	var out []*Revision
	for _, r := range g.revs {
		if r.IsBranchPoint() {
			out = append(out, r)
		}
	}
	return out
}

// Get returns the revision with exactly this id, or nil.
func (g *Graph) Get(id string) *Revision { return g.byID[id] }

// Len returns the number of revisions.
func (g *Graph) Len() int { return len(g.revs) }
