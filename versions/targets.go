package versions

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// relative is Alembic's _relative_destination: [label@][symbol](+|-)N,
// matched at the start of a target.
var relative = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:(.+?)@)?(\w+)?([+-]\d+)`) })

type relTarget struct {
	label, symbol string
	n             int
	text          string // the "+N" / "-N" as written
}

func parseRelative(target string) (relTarget, bool) {
	m := relative().FindStringSubmatch(target)
	if m == nil {
		return relTarget{}, false
	}
	n, err := strconv.Atoi(m[3])
	if err != nil {
		return relTarget{}, false
	}
	return relTarget{label: m[1], symbol: m[2], n: n, text: m[3]}, true
}

func tooFew(rel relTarget) error {
	return fmt.Errorf("%w: relative revision %s didn't produce %d migrations", ErrRelativeTarget, rel.text, abs(rel.n))
}

// symbolStart resolves the symbol a relative target walks from, within
// its branch when it names one.
func (g *Graph) symbolStart(label, symbol string) (node, error) {
	id := symbol
	if label != "" {
		id = label + "@" + symbol
	}
	r, err := g.Revision(id)
	return node{rev: r}, err
}

// parseUpgradeTarget is Alembic's _parse_upgrade_target: the revisions an
// upgrade to target reaches from current.
func (g *Graph) parseUpgradeTarget(current []string, target []string, assertLength bool) ([]node, error) {
	rel, ok := relTarget{}, false
	if len(target) == 1 {
		rel, ok = parseRelative(target[0])
	}
	if !ok {
		return g.resolveList(target)
	}
	if rel.n <= 0 {
		if rel.symbol == "" {
			return nil, tooFew(rel)
		}
		start, err := g.symbolStart(rel.label, rel.symbol)
		if err != nil {
			return nil, err
		}
		w, err := g.walk(start, rel.n, "", assertLength)
		return []node{w}, err
	}
	if rel.symbol != "" {
		r, err := g.Revision(rel.symbol)
		if err != nil {
			return nil, err
		}
		w, err := g.walk(node{rev: r}, rel.n, rel.label, assertLength)
		return []node{w}, err
	}
	starts, err := g.upgradeStarts(current, rel.label)
	if err != nil {
		return nil, err
	}
	if len(starts) > 1 {
		return nil, fmt.Errorf("%w: ambiguous upgrade %s from multiple current revisions %s; use <label>@%s",
			ErrRelativeTarget, rel.text, joinComma(ids(starts)), rel.text)
	}
	var start node
	if len(starts) == 1 {
		start.rev = starts[0]
	}
	w, err := g.walk(start, rel.n, rel.label, assertLength)
	if err != nil {
		return nil, err
	}
	if w.none() {
		return nil, tooFew(rel)
	}
	return []node{w}, nil
}

// upgradeStarts picks the current revisions a "+N" walks from: those on
// the label's branch, or the tips of the branch's applied part.
func (g *Graph) upgradeStarts(current []string, label string) ([]*Revision, error) {
	cur, err := g.Resolve(current...)
	if err != nil {
		return nil, err
	}
	if label == "" {
		return cur, nil
	}
	starts, err := g.filterForLineage(cur, label)
	if err != nil || len(starts) > 0 {
		return starts, err
	}
	active, err := g.filterForLineage(g.ancestors(cur, true), label)
	if err != nil {
		return nil, err
	}
	below := g.newSet()
	for _, r := range active {
		for _, d := range r.normalizedDown() {
			below[d.g.index] = true
		}
	}
	var tips []*Revision
	for _, r := range active {
		if !below.has(r) {
			tips = append(tips, r)
		}
	}
	return tips, nil
}

// parseDowngradeTarget is Alembic's _parse_downgrade_target: the branch
// label and the revision (nil for base) a downgrade goes to.
func (g *Graph) parseDowngradeTarget(current []string, target string, assertLength bool) (string, node, error) {
	rel, ok := parseRelative(target)
	if !ok {
		label, symbol := "", target
		if i := strings.LastIndex(target, "@"); i >= 0 {
			label, symbol = target[:i], target[i+1:]
		}
		r, err := g.Revision(symbol)
		return label, node{rev: r, base: r == nil}, err
	}
	if rel.n >= 0 {
		if rel.symbol == "" {
			return "", node{}, tooFew(rel)
		}
		r, err := g.Revision(rel.symbol)
		if err != nil {
			return "", node{}, err
		}
		w, err := g.walk(node{rev: r}, rel.n, rel.label, assertLength)
		if err == nil && w.none() {
			err = fmt.Errorf("%w: %s walks past the end of the history", ErrRelativeTarget, target)
		}
		return rel.label, w, err
	}
	label, symbol := rel.label, rel.symbol
	if symbol == "" {
		var err error
		if label, symbol, err = g.downgradeSymbol(current, rel); err != nil {
			return "", node{}, err
		}
	}
	start, err := g.symbolStart(label, symbol)
	if err != nil {
		return "", node{}, err
	}
	w, err := g.walk(start, rel.n, "", assertLength)
	if err == nil && w.none() {
		if rel.symbol == "" {
			err = tooFew(rel)
		} else {
			err = fmt.Errorf("%w: %s walks past the base of the history", ErrRelativeTarget, target)
		}
	}
	return label, w, err
}

// downgradeSymbol finds the current revision a "-N" walks down from.
func (g *Graph) downgradeSymbol(current []string, rel relTarget) (label, symbol string, err error) {
	if rel.label != "" {
		cur, err := g.Resolve(current...)
		if err != nil {
			return "", "", err
		}
		list, err := g.filterForLineage(cur, rel.label)
		if err != nil {
			return "", "", err
		}
		if len(list) == 0 {
			if list, err = g.filterForLineage(g.allCurrent(cur), rel.label); err != nil {
				return "", "", err
			}
		}
		if len(list) != 1 {
			return "", "", fmt.Errorf("%w: %s@%s: %d current revisions on branch %s", ErrRelativeTarget, rel.label, rel.text, len(list), rel.label)
		}
		return rel.label, list[0].ID, nil
	}
	uniq := dedupe(current)
	switch {
	case len(uniq) == 0:
		return "", "", tooFew(rel)
	case len(uniq) > 1:
		return "", "", fmt.Errorf("%w: %s from multiple current heads (%s) is ambiguous; use <label>@%s or <revision>%s",
			ErrMultipleHeads, rel.text, joinComma(uniq), rel.text, rel.text)
	}
	// Restrict the walk to the branch of the one current revision.
	return current[0], current[0], nil
}

func dedupe(s []string) []string {
	var out []string
	for _, x := range s {
		if !contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}
