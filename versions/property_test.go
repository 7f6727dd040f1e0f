package versions

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestPropertyRandomDAGs checks, on random histories, that upgrading from
// nothing to "heads" applies every revision once, each after its down
// revisions and dependencies, that the version table then stands for the
// whole history, and that downgrading to base reverts every revision
// once, each before what it follows, leaving the table empty.
// RETORT_PROPERTY_SEEDS sets how many histories (200); RETORT_PROPERTY_SEED
// replays from a seed.
func TestPropertyRandomDAGs(t *testing.T) {
	n := envInt(t, "RETORT_PROPERTY_SEEDS", 200)
	base := uint64(envInt(t, "RETORT_PROPERTY_SEED", int(time.Now().UnixNano()%1e9)))
	t.Logf("seed %d (RETORT_PROPERTY_SEED=%d replays it), %d histories", base, base, n)
	for i := range n {
		seed := base + uint64(i)
		spec := randomSpec(rand.New(rand.NewPCG(seed, 0)))
		g, err := Load(specFS(spec), "versions")
		if err != nil {
			t.Fatalf("seed %d: %q: %v", seed, spec, err)
		}
		if err := checkRoundTrip(g); err != nil {
			t.Fatalf("seed %d: history %q: %v", seed, spec, err)
		}
	}
}

func envInt(t *testing.T, name string, def int) int {
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

// randomSpec makes a random history of 2 to 40 revisions: new roots,
// branches, merges of two or three heads, and depends_on links, written
// to files in a shuffled order.
func randomSpec(r *rand.Rand) string {
	n := 2 + r.IntN(39)
	toks := make([]string, n)
	for i := range n {
		id := fmt.Sprintf("r%02d", i)
		var down, dep []string
		if i > 0 && r.IntN(8) != 0 {
			for range 1 + r.IntN(3)*r.IntN(2) {
				if d := fmt.Sprintf("r%02d", r.IntN(i)); !slices.Contains(down, d) {
					down = append(down, d)
				}
			}
		}
		if i > 1 && r.IntN(4) == 0 {
			if d := fmt.Sprintf("r%02d", r.IntN(i)); !slices.Contains(down, d) {
				dep = append(dep, d)
			}
		}
		tok := id
		if len(down) > 0 {
			tok += ":" + strings.Join(down, ",")
		}
		if len(dep) > 0 {
			tok += ">" + strings.Join(dep, ",")
		}
		toks[i] = tok
	}
	r.Shuffle(n, func(i, j int) { toks[i], toks[j] = toks[j], toks[i] })
	return strings.Join(toks, " ")
}

func checkRoundTrip(g *Graph) error {
	up, err := g.Upgrade(nil, "heads")
	if err != nil {
		return fmt.Errorf("upgrade: %w", err)
	}
	if err := checkOrder(g, up, func(r *Revision) []*Revision { return r.allDown() }); err != nil {
		return fmt.Errorf("upgrade order %v: %w", stepIDs(up), err)
	}
	heads, _, err := runSteps(g, nil, up)
	if err != nil {
		return fmt.Errorf("upgrade heads: %w", err)
	}
	cover := g.newSet(g.ancestors(mustRevs(g, heads), true))
	for _, r := range g.revs {
		if !cover.has(r) {
			return fmt.Errorf("after upgrade the heads %v do not stand for %s", heads, r.ID)
		}
	}
	down, err := g.Downgrade(heads, "base")
	if err != nil {
		return fmt.Errorf("downgrade from %v: %w", heads, err)
	}
	if err := checkOrder(g, down, func(r *Revision) []*Revision { return r.g.allNext }); err != nil {
		return fmt.Errorf("downgrade order %v: %w", stepIDs(down), err)
	}
	left, _, err := runSteps(g, heads, down)
	if err != nil {
		return fmt.Errorf("downgrade heads: %w", err)
	}
	if len(left) > 0 {
		return fmt.Errorf("heads %v left after downgrade to base", left)
	}
	return nil
}

// checkOrder: every revision exactly once, each after what before(r) lists.
func checkOrder(g *Graph, steps []Step, before func(*Revision) []*Revision) error {
	if len(steps) != g.Len() {
		return fmt.Errorf("%d steps for %d revisions", len(steps), g.Len())
	}
	done := g.newSet()
	for _, s := range steps {
		r := s.Revision
		if done.has(r) {
			return fmt.Errorf("%s twice", r.ID)
		}
		for _, b := range before(r) {
			if !done.has(b) {
				return fmt.Errorf("%s before %s", r.ID, b.ID)
			}
		}
		done[r.g.index] = true
	}
	return nil
}

func mustRevs(g *Graph, ids []string) []*Revision {
	out := make([]*Revision, len(ids))
	for i, id := range ids {
		out[i] = g.byID[id]
	}
	return out
}
