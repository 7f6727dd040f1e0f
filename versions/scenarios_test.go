package versions

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// Trees of the scenario table, in spec form (see specFS). Most are the
// histories of Alembic's own tests/test_revision.py.
const (
	linear        = "a b:a c:b d:c"
	diamond       = "a b1:a b2:a c:b1,b2 d:c"
	twoHeads      = "a b1:a b2:a"
	longShort     = "a b1:a b2:a c1:b1 d11:c1 d12:c1"
	travel        = "a1 a2:a1 a3:a2 b1:a3 b2:a3 cb1:b1 cb2:b2 db1:cb1 db2:cb2 e1b1:db1 fe1b1:e1b1 e2b1:db1 e2b2:db2 merge:e2b1,e2b2"
	labeled       = "a#abranch b:a somelongername:b c:somelongername d e:d#ebranch someothername:e f:someothername"
	deps          = "a1#abranch a2:a1 a3:a2 b1#bbranch b2:b1>a2 b3:b2"
	mergeOfMerges = "a b:a c:a d:a bc:b,c bcd:bc,d e:bcd"
	twoRoots      = "a b:a x y:x m:b,y n:m"
	midLabel      = "a b:a c1:b#lab d1:c1 c2:b d2:c2"
)

type scenario struct {
	name    string
	tree    string
	op      string // up, down, hist, resolve, load
	current []string
	target  string
	want    []string // revisions in step (or history) order
	heads   []string // sorted heads after the steps (up, down)
	err     error    // sentinel the error must match
	msg     string   // text the error must contain
}

// TestScenarios checks the exact steps, or the exact error, of graph
// operations. The expected steps are Alembic 1.8.1's answers.
func TestScenarios(t *testing.T) {
	for _, tc := range scenarios {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, heads, err := runScenario(tc)
			if tc.err != nil {
				if !errors.Is(err, tc.err) || !strings.Contains(err.Error(), tc.msg) {
					t.Fatalf("got %v, %v; want an error matching %v and containing %q", got, err, tc.err, tc.msg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("steps %q, want %q", got, tc.want)
			}
			if tc.op == "up" || tc.op == "down" {
				if !slices.Equal(heads, tc.heads) {
					t.Errorf("heads after %q, want %q", heads, tc.heads)
				}
			}
		})
	}
}

func runScenario(tc scenario) (got, heads []string, err error) {
	g, err := Load(specFS(tc.tree), "versions")
	if err != nil || tc.op == "load" {
		return nil, nil, err
	}
	var steps []Step
	switch tc.op {
	case "up":
		steps, err = g.Upgrade(tc.current, tc.target)
	case "down":
		steps, err = g.Downgrade(tc.current, tc.target)
	case "hist":
		revs, err := g.History(tc.target, tc.current)
		return nz(ids0(revs)), nil, err
	case "resolve":
		revs, err := g.Resolve(tc.target)
		return nz(ids0(revs)), nil, err
	}
	if err != nil {
		return nil, nil, err
	}
	heads, _, err = runSteps(g, tc.current, steps)
	slices.Sort(heads)
	return nz(stepIDs(steps)), nz(heads), err
}

var scenarios = []scenario{
	{name: "linear upgrade to head from empty", tree: linear, op: "up", current: nil, target: "head", want: []string{"a", "b", "c", "d"}, heads: []string{"d"}},
	{name: "linear upgrade +2 from b", tree: linear, op: "up", current: []string{"b"}, target: "+2", want: []string{"c", "d"}, heads: []string{"d"}},
	{name: "linear upgrade to c from a", tree: linear, op: "up", current: []string{"a"}, target: "c", want: []string{"b", "c"}, heads: []string{"c"}},
	{name: "linear upgrade by partial id", tree: linear, op: "up", current: nil, target: "b", want: []string{"a", "b"}, heads: []string{"b"}},
	{name: "linear upgrade head-1", tree: linear, op: "up", current: nil, target: "head-1", want: []string{"a", "b", "c"}, heads: []string{"c"}},
	{name: "linear upgrade b+1 relative to a revision", tree: linear, op: "up", current: []string{"a"}, target: "b+1", want: []string{"b", "c"}, heads: []string{"c"}},
	{name: "linear upgrade base+2", tree: linear, op: "up", current: nil, target: "base+2", want: []string{"a", "b"}, heads: []string{"b"}},
	{name: "linear upgrade +1 from empty", tree: linear, op: "up", current: nil, target: "+1", want: []string{"a"}, heads: []string{"a"}},
	{name: "linear downgrade to base", tree: linear, op: "down", current: []string{"d"}, target: "base", want: []string{"d", "c", "b", "a"}, heads: nil},
	{name: "linear downgrade c-1 from d", tree: linear, op: "down", current: []string{"d"}, target: "c-1", want: []string{"d", "c"}, heads: []string{"b"}},
	{name: "linear downgrade -1", tree: linear, op: "down", current: []string{"d"}, target: "-1", want: []string{"d"}, heads: []string{"c"}},
	{name: "linear downgrade -2 from c", tree: linear, op: "down", current: []string{"c"}, target: "-2", want: []string{"c", "b"}, heads: []string{"a"}},
	{name: "linear downgrade d-2", tree: linear, op: "down", current: []string{"d"}, target: "d-2", want: []string{"d", "c"}, heads: []string{"b"}},
	{name: "linear history all", tree: linear, op: "hist", current: []string{"d"}, target: "", want: []string{"d", "c", "b", "a"}},
	{name: "linear history b:", tree: linear, op: "hist", current: []string{"d"}, target: "b:", want: []string{"d", "c", "b"}},
	{name: "linear history -2:current", tree: linear, op: "hist", current: []string{"c"}, target: "-2:current", want: []string{"c", "b"}},
	{name: "linear history :current", tree: linear, op: "hist", current: []string{"b"}, target: ":current", want: []string{"b", "a"}},
	{name: "linear history current:", tree: linear, op: "hist", current: []string{"b"}, target: "current:", want: []string{"d", "c", "b"}},
	{name: "diamond upgrade heads from empty", tree: diamond, op: "up", current: nil, target: "heads", want: []string{"a", "b2", "b1", "c", "d"}, heads: []string{"d"}},
	{name: "diamond upgrade to one side b2", tree: diamond, op: "up", current: []string{"a"}, target: "b2", want: []string{"b2"}, heads: []string{"b2"}},
	{name: "diamond upgrade merge from one side", tree: diamond, op: "up", current: []string{"b1"}, target: "c", want: []string{"b2", "c"}, heads: []string{"c"}},
	{name: "diamond upgrade merge from both sides", tree: diamond, op: "up", current: []string{"b1", "b2"}, target: "d", want: []string{"c", "d"}, heads: []string{"d"}},
	{name: "diamond downgrade to base", tree: diamond, op: "down", current: []string{"d"}, target: "base", want: []string{"d", "c", "b1", "b2", "a"}, heads: nil},
	{name: "diamond downgrade through merge to b1", tree: diamond, op: "down", current: []string{"d"}, target: "b1", want: []string{"d", "c"}, heads: []string{"b1", "b2"}},
	{name: "diamond downgrade one side of two heads", tree: diamond, op: "down", current: []string{"b1", "b2"}, target: "a", want: []string{"b1", "b2"}, heads: []string{"a"}},
	{name: "long and short branch history", tree: longShort, op: "hist", current: nil, target: "", want: []string{"b2", "d11", "d12", "c1", "b1", "a"}},
	{name: "long and short upgrade heads", tree: longShort, op: "up", current: nil, target: "heads", want: []string{"a", "b1", "c1", "d12", "d11", "b2"}, heads: []string{"b2", "d11", "d12"}},
	{name: "long and short downgrade c1 branch", tree: longShort, op: "down", current: []string{"b2", "d11", "d12"}, target: "b1", want: []string{"d11", "d12", "c1"}, heads: []string{"b1", "b2"}},
	{name: "branch travelling history from a3", tree: travel, op: "hist", current: nil, target: "a3:", want: []string{"fe1b1", "e1b1", "merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3"}},
	{name: "branch travelling upgrade merge from a1", tree: travel, op: "up", current: []string{"a1"}, target: "merge", want: []string{"a2", "a3", "b2", "cb2", "db2", "e2b2", "b1", "cb1", "db1", "e2b1", "merge"}, heads: []string{"merge"}},
	{name: "branch travelling downgrade to b1 from two heads", tree: travel, op: "down", current: []string{"fe1b1", "merge"}, target: "b1", want: []string{"fe1b1", "e1b1", "merge", "e2b1", "db1", "cb1"}, heads: []string{"b1", "e2b2"}},
	{name: "branch travelling upgrade fe1b1 from db1", tree: travel, op: "up", current: []string{"db1"}, target: "fe1b1", want: []string{"e1b1", "fe1b1"}, heads: []string{"fe1b1"}},
	{name: "labeled upgrade ebranch@head", tree: labeled, op: "up", current: nil, target: "ebranch@head", want: []string{"d", "e", "someothername", "f"}, heads: []string{"f"}},
	{name: "labeled upgrade abranch@+2", tree: labeled, op: "up", current: nil, target: "abranch@+2", want: []string{"a", "b"}, heads: []string{"b"}},
	{name: "labeled upgrade ebranch@+1 from the other branch", tree: labeled, op: "up", current: []string{"c"}, target: "ebranch@+1", want: []string{"d"}, heads: []string{"c", "d"}},
	{name: "labeled downgrade ebranch@base", tree: labeled, op: "down", current: []string{"c", "f"}, target: "ebranch@base", want: []string{"f", "someothername", "e", "d"}, heads: []string{"c"}},
	{name: "labeled downgrade ebranch@-1", tree: labeled, op: "down", current: []string{"c", "f"}, target: "ebranch@-1", want: []string{"f"}, heads: []string{"c", "someothername"}},
	{name: "labeled downgrade abranch@-2", tree: labeled, op: "down", current: []string{"c", "f"}, target: "abranch@-2", want: []string{"c", "somelongername"}, heads: []string{"b", "f"}},
	{name: "labeled history ebranch@base:", tree: labeled, op: "hist", current: nil, target: "ebranch@base:", want: []string{"f", "someothername", "e", "d"}},
	{name: "labeled history ebranch@-2:heads", tree: labeled, op: "hist", current: nil, target: "ebranch@-2:heads", want: []string{"f", "someothername", "e"}},
	{name: "labeled upgrade heads from one head", tree: labeled, op: "up", current: []string{"c"}, target: "heads", want: []string{"d", "e", "someothername", "f"}, heads: []string{"c", "f"}},
	{name: "depends_on upgrade b3 pulls a2", tree: deps, op: "up", current: nil, target: "b3", want: []string{"a1", "a2", "b1", "b2", "b3"}, heads: []string{"b3"}},
	{name: "depends_on upgrade bbranch@head from a1", tree: deps, op: "up", current: []string{"a1"}, target: "bbranch@head", want: []string{"a2", "b1", "b2", "b3"}, heads: []string{"b3"}},
	{name: "depends_on downgrade a2 drops dependents", tree: deps, op: "down", current: []string{"a3", "b3"}, target: "a1", want: []string{"a3", "b3", "b2", "a2"}, heads: []string{"a1", "b1"}},
	{name: "depends_on downgrade bbranch@base", tree: deps, op: "down", current: []string{"a3", "b3"}, target: "bbranch@base", want: []string{"b3", "b2", "b1"}, heads: []string{"a3"}},
	{name: "depends_on upgrade heads", tree: deps, op: "up", current: nil, target: "heads", want: []string{"a1", "a2", "b1", "b2", "b3", "a3"}, heads: []string{"a3", "b3"}},
	{name: "merge of merges upgrade head", tree: mergeOfMerges, op: "up", current: nil, target: "head", want: []string{"a", "c", "d", "b", "bc", "bcd", "e"}, heads: []string{"e"}},
	{name: "merge of merges downgrade to a", tree: mergeOfMerges, op: "down", current: []string{"e"}, target: "a", want: []string{"e", "bcd", "bc", "b", "d", "c"}, heads: []string{"a"}},
	{name: "merge of merges upgrade from two branch heads", tree: mergeOfMerges, op: "up", current: []string{"b", "d"}, target: "e", want: []string{"c", "bc", "bcd", "e"}, heads: []string{"e"}},
	{name: "two roots upgrade head", tree: twoRoots, op: "up", current: nil, target: "head", want: []string{"x", "y", "a", "b", "m", "n"}, heads: []string{"n"}},
	{name: "two roots downgrade to base", tree: twoRoots, op: "down", current: []string{"n"}, target: "base", want: []string{"n", "m", "b", "a", "y", "x"}, heads: nil},
	{name: "two roots downgrade y", tree: twoRoots, op: "down", current: []string{"n"}, target: "y", want: []string{"n", "m"}, heads: []string{"b", "y"}},
	{name: "mid label upgrade lab@head", tree: midLabel, op: "up", current: []string{"b"}, target: "lab@head", want: []string{"c1", "d1"}, heads: []string{"d1"}},
	{name: "mid label downgrade lab@base", tree: midLabel, op: "down", current: []string{"d1", "d2"}, target: "lab@base", want: []string{"d1", "c1", "d2", "c2", "b", "a"}, heads: nil},
	{name: "mid label history lab@base:", tree: midLabel, op: "hist", current: nil, target: "lab@base:", want: []string{"d1", "c1", "b", "a"}},
	// Errors: Alembic fails on each of these too (or, marked, misbehaves).
	{name: "upgrade head with two heads names them", tree: twoHeads, op: "up", target: "head", err: ErrMultipleHeads, msg: `for "head": b1, b2; name one, use 'heads'`},
	{name: "label@head with two heads on the label", tree: "a#x b1:a b2:a", op: "up", target: "x@head", err: ErrMultipleHeads, msg: `for "x@head": b1, b2`},
	{name: "unknown revision", tree: linear, op: "up", target: "zzzz", err: ErrUnknownRevision, msg: `no such revision or branch "zzzz"`},
	{name: "short unknown prefix hints at four characters", tree: linear, op: "resolve", target: "zz", err: ErrUnknownRevision, msg: "at least four characters"},
	{name: "ambiguous prefix lists candidates", tree: "abcd1 abcd2:abcd1", op: "resolve", target: "abc", err: ErrAmbiguousRevision, msg: `start with "abc": abcd1, abcd2`},
	{name: "revision not on the branch", tree: labeled, op: "resolve", target: "ebranch@b", err: ErrUnknownRevision, msg: `revision b is not a member of branch "ebranch"`},
	{name: "no such branch", tree: labeled, op: "resolve", target: "x@d", err: ErrUnknownRevision, msg: `no such branch: "x"`},
	{name: "cycle", tree: "a:c b:a c:b", op: "load", err: ErrCycle, msg: "cycle detected in revisions (a, b, c)"},
	{name: "cycle below a head (Alembic misses it)", tree: "r a:r,c b:a c:b h:c", op: "load", err: ErrCycle, msg: "cycle detected in revisions (a, b, c)"},
	{name: "dependency cycle", tree: "a b:a>c c:b", op: "load", err: ErrCycle, msg: "dependency cycle detected in revisions (b, c)"},
	{name: "self loop", tree: "a:a", op: "load", err: ErrCycle, msg: "cycle detected in revisions (a)"},
	{name: "duplicate revision names both files (Alembic warns)", tree: "a b:a b:a", op: "load", err: ErrDuplicateRevision, msg: "versions/001_b.yaml and versions/002_b.yaml"},
	{name: "missing parent names file and id (Alembic crashes)", tree: "a b:x", op: "load", err: ErrMissingParent, msg: "versions/001_b.yaml: down_revision x of revision b"},
	{name: "missing dependency", tree: "a b:a>zz", op: "load", err: ErrMissingParent, msg: "depends_on zz of revision b"},
	{name: "label on two branches", tree: "a#x b:a c#x", op: "load", err: ErrDuplicateLabel, msg: `branch name "x" in revision c (versions/002_c.yaml) is already used by revision a`},
	{name: "label equal to a revision id", tree: "a b:a#a", op: "load", err: ErrDuplicateLabel, msg: `branch name "a" in revision b`},
	{name: "downgrade to a revision above the current one", tree: linear, op: "down", current: []string{"b"}, target: "c", err: ErrNotAncestor, msg: "c is not below the current heads b"},
	{name: "history range across branches", tree: longShort, op: "hist", target: "b2:c1", err: ErrNotAncestor, msg: "b2 is not an ancestor of revision c1"},
	{name: "relative upgrade past the head", tree: linear, op: "up", current: []string{"c"}, target: "+3", err: ErrRelativeTarget, msg: "relative revision +3 didn't produce 3 migrations"},
	{name: "upgrade -1 is meaningless", tree: linear, op: "up", current: []string{"c"}, target: "-1", err: ErrRelativeTarget, msg: "relative revision -1 didn't produce 1 migrations"},
	{name: "downgrade +1 is meaningless", tree: linear, op: "down", current: []string{"c"}, target: "+1", err: ErrRelativeTarget, msg: "relative revision +1 didn't produce 1 migrations"},
	{name: "downgrade past base", tree: linear, op: "down", current: []string{"b"}, target: "-3", err: ErrRelativeTarget, msg: "-3 didn't produce 3 migrations"},
	{name: "relative upgrade at a branch point", tree: diamond, op: "up", current: []string{"a"}, target: "+1", err: ErrRelativeTarget, msg: "ambiguous walk from a, which leads to b1, b2"},
	{name: "relative downgrade at a merge point", tree: diamond, op: "down", current: []string{"c"}, target: "-1", err: ErrRelativeTarget, msg: "ambiguous walk from c, which leads to b1, b2"},
	{name: "relative upgrade from two heads", tree: labeled, op: "up", current: []string{"c", "f"}, target: "+1", err: ErrRelativeTarget, msg: "ambiguous upgrade +1 from multiple current revisions c, f"},
	{name: "downgrade -1 from two heads (Alembic only warns)", tree: labeled, op: "down", current: []string{"c", "f"}, target: "-1", err: ErrMultipleHeads, msg: "-1 from multiple current heads (c, f) is ambiguous"},
	{name: "relative target past the head from a revision", tree: linear, op: "up", target: "c+3", err: ErrRelativeTarget, msg: "c+3 walks past the end"},
}
