package autogen

import (
	"errors"
	"fmt"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// ErrInheritsChanged is a table whose parents (PostgreSQL's INHERITS)
// differ between the target and the database. ALTER TABLE ... INHERIT
// and NO INHERIT change which rows a query on the parent sees, and need
// the child's columns to match: a revision to write by hand.
var ErrInheritsChanged = errors.New("table inheritance changed")

// changedInherits returns an error naming the first table of both sides
// whose inherits differs.
func (c *comparer) changedInherits() error {
	return c.eachTableOnBothSides(func(t, cur *metadata.Table) error {
		if a, b := describeInherits(t), describeInherits(cur); a != b {
			return fmt.Errorf("autogen: table %s: %w: inherits %s in the schema, %s in the database; write the revision by hand (execute: ALTER TABLE ... INHERIT parent / NO INHERIT parent)",
				t.QualifiedName(), ErrInheritsChanged, a, b)
		}
		return nil
	})
}

// describeInherits lists t's parents, schema-qualified where named.
func describeInherits(t *metadata.Table) string {
	if len(t.Inherits) == 0 {
		return "none"
	}
	names := make([]string, len(t.Inherits))
	for i, in := range t.Inherits {
		s, n := in.ParentRef(t)
		if s != "" {
			n = s + "." + n
		}
		names[i] = n
	}
	return strings.Join(names, ", ")
}
