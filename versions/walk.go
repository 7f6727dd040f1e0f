package versions

import "fmt"

// walk moves steps revisions up (steps > 0) or down (steps < 0) from
// start, as Alembic's _walk. Walking up from base starts at the bases;
// label picks among several next revisions. A walk past either end
// returns a none node when noOverwalk, else stops where it is. Several
// candidates at one step are an error wrapping ErrRelativeTarget.
func (g *Graph) walk(start node, steps int, label string, noOverwalk bool) (node, error) {
	cur := start
	for i := 0; i < abs(steps); i++ {
		var children []node
		if steps > 0 {
			var up []*Revision
			if cur.rev == nil {
				up = g.bases
			} else {
				up = cur.rev.g.next
			}
			if label != "" {
				var err error
				if up, err = g.filterForLineage(up, label); err != nil {
					return node{}, err
				}
			}
			children = revNodes(up)
		} else if !cur.base {
			var down []*Revision
			if cur.rev == nil {
				down = g.heads
			} else {
				down = cur.rev.g.down
			}
			children = revNodes(down)
			if len(children) == 0 {
				children = []node{{base: true}}
			}
		}
		switch {
		case len(children) == 0:
			if noOverwalk {
				return node{}, nil
			}
			return cur, nil
		case len(children) > 1:
			return node{}, ambiguousWalk(cur, children)
		}
		cur = children[0]
	}
	return cur, nil
}

func ambiguousWalk(from node, children []node) error {
	name := "base"
	if from.rev != nil {
		name = from.rev.ID
	}
	var alts []string
	for _, c := range children {
		if c.rev != nil {
			alts = append(alts, c.rev.ID)
		}
	}
	return fmt.Errorf("%w: ambiguous walk from %s, which leads to %s; name a branch with <label>@+N or a revision",
		ErrRelativeTarget, name, joinComma(alts))
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
