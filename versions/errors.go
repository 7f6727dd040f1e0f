package versions

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors, checked with errors.Is. Errors returned by this package
// wrap one of them and add the revisions, files and arguments involved.
var (
	// ErrMultipleHeads: a single revision was needed ("head", "label@head",
	// a relative step) but several heads qualify.
	ErrMultipleHeads = errors.New("multiple heads")
	// ErrUnknownRevision: no revision or branch label matches an identifier.
	ErrUnknownRevision = errors.New("unknown revision")
	// ErrAmbiguousRevision: a partial id matches several revisions.
	ErrAmbiguousRevision = errors.New("ambiguous revision")
	// ErrCycle: down_revision or depends_on links form a cycle.
	ErrCycle = errors.New("revision cycle")
	// ErrDuplicateRevision: two files declare the same revision id.
	ErrDuplicateRevision = errors.New("duplicate revision")
	// ErrMissingParent: a down_revision or depends_on names no revision.
	ErrMissingParent = errors.New("missing parent revision")
	// ErrDuplicateLabel: a branch label is declared twice, or equals a
	// revision id.
	ErrDuplicateLabel = errors.New("duplicate branch label")
	// ErrInvalidRevisionID: an id holds white space or one of "@-+:".
	ErrInvalidRevisionID = errors.New("invalid revision id")
	// ErrInvalidFile: a revision file cannot be read (see [FileError]).
	ErrInvalidFile = errors.New("invalid revision file")
	// ErrNotAncestor: a range or target does not lie along one line of the
	// history from the current heads ("not a valid upgrade target").
	ErrNotAncestor = errors.New("not an ancestor")
	// ErrRelativeTarget: a relative target (+N, -N) cannot be walked: too
	// far, ambiguous at a branch or merge, or meaningless in this direction.
	ErrRelativeTarget = errors.New("invalid relative revision")
	// ErrNotHead: a new revision would follow a revision that is not a
	// head, without --splice.
	ErrNotHead = errors.New("not a head revision")
)

// FileError reports a problem in a revision file at a position. Line and
// Column are 1-based; zero when the problem concerns the whole file.
type FileError struct {
	Path   string
	Line   int
	Column int
	Err    error
}

// Error formats the error as "path:line:column: message".
func (e *FileError) Error() string {
	if msg := e.Err.Error(); strings.HasPrefix(msg, e.Path+":") {
		return msg // already positioned (ops and metadata errors)
	}
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %v", e.Path, e.Line, e.Column, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

// Unwrap returns the underlying error.
func (e *FileError) Unwrap() error { return e.Err }

// Is makes every FileError match ErrInvalidFile.
func (e *FileError) Is(target error) bool { return target == ErrInvalidFile }

// MultipleHeadsError is the error for several heads where one is needed.
type MultipleHeadsError struct {
	// Argument is what was asked for ("head", "label@head", ...).
	Argument string
	Heads    []string
}

// Error names the heads and says what to do.
func (e *MultipleHeadsError) Error() string {
	return fmt.Sprintf("multiple heads are present for %q: %s; name one, "+
		"use 'heads' for all of them or '<branch>@head' for one branch, "+
		"or merge them with 'migrate merge'", e.Argument, joinComma(e.Heads))
}

// Is makes a MultipleHeadsError match ErrMultipleHeads.
func (e *MultipleHeadsError) Is(target error) bool { return target == ErrMultipleHeads }

// CycleError names the revisions that take part in a cycle.
type CycleError struct {
	// Dependency is true when the cycle runs through depends_on links.
	Dependency bool
	Revisions  []string
}

// Error names the revisions.
func (e *CycleError) Error() string {
	kind := "cycle"
	if e.Dependency {
		kind = "dependency cycle"
	}
	return fmt.Sprintf("%s detected in revisions (%s)", kind, joinComma(e.Revisions))
}

// Is makes a CycleError match ErrCycle.
func (e *CycleError) Is(target error) bool { return target == ErrCycle }

func joinComma(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out
}
