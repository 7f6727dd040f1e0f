package versions

import (
	"fmt"
	"strings"
)

// related walks the graph from targets along next(r), depth first with a
// stack, as Alembic's _iterate_related_revisions does, and returns every
// revision reached (targets included) in visiting order. With check, a
// target that reaches another target is an error: the request overlaps.
func (g *Graph) related(targets []*Revision, next func(*Revision) []*Revision, check bool) ([]*Revision, error) {
	seen := make([]bool, len(g.revs))
	var out, stack []*Revision
	for _, t := range targets {
		stack = append(stack[:0], t)
		var reached []*Revision
		for len(stack) > 0 {
			r := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if check {
				reached = append(reached, r)
			}
			if seen[r.g.index] {
				continue
			}
			seen[r.g.index] = true
			stack = append(stack, next(r)...)
			out = append(out, r)
		}
		if check {
			if err := overlapError(t, targets, reached); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

func overlapError(t *Revision, targets, reached []*Revision) error {
	var over []string
	for _, r := range reached {
		if r != t && containsRev(targets, r) && !contains(over, r.ID) {
			over = append(over, r.ID)
		}
	}
	if len(over) == 0 {
		return nil
	}
	return fmt.Errorf("%w: requested revision %s overlaps with other requested revisions %s",
		ErrNotAncestor, t.ID, strings.Join(over, ", "))
}

func downVersioned(r *Revision) []*Revision  { return r.g.down }
func downNormalized(r *Revision) []*Revision { return r.normalizedDown() }
func nextVersioned(r *Revision) []*Revision  { return r.g.next }
func nextAll(r *Revision) []*Revision        { return r.g.allNext }

// ancestors returns targets and everything below them, along
// down_revision, and along depends_on too when deps is true.
func (g *Graph) ancestors(targets []*Revision, deps bool) []*Revision {
	fn := downVersioned
	if deps {
		fn = downNormalized
	}
	out, _ := g.related(targets, fn, false)
	return out
}

// descendants returns targets and everything above them, along
// down_revision links, and dependency links too when deps is true.
func (g *Graph) descendants(targets []*Revision, deps bool) []*Revision {
	fn := nextVersioned
	if deps {
		fn = nextAll
	}
	out, _ := g.related(targets, fn, false)
	return out
}

// set is a set of revisions of one graph, by index.
type set []bool

func (g *Graph) newSet(revs ...[]*Revision) set {
	s := make(set, len(g.revs))
	for _, list := range revs {
		for _, r := range list {
			if r != nil {
				s[r.g.index] = true
			}
		}
	}
	return s
}

func (s set) has(r *Revision) bool { return r != nil && s[r.g.index] }

// sharesLineage reports whether target is an ancestor or descendant
// (along down_revision) of, or one of, the revisions in against. An empty
// against is shared by everything, as in Alembic.
func (g *Graph) sharesLineage(target *Revision, against []*Revision) bool {
	if len(against) == 0 {
		return true
	}
	if target == nil {
		return false
	}
	for _, r := range g.descendants([]*Revision{target}, false) {
		if containsRev(against, r) {
			return true
		}
	}
	for _, r := range g.ancestors([]*Revision{target}, false) {
		if containsRev(against, r) {
			return true
		}
	}
	return false
}

// ancestorSet is the set of ancestors(targets, true), built without
// listing them: the topological sort asks for many of these.
func (g *Graph) ancestorSet(targets ...*Revision) set {
	seen := make(set, len(g.revs))
	stack := append([]*Revision(nil), targets...)
	for len(stack) > 0 {
		r := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[r.g.index] {
			continue
		}
		seen[r.g.index] = true
		stack = append(stack, r.normalizedDown()...)
	}
	return seen
}
