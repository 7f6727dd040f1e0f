package versions

import (
	"fmt"
	"slices"
)

// ChangeKind is what a [HeadChange] does to the version table.
type ChangeKind int

// The kinds of [HeadChange].
const (
	Insert ChangeKind = iota + 1 // a new head row (To)
	Delete                       // a head row removed (From)
	Update                       // a head row replaced (From -> To)
)

// HeadChange is one row operation on the version table.
type HeadChange struct {
	Kind     ChangeKind
	From, To string
}

// String renders the change for logs: "insert x", "update a -> b".
func (c HeadChange) String() string {
	switch c.Kind {
	case Insert:
		return "insert " + c.To
	case Delete:
		return "delete " + c.From
	}
	return "update " + c.From + " -> " + c.To
}

// MoveHeads returns the heads after step, given the heads before it, and
// the version-table changes that get there, as Alembic's HeadMaintainer:
// an upgrade replaces its down revision (UPDATE), adds a head when none of
// its down revisions is a head (INSERT: a base or a new branch), and a
// merge deletes all but one of the heads it joins; a downgrade does the
// reverse, deleting the row at base.
func (g *Graph) MoveHeads(heads []string, s Step) ([]string, []HeadChange, error) {
	m := &maintainer{g: g, heads: slices.Clone(heads)}
	var err error
	if s.IsStamp() {
		err = m.stamp(s)
	} else {
		err = m.revision(s)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("version table after %s: %w", s, err)
	}
	return m.heads, m.changes, nil
}

// maintainer tracks heads through one step and records the changes.
type maintainer struct {
	g       *Graph
	heads   []string
	changes []HeadChange
}

func (m *maintainer) insert(v string) error {
	if contains(m.heads, v) {
		return fmt.Errorf("revision %s is already a head", v)
	}
	m.heads = append(m.heads, v)
	m.changes = append(m.changes, HeadChange{Kind: Insert, To: v})
	return nil
}

func (m *maintainer) delete(v string) error {
	i := slices.Index(m.heads, v)
	if i < 0 {
		return fmt.Errorf("revision %s is not a current head", v)
	}
	m.heads = slices.Delete(m.heads, i, i+1)
	m.changes = append(m.changes, HeadChange{Kind: Delete, From: v})
	return nil
}

func (m *maintainer) update(from, to string) error {
	i := slices.Index(m.heads, from)
	if i < 0 {
		return fmt.Errorf("revision %s is not a current head", from)
	}
	if contains(m.heads, to) {
		return fmt.Errorf("revision %s is already a head", to)
	}
	m.heads[i] = to
	m.changes = append(m.changes, HeadChange{Kind: Update, From: from, To: to})
	return nil
}

// stamp applies a stamp step (Alembic's StampStep rules).
func (m *maintainer) stamp(s Step) error {
	up := s.Direction == Up
	switch {
	case !up && s.BranchMove:
		return m.delete(s.From[0])
	case up && (s.BranchMove || len(missing(s.From, m.heads)) > 0) && len(missing(s.To, m.heads)) > 0:
		return m.insert(s.To[0])
	case len(s.From) > 1:
		for _, d := range s.From[:len(s.From)-1] {
			if err := m.delete(d); err != nil {
				return err
			}
		}
		return m.update(s.From[len(s.From)-1], s.To[0])
	case len(s.From) == 1 && len(s.To) == 1:
		return m.update(s.From[0], s.To[0])
	}
	return nil
}

// missing returns the members of a that b lacks.
func missing(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}
