package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/retortdb/retort/versions"
)

// revisionJSON is the machine form of a revision (docs/design.md, The CLI).
type revisionJSON struct {
	Revision      string   `json:"revision"`
	DownRevisions []string `json:"down_revisions"`
	BranchLabels  []string `json:"branch_labels"`
	DependsOn     []string `json:"depends_on"`
	Message       string   `json:"message"`
	Path          string   `json:"path"`
	IsHead        bool     `json:"is_head"`
	IsBase        bool     `json:"is_base"`
	IsBranchPoint bool     `json:"is_branch_point"`
	IsMergePoint  bool     `json:"is_merge_point"`
}

// printJSON writes revisions as a JSON array, in the order given.
func (a *app) printJSON(revs []*versions.Revision) error {
	out := make([]revisionJSON, len(revs))
	for i, r := range revs {
		out[i] = revisionJSON{
			Revision:      r.ID,
			DownRevisions: nonNil(r.DownRevisions),
			BranchLabels:  nonNil(r.Branches()),
			DependsOn:     nonNil(r.DependsOn),
			Message:       r.Message,
			Path:          a.displayPath(r),
			IsHead:        r.IsHead(),
			IsBase:        r.IsBase(),
			IsBranchPoint: r.IsBranchPoint(),
			IsMergePoint:  r.IsMergePoint(),
		}
	}
	enc := json.NewEncoder(a.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// lineOptions choose what a one-line revision shows (Alembic's
// Script._head_only).
type lineOptions struct {
	parents, branches, doc, tree, current bool
}

// line formats a revision on one line: "down -> rev (labels) (head), message".
func line(r *versions.Revision, o lineOptions) string {
	var b strings.Builder
	if o.parents {
		b.WriteString(downText(r))
		if len(r.DependsOn) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(r.DependsOn, ", "))
		}
		b.WriteString(" -> ")
	}
	b.WriteString(r.ID)
	if o.branches && len(r.Branches()) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(r.Branches(), ", "))
	}
	b.WriteString(headMarks(r, o.current))
	if o.tree {
		b.WriteString(treeMarks(r))
	}
	if o.doc {
		b.WriteString(", " + r.Message)
	}
	return b.String()
}

func downText(r *versions.Revision) string {
	if r.IsBase() {
		return "<base>"
	}
	return strings.Join(r.DownRevisions, ", ")
}

// headMarks are " (head)", " (effective head)" and " (current)".
func headMarks(r *versions.Revision, current bool) string {
	s := ""
	switch {
	case r.IsHead() && isRealHead(r):
		s = " (head)"
	case r.IsHead():
		s = " (effective head)"
	}
	if current {
		s += " (current)"
	}
	return s
}

func isRealHead(r *versions.Revision) bool { return len(r.Dependents()) == 0 }

func treeMarks(r *versions.Revision) string {
	s := ""
	if r.IsBranchPoint() {
		s += " (branchpoint)"
	}
	if r.IsMergePoint() {
		s += " (mergepoint)"
	}
	return s
}

// entry is the verbose, multi-line form (Alembic's Script.log_entry).
func (a *app) entry(r *versions.Revision, current bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Rev: %s%s%s", r.ID, headMarks(r, current), treeMarks(r))
	b.WriteString("\n")
	if r.IsMergePoint() {
		fmt.Fprintf(&b, "Merges: %s\n", downText(r))
	} else {
		fmt.Fprintf(&b, "Parent: %s\n", downText(r))
	}
	if len(r.DependsOn) > 0 {
		fmt.Fprintf(&b, "Also depends on: %s\n", strings.Join(r.DependsOn, ", "))
	}
	if r.IsBranchPoint() {
		fmt.Fprintf(&b, "Branches into: %s\n", strings.Join(r.NextRevisions(), ", "))
	}
	if len(r.Branches()) > 0 {
		fmt.Fprintf(&b, "Branch names: %s\n", strings.Join(r.Branches(), ", "))
	}
	if r.DowngradeDerived {
		b.WriteString(downgradeNote(r) + "\n")
	}
	fmt.Fprintf(&b, "Path: %s\n\n", a.displayPath(r))
	for _, l := range strings.Split(r.Message, "\n") {
		fmt.Fprintf(&b, "    %s\n", l)
	}
	return b.String()
}

// downgradeNote says that a revision without a downgrade: key downgrades
// by the reverse of its upgrade, or why it cannot (known once the
// operations are read).
func downgradeNote(r *versions.Revision) string {
	if r.DowngradeErr != nil {
		return "Downgrade: derived (no downgrade: key), refused: " + r.DowngradeErr.Error()
	}
	return "Downgrade: derived (no downgrade: key): the reverse of the upgrade, last op first"
}
