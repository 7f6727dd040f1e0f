package metadata

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Path locates an element of a model the way schema.yaml spells it: field
// names and list positions, as in "tables[2].columns[0].type". [Read] uses it
// to report a problem [MetaData.Validate] found at the line and column of the
// YAML node the element came from.
type Path string

// Field returns the path of the named field of p.
func (p Path) Field(name string) Path {
	if p == "" {
		return Path(name)
	}
	return p + "." + Path(name)
}

// Index returns the path of the i-th element of the list at p.
func (p Path) Index(i int) Path {
	return p + "[" + Path(strconv.Itoa(i)) + "]"
}

// Parent returns the path of the element that holds p, or "" for a top-level field.
func (p Path) Parent() Path {
	i := strings.LastIndexAny(string(p), ".[")
	if i < 0 {
		return ""
	}
	return p[:i]
}

// Error is one problem with a schema: where it is and what is wrong. A
// problem found in a model built in Go has a Path but no File or Line.
type Error struct {
	File   string // the file read, or "" for a model built in Go
	Line   int    // 1-based; 0 when unknown
	Column int    // 1-based; 0 when unknown
	Path   Path   // the model element at fault; "" for YAML syntax errors
	Msg    string // what is wrong, naming the table and column, and what to do
	// Rule is the ID of the [Rule] broken; "" is [RuleModel].
	Rule string
}

// BrokenRule returns the rule e breaks.
func (e *Error) BrokenRule() *Rule { return RuleByID(e.Rule) }

// Error formats e as "file:line:column: msg", leaving out what is unknown.
func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(":")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, "%d:", e.Column)
		}
	}
	if b.Len() > 0 {
		b.WriteString(" ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ErrorList is a list of problems. [Read] and [MetaData.Validate] report
// every problem they find, not only the first, as an ErrorList; each
// element is reachable with errors.As(err, &e) for e of type *Error.
type ErrorList []*Error

// Add appends a problem at path p.
func (l *ErrorList) Add(p Path, format string, args ...any) {
	*l = append(*l, &Error{Path: p, Msg: fmt.Sprintf(format, args...)})
}

// AddRule appends a problem of the rule with id at path p.
func (l *ErrorList) AddRule(id string, p Path, format string, args ...any) {
	*l = append(*l, &Error{Path: p, Msg: fmt.Sprintf(format, args...), Rule: id})
}

// Error lists the problems one a line.
func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Unwrap returns the problems, for errors.As and errors.Is.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// Sort orders the list by file, line and column; problems without a
// position keep their relative order after those with one.
func (l ErrorList) Sort() {
	slices.SortStableFunc(l, func(a, b *Error) int {
		if c := cmp.Compare(a.File, b.File); c != 0 {
			return c
		}
		if (a.Line == 0) != (b.Line == 0) {
			return cmp.Compare(b.Line, a.Line) // known positions first
		}
		if c := cmp.Compare(a.Line, b.Line); c != 0 {
			return c
		}
		return cmp.Compare(a.Column, b.Column)
	})
}

// Err returns l as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Split parts l into the problems o refuses and those it only warns
// about, leaving out the portability problems o does not ask for: see
// [ReadOptions].
func (l ErrorList) Split(o ReadOptions) (errs, warnings ErrorList) {
	for _, e := range l {
		r := e.BrokenRule()
		switch {
		case o.Strict || r.ID == RuleModel || (!o.Reflected && r.Enforced(o.Database)):
			errs = append(errs, e)
		case o.Database != "" && !r.Enforced(o.Database) && !o.Portable:
			// another database's rule: this one accepts the schema as is
		default:
			warnings = append(warnings, e)
		}
	}
	return errs, warnings
}

// Warning formats e as a warning: its message, then the rule and the
// databases that would refuse it.
func (e *Error) Warning() string {
	r := e.BrokenRule()
	return fmt.Sprintf("%s (rule %s: an error on %s only; --strict makes it one here)", e.Error(), r.ID, strings.Join(r.Databases, ", "))
}
