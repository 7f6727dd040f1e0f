package versions

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/retortdb/retort/ops"
	"go.yaml.in/yaml/v3"
)

// Revision is one revision file: its place in the history and its
// operations. The exported fields are what the file says; the graph
// fields are filled in by the [Graph] that holds the revision.
type Revision struct {
	// ID is the revision id ("3f2a9c1b7d4e").
	ID string
	// DownRevisions are the revisions this one follows: none for a base,
	// one normally, several for a merge point.
	DownRevisions []string
	// BranchLabels are the labels this file declares. Labels inherited
	// along the branch are in [Revision.Branches].
	BranchLabels []string
	// DependsOn names revisions (ids or branch labels) that must be applied
	// before this one, without merging their branches.
	DependsOn []string
	// Message is the revision's one-line description.
	Message string
	// Created is when the revision was written; zero if the file omits it.
	Created time.Time
	// Transactional is false when the revision must run outside a
	// transaction (CREATE INDEX CONCURRENTLY); true by default.
	Transactional bool
	// Timeouts are the header's lock_timeout, statement_timeout,
	// lock_retries and retry_backoff (see [Timeouts]).
	Timeouts Timeouts
	// LintIgnore lists the lint rules this revision silences (the file's
	// lint: {ignore: [RULE, ...]} key); see package lint.
	LintIgnore []string
	// Upgrade and Downgrade are the operations. A .sql revision holds one
	// ops.Execute each (none when its section is empty).
	Upgrade   []ops.Op
	Downgrade []ops.Op
	// Path is the file's path within the fs.FS it was loaded from.
	Path string
	// DowngradeDerived is true when a YAML file has no downgrade: key: its
	// Downgrade is then the exact reverse of Upgrade (each op's Reverse,
	// last op first), or, when an op has none, empty with DowngradeErr
	// set. downgrade: [] is an explicit no-op, not derived.
	DowngradeDerived bool
	// DowngradeErr is why a derived downgrade cannot be: an
	// *IrreversibleError naming the file, line and op. A runner refuses to
	// downgrade through the revision with it.
	DowngradeErr error
	// UpgradeLines holds the line of each Upgrade op in the file (0 when
	// unknown), for errors about them.
	UpgradeLines []int

	g graphData
	// body keeps the upgrade and downgrade nodes until ops can decode them.
	body struct{ upgrade, downgrade *yaml.Node }
}

// graphData is what a Graph computes about a revision.
type graphData struct {
	index    int         // position in file order
	down     []*Revision // versioned down revisions (down_revision)
	deps     []*Revision // resolved depends_on
	normDeps []*Revision // deps that no ancestor already depends on
	next     []*Revision // revisions whose down_revision names this one
	allNext  []*Revision // next plus revisions that depend on this one
	branches []string    // all branch labels, declared and inherited
	labelSet map[string]bool
}

// IsBase reports whether the revision has no down revision.
func (r *Revision) IsBase() bool { return len(r.DownRevisions) == 0 }

// IsHead reports whether no revision follows this one by down_revision.
func (r *Revision) IsHead() bool { return len(r.g.next) == 0 }

// IsBranchPoint reports whether several revisions follow this one.
func (r *Revision) IsBranchPoint() bool { return len(r.g.next) > 1 }

// IsMergePoint reports whether the revision has several down revisions.
func (r *Revision) IsMergePoint() bool { return len(r.DownRevisions) > 1 }

// isRealHead: no revision follows or depends on this one.
func (r *Revision) isRealHead() bool { return len(r.g.allNext) == 0 }

// isRealBranchPoint counts dependents as branches too.
func (r *Revision) isRealBranchPoint() bool { return len(r.g.allNext) > 1 }

// Branches returns every branch label that applies to the revision: those
// it declares and those inherited along its branch, sorted.
func (r *Revision) Branches() []string { return r.g.branches }

// NextRevisions returns the ids of the revisions whose down_revision names
// this one, in file order.
func (r *Revision) NextRevisions() []string { return ids(r.g.next) }

// Dependents returns the ids of the revisions that depend on this one
// through depends_on, in file order. A head with dependents is only an
// "effective head".
func (r *Revision) Dependents() []string {
	var out []string
	for _, n := range r.g.allNext {
		if !containsRev(r.g.next, n) {
			out = append(out, n.ID)
		}
	}
	return out
}

// normalizedDown is down_revision plus the dependencies no ancestor
// already has: the revisions that must come immediately before this one.
func (r *Revision) normalizedDown() []*Revision {
	if len(r.g.normDeps) == 0 {
		return r.g.down
	}
	out := make([]*Revision, 0, len(r.g.down)+len(r.g.normDeps))
	out = append(out, r.g.down...)
	for _, d := range r.g.normDeps {
		if !containsRev(out, d) {
			out = append(out, d)
		}
	}
	return out
}

// allDown is down_revision plus every resolved dependency.
func (r *Revision) allDown() []*Revision {
	out := append([]*Revision(nil), r.g.down...)
	for _, d := range r.g.deps {
		if !containsRev(out, d) {
			out = append(out, d)
		}
	}
	return out
}

// String formats the revision as Alembic does: "down -> id (head), message".
func (r *Revision) String() string {
	var b strings.Builder
	b.WriteString(formatDown(r.DownRevisions))
	b.WriteString(" -> ")
	b.WriteString(r.ID)
	if r.IsHead() {
		b.WriteString(" (head)")
	}
	if r.IsBranchPoint() {
		b.WriteString(" (branchpoint)")
	}
	if r.IsMergePoint() {
		b.WriteString(" (mergepoint)")
	}
	b.WriteString(", ")
	b.WriteString(r.Message)
	return b.String()
}

func formatDown(down []string) string {
	if len(down) == 0 {
		return "<base>"
	}
	return strings.Join(down, ", ")
}

// ValidateID reports whether id can name a revision: not empty, no white
// space, none of the characters "@-+:" that the target syntax uses.
func ValidateID(id string) error {
	if id == "" {
		return fmt.Errorf("%w: empty", ErrInvalidRevisionID)
	}
	var bad []string
	for _, c := range id {
		if unicode.IsSpace(c) {
			return fmt.Errorf("%w %q: white space is not allowed", ErrInvalidRevisionID, id)
		}
		if strings.ContainsRune("@-+:", c) && !contains(bad, string(c)) {
			bad = append(bad, string(c))
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("%w %q: character(s) %s not allowed", ErrInvalidRevisionID, id, strings.Join(bad, ", "))
	}
	return nil
}

func ids(revs []*Revision) []string {
	out := make([]string, len(revs))
	for i, r := range revs {
		out[i] = r.ID
	}
	return out
}

func containsRev(list []*Revision, r *Revision) bool {
	for _, x := range list {
		if x == r {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
