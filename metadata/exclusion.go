package metadata

import "slices"

// Exclusion is an exclusion constraint (PostgreSQL's EXCLUDE USING method
// (element WITH operator, ...)): no two rows may have every element's
// operator true between them, as no two bookings of one room may overlap
// in time. It is built on an index of the method.
type Exclusion struct {
	Name string
	// Using is the index method (gist, btree, spgist, ...); empty is
	// PostgreSQL's default, btree.
	Using    string
	Elements []ExclusionElement
	// Include are the non-key columns of the index (INCLUDE).
	Include []string
	// Where makes it partial: only rows it holds for are compared.
	Where             string
	Deferrable        bool
	InitiallyDeferred bool
	Comment           string
}

// ExclusionElement is one element of an exclusion constraint: a column,
// or an expression as an index key is written (a function call as is,
// anything else in parentheses; an operator class or ordering may
// follow), and the operator rows are compared with.
type ExclusionElement struct {
	Column     string
	Expression string
	Operator   string
}

// Clone returns a deep copy of x.
func (x *Exclusion) Clone() *Exclusion {
	c := *x
	c.Elements = slices.Clone(x.Elements)
	c.Include = cloneSlice(x.Include)
	return &c
}

// Columns are the columns of x's elements that are plain columns.
func (x *Exclusion) Columns() []string {
	var out []string
	for _, e := range x.Elements {
		if e.Column != "" {
			out = append(out, e.Column)
		}
	}
	return out
}

// Exclusion returns the named exclusion constraint, or nil.
func (t *Table) Exclusion(name string) *Exclusion {
	for _, x := range t.Exclusions {
		if x.Name == name {
			return x
		}
	}
	return nil
}

// RenameColumn renames column old to new in x's column elements and
// INCLUDE list; expressions and the predicate are SQL text, left as
// written.
func (x *Exclusion) RenameColumn(old, new string) {
	for i := range x.Elements {
		if x.Elements[i].Column == old {
			x.Elements[i].Column = new
		}
	}
	for i, c := range x.Include {
		if c == old {
			x.Include[i] = new
		}
	}
}
