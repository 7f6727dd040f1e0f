package versions

import (
	"fmt"
	"strings"
)

// Direction says whether a step applies (Up) or reverts (Down) a revision.
type Direction int

// The directions of a [Step].
const (
	Up Direction = iota + 1
	Down
)

// String returns "upgrade" or "downgrade".
func (d Direction) String() string {
	if d == Down {
		return "downgrade"
	}
	return "upgrade"
}

// Step is one move of a database along the history: the application or
// reversal of one revision, or, for a stamp, a move of the version table
// alone from the heads From to the heads To.
type Step struct {
	// Revision is the revision applied or reverted; nil for a stamp step.
	Revision  *Revision
	Direction Direction
	// From and To are set on stamp steps only.
	From, To []string
	// BranchMove marks a stamp step that starts or removes a branch.
	BranchMove bool
}

// IsStamp reports whether the step moves only the version table.
func (s Step) IsStamp() bool { return s.Revision == nil }

// String describes the step as Alembic logs it: "upgrade a -> b, message".
func (s Step) String() string {
	if s.IsStamp() {
		return fmt.Sprintf("stamp %s -> %s", commaOrBase(s.From), commaOrBase(s.To))
	}
	r := s.Revision
	from, to := commaOrBase(r.DownRevisions), r.ID
	if s.Direction == Down {
		from, to = to, from
	}
	out := fmt.Sprintf("%s %s -> %s", s.Direction, from, to)
	if r.Message != "" {
		out += ", " + r.Message
	}
	return out
}

func commaOrBase(ids []string) string {
	if len(ids) == 0 {
		return "base"
	}
	return strings.Join(ids, ", ")
}

// Upgrade returns the steps that take a database whose version table holds
// current to target, in the order to run them (Alembic's _upgrade_revs).
// target is anything [Graph.Revision] accepts, "heads", or a relative
// "+N", "label@+N", "<rev>+N", "head-N".
func (g *Graph) Upgrade(current []string, target string) ([]Step, error) {
	revs, err := g.iterate([]string{target}, current, iterOptions{implicitBase: true, assertLength: true})
	if err != nil {
		return nil, fmt.Errorf("upgrade to %s: %w", target, err)
	}
	steps := make([]Step, len(revs))
	for i, r := range revs {
		steps[len(revs)-1-i] = Step{Revision: r, Direction: Up}
	}
	return steps, nil
}

// Downgrade returns the steps that take a database whose version table
// holds current down to target ("base", a revision, "label@base", "-N",
// "label@-N", "<rev>-N"), in the order to run them.
func (g *Graph) Downgrade(current []string, target string) ([]Step, error) {
	revs, err := g.iterate(current, []string{target}, iterOptions{downgrade: true, assertLength: true})
	if err != nil {
		return nil, fmt.Errorf("downgrade to %s: %w", target, err)
	}
	steps := make([]Step, len(revs))
	for i, r := range revs {
		steps[i] = Step{Revision: r, Direction: Down}
	}
	return steps, nil
}

// History returns the revisions of a range, newest first, as "migrate
// history -r" shows them: "a:b", ":b", "a:", or "" for everything; either
// end may be "current", which stands for the current heads given.
func (g *Graph) History(rng string, current []string) ([]*Revision, error) {
	base, head := "", ""
	if rng != "" {
		var ok bool
		if base, head, ok = strings.Cut(strings.TrimSpace(rng), ":"); !ok {
			return nil, fmt.Errorf("history range %q: expected [start]:[end], [start]: or :[end]", rng)
		}
	}
	lower, upper := []string{"base"}, []string{"heads"}
	if base == "current" {
		lower = current
	} else if base != "" {
		lower = []string{base}
	}
	if head == "current" && len(current) > 0 {
		upper = current
	} else if head != "" && head != "current" {
		upper = []string{head}
	}
	if len(lower) == 0 {
		lower = []string{"base"}
	}
	revs, err := g.iterate(upper, lower, iterOptions{inclusive: true})
	if err != nil {
		return nil, fmt.Errorf("history %s: %w", rng, err)
	}
	return revs, nil
}
