package versions

import (
	"fmt"
	"strings"
)

// iterOptions are the flags of Alembic's iterate_revisions.
type iterOptions struct {
	inclusive    bool // include the lower revision(s)
	implicitBase bool // also what lower does not lead to
	assertLength bool // a relative walk past the end is an error
	downgrade    bool
}

// iterate is Alembic's iterate_revisions: the revisions between upper and
// lower, newest first (each before its down revisions).
func (g *Graph) iterate(upper, lower []string, o iterOptions) ([]*Revision, error) {
	var revs []*Revision
	var heads []node
	var err error
	if o.downgrade {
		revs, heads, err = g.collectDowngrade(upper, lower, o)
	} else {
		revs, heads, err = g.collectUpgrade(upper, lower, o)
	}
	if err != nil {
		return nil, err
	}
	var hs []*Revision
	for _, h := range heads {
		if h.rev != nil {
			hs = append(hs, h.rev)
		}
	}
	return g.topoSort(revs, hs), nil
}

// collectUpgrade is Alembic's _collect_upgrade_revisions: what must be
// applied to go from lower (the current heads) to upper (the target).
func (g *Graph) collectUpgrade(upper, lower []string, o iterOptions) ([]*Revision, []node, error) {
	targetNodes, err := g.parseUpgradeTarget(lower, upper, o.assertLength)
	if err != nil {
		return nil, nil, err
	}
	var targets []*Revision
	for _, t := range targetNodes {
		if t.none() && len(upper) == 1 {
			return nil, nil, fmt.Errorf("%w: %s walks past the end of the history", ErrRelativeTarget, upper[0])
		}
		if t.rev != nil {
			targets = append(targets, t.rev)
		}
	}
	if targets, err = g.namedBaseTargets(lower, targets); err != nil {
		return nil, nil, err
	}
	required, err := g.related(targets, downNormalized, true)
	if err != nil {
		return nil, nil, err
	}
	reqSet := g.newSet(required, targets)
	current, lowerIDs, err := g.upgradeCurrent(upper, lower, reqSet, o)
	if err != nil {
		return nil, nil, err
	}
	curAnc, err := g.related(current, downNormalized, true)
	if err != nil {
		return nil, nil, err
	}
	curSet := g.newSet(curAnc, current)
	var needs []*Revision
	for _, r := range g.revs {
		if reqSet.has(r) && !curSet.has(r) {
			needs = append(needs, r)
		}
	}
	if o.inclusive {
		lowers, err := g.Resolve(lowerIDs...)
		if err != nil {
			return nil, nil, err
		}
		needs = union(g, needs, lowers)
	}
	if len(current) > 0 && !o.implicitBase {
		desc, err := g.related(current, nextVersioned, true)
		if err != nil {
			return nil, nil, err
		}
		needs = intersect(g, needs, desc)
	}
	return needs, revNodes(targets), nil
}

// namedBaseTargets keeps, for a lower bound "label@...", only the targets
// on that branch.
func (g *Graph) namedBaseTargets(lower []string, targets []*Revision) ([]*Revision, error) {
	if len(lower) != 1 || !strings.Contains(lower[0], "@") {
		return targets, nil
	}
	branch, _, _ := strings.Cut(lower[0], "@")
	br, err := g.Revision(branch)
	if err != nil {
		return nil, err
	}
	if br != nil && br.ID == branch && len(br.g.branches) == 1 {
		branch = br.g.branches[0]
	}
	var out []*Revision
	for _, t := range targets {
		if t.g.labelSet[branch] {
			out = append(out, t)
		}
	}
	return out, nil
}

// upgradeCurrent resolves lower, the revisions already applied, checking
// they lie below the target; a relative lower is walked from upper.
func (g *Graph) upgradeCurrent(upper, lower []string, reqSet set, o iterOptions) ([]*Revision, []string, error) {
	nodes, err := g.resolveList(lower)
	if err != nil {
		return nil, nil, err
	}
	if !o.implicitBase {
		for _, n := range nodes {
			if n.base || (n.rev != nil && !reqSet.has(n.rev)) {
				return nil, nil, notAncestor(lower, upper)
			}
		}
	}
	if len(nodes) > 0 && nodes[0].none() && len(lower) == 1 {
		_, w, err := g.parseDowngradeTarget(upper, lower[0], o.assertLength)
		if err != nil {
			return nil, nil, err
		}
		if w.rev == nil {
			return nil, nil, nil
		}
		return []*Revision{w.rev}, []string{w.rev.ID}, nil
	}
	var cur []*Revision
	for _, n := range nodes {
		if n.rev != nil {
			cur = append(cur, n.rev)
		}
	}
	return cur, lower, nil
}

func notAncestor(lower, upper []string) error {
	l, u := strings.Join(lower, ","), strings.Join(upper, ",")
	if l == "" {
		l = "base"
	}
	if u == "" {
		u = "base"
	}
	return fmt.Errorf("%w: revision %s is not an ancestor of revision %s", ErrNotAncestor, l, u)
}

// collectDowngrade is Alembic's _collect_downgrade_revisions: what must
// be reverted to go from upper (the current heads) down to lower.
func (g *Graph) collectDowngrade(upper, lower []string, o iterOptions) ([]*Revision, []node, error) {
	target := ""
	if len(lower) > 0 {
		target = lower[0]
	}
	label, tnode, err := g.parseDowngradeTarget(upper, target, o.assertLength)
	if err != nil {
		return nil, nil, err
	}
	roots, err := g.downgradeRoots(label, tnode.rev, o.inclusive)
	if err != nil {
		return nil, nil, err
	}
	headNodes, err := g.resolveList(upper)
	if err != nil {
		return nil, nil, err
	}
	var heads []*Revision
	for _, h := range headNodes {
		if h.rev != nil {
			heads = append(heads, h.rev)
		}
	}
	active := g.newSet(g.ancestors(heads, true))
	var drop []*Revision
	for _, r := range g.descendants(roots, true) {
		if active.has(r) {
			drop = append(drop, r)
		}
	}
	if o.implicitBase {
		rootAnc := g.newSet(g.ancestors(roots, true))
		for _, r := range g.revs {
			if active.has(r) && !rootAnc.has(r) {
				drop = union(g, drop, []*Revision{r})
			}
		}
	}
	if tnode.rev != nil && len(drop) == 0 && !containsRev(heads, tnode.rev) {
		return nil, nil, fmt.Errorf("%w: nothing to drop: %s is not below the current heads %s",
			ErrNotAncestor, tnode.rev.ID, joinComma(upper))
	}
	return drop, headNodes, nil
}

// downgradeRoots finds the revisions to revert first-from-the-bottom: the
// children of the target (or the target itself when inclusive, or every
// base for base), narrowed to the label's branch.
func (g *Graph) downgradeRoots(label string, target *Revision, inclusive bool) ([]*Revision, error) {
	var roots []*Revision
	switch {
	case target == nil:
		roots = g.bases
	case inclusive:
		roots = []*Revision{target}
	default:
		roots = target.g.next
	}
	if label == "" || len(roots) <= 1 {
		return roots, nil
	}
	br, err := g.resolveBranch(label)
	if err != nil {
		return nil, err
	}
	anc := g.newSet(g.ancestors([]*Revision{br}, false))
	var out []*Revision
	for _, r := range roots {
		if anc.has(r) {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: %s@...: not a valid downgrade target from current heads", ErrNotAncestor, label)
	}
	return out, nil
}

// union returns a plus the members of b it lacks, in file order.
func union(g *Graph, a, b []*Revision) []*Revision {
	s := g.newSet(a, b)
	var out []*Revision
	for _, r := range g.revs {
		if s.has(r) {
			out = append(out, r)
		}
	}
	return out
}

// intersect returns the members of a that are in b.
func intersect(g *Graph, a, b []*Revision) []*Revision {
	s := g.newSet(b)
	var out []*Revision
	for _, r := range a {
		if s.has(r) {
			out = append(out, r)
		}
	}
	return out
}
