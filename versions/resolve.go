package versions

import (
	"fmt"
	"strconv"
	"strings"
)

// ref is a revision as a target: nil is "base".
type ref = *Revision

// resolveNumber splits "label@id" and expands "head", "heads" and "base",
// as Alembic's _resolve_revision_number. An empty result means base.
func (g *Graph) resolveNumber(id string) (ids []string, label string, err error) {
	if before, after, ok := strings.Cut(id, "@"); ok {
		label, id = before, after
	}
	switch id {
	case "heads":
		if label == "" {
			return ids0(g.realHeads), "", nil
		}
		hs, err := g.filterForLineage(g.heads, label)
		return ids0(hs), label, err
	case "head":
		h, err := g.currentHead(label)
		if err != nil || h == nil {
			return nil, label, err
		}
		return []string{h.ID}, label, nil
	case "base", "":
		return nil, label, nil
	}
	return []string{id}, label, nil
}

func ids0(revs []*Revision) []string {
	if len(revs) == 0 {
		return nil
	}
	return ids(revs)
}

// currentHead is the single head, or of one branch; nil when empty.
func (g *Graph) currentHead(label string) (*Revision, error) {
	heads := g.heads
	arg := "head"
	if label != "" {
		arg = label + "@head"
		var err error
		if heads, err = g.filterForLineage(heads, label); err != nil {
			return nil, err
		}
	}
	if len(heads) > 1 {
		return nil, &MultipleHeadsError{Argument: arg, Heads: ids(heads)}
	}
	if len(heads) == 0 {
		return nil, nil
	}
	return heads[0], nil
}

// Revision resolves an identifier to one revision: a full or partial id,
// a branch label, "head", "label@head", "label@<id>", or "base" (nil).
func (g *Graph) Revision(id string) (*Revision, error) {
	ids, label, err := g.resolveNumber(id)
	if err != nil {
		return nil, err
	}
	if len(ids) > 1 {
		return nil, &MultipleHeadsError{Argument: id, Heads: ids}
	}
	if len(ids) == 0 {
		_, err := g.forIdent("", label)
		return nil, err
	}
	return g.forIdent(ids[0], label)
}

// Resolve resolves targets to revisions, as Alembic's get_revisions: one
// revision for most targets, several for "heads", none for "base". A
// result element is nil where a relative "-N" walked down to base.
func (g *Graph) Resolve(targets ...string) ([]*Revision, error) {
	var out []*Revision
	for _, t := range targets {
		nodes, err := g.resolveNodes(t)
		if err != nil {
			return nil, err
		}
		for _, n := range nodes {
			if n.none() {
				return nil, fmt.Errorf("%w: %s walks past the base of the history", ErrRelativeTarget, t)
			}
			out = append(out, n.rev)
		}
	}
	return out, nil
}

// node is an element of a resolved target: a revision, Alembic's "base"
// string (base is set), or Alembic's None (neither: a walk that went too
// far, or "nothing" where a target names base).
type node struct {
	rev  *Revision
	base bool
}

func (n node) none() bool { return n.rev == nil && !n.base }

func revNodes(revs []*Revision) []node {
	out := make([]node, len(revs))
	for i, r := range revs {
		out[i] = node{rev: r}
	}
	return out
}

// resolveNodes is get_revisions for one string.
func (g *Graph) resolveNodes(target string) ([]node, error) {
	ids, label, err := g.resolveNumber(target)
	if err != nil {
		return nil, err
	}
	if len(ids) == 1 {
		if n, err := strconv.Atoi(ids[0]); err == nil && n < 0 {
			return g.walkFromHeads(label, n)
		}
	}
	out := make([]node, 0, len(ids))
	for _, id := range ids {
		r, err := g.forIdent(id, label)
		if err != nil {
			return nil, err
		}
		out = append(out, node{rev: r})
	}
	return out, nil
}

// resolveList is get_revisions for a tuple of strings.
func (g *Graph) resolveList(targets []string) ([]node, error) {
	var out []node
	for _, t := range targets {
		nodes, err := g.resolveNodes(t)
		if err != nil {
			return nil, err
		}
		out = append(out, nodes...)
	}
	return out, nil
}

// walkFromHeads is "-N" or "label@-N": N steps down from each head.
func (g *Graph) walkFromHeads(label string, n int) ([]node, error) {
	var out []node
	for _, h := range g.realHeads {
		if label != "" && !h.g.labelSet[label] {
			continue
		}
		w, err := g.walk(node{rev: h}, n, "", true)
		if err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, nil
}

// resolveBranch finds the revision a branch name stands for: a label,
// or a (partial) revision id.
func (g *Graph) resolveBranch(label string) (*Revision, error) {
	if r := g.lookupExact(label); r != nil {
		return r, nil
	}
	r, err := g.forIdent(label, "")
	if err != nil {
		return nil, fmt.Errorf("%w: no such branch: %q", ErrUnknownRevision, label)
	}
	return r, nil
}

// forIdent resolves a full or partial id (or label) within an optional
// branch, as Alembic's _revision_for_ident. An empty id is base (nil).
func (g *Graph) forIdent(id, branch string) (*Revision, error) {
	var branchRev *Revision
	if branch != "" {
		var err error
		if branchRev, err = g.resolveBranch(branch); err != nil {
			return nil, err
		}
	}
	if id == "" {
		return nil, nil
	}
	r := g.lookupExact(id)
	if r == nil {
		var err error
		if r, err = g.partial(id, branch); err != nil {
			return nil, err
		}
	}
	if branchRev != nil && !g.sharesLineage(r, []*Revision{branchRev}) {
		return nil, fmt.Errorf("%w: revision %s is not a member of branch %q", ErrUnknownRevision, r.ID, branch)
	}
	return r, nil
}

// partial matches a prefix against ids and labels longer than three
// characters (Alembic's rule), within a branch if one is given.
func (g *Graph) partial(prefix, branch string) (*Revision, error) {
	var found []*Revision
	var names []string
	consider := func(key string, r *Revision) {
		if len(key) > 3 && strings.HasPrefix(key, prefix) && !containsRev(found, r) {
			found = append(found, r)
			names = append(names, key)
		}
	}
	for _, r := range g.revs {
		consider(r.ID, r)
	}
	for _, r := range g.revs {
		for _, l := range r.BranchLabels {
			consider(l, r)
		}
	}
	if branch != "" && len(found) > 0 {
		var err error
		if found, err = g.filterForLineage(found, branch); err != nil {
			return nil, err
		}
	}
	switch {
	case len(found) == 0:
		hint := ""
		if len(prefix) < 4 {
			hint = "; a partial revision id needs at least four characters unless the full id is shorter"
		}
		return nil, fmt.Errorf("%w: no such revision or branch %q%s", ErrUnknownRevision, prefix, hint)
	case len(found) > 1:
		return nil, fmt.Errorf("%w: several revisions start with %q: %s; give more characters",
			ErrAmbiguousRevision, prefix, strings.Join(ids(found), ", "))
	}
	return found[0], nil
}

// filterForLineage keeps the targets that share a line of descent with
// what checkAgainst names (Alembic's filter_for_lineage).
func (g *Graph) filterForLineage(targets []*Revision, checkAgainst string) ([]*Revision, error) {
	ids, label, err := g.resolveNumber(checkAgainst)
	if err != nil {
		return nil, err
	}
	var against []*Revision
	if label != "" {
		ids = append([]string{label}, ids...)
	}
	for _, id := range ids {
		r, err := g.forIdent(id, "")
		if err != nil {
			return nil, err
		}
		against = append(against, r)
	}
	var out []*Revision
	for _, t := range targets {
		if g.sharesLineage(t, against) {
			out = append(out, t)
		}
	}
	return out, nil
}
