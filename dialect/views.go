package dialect

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// ViewCycleError is returned when views read each other in a circle
// (their Reads, from the catalog or schema.yaml): no order creates them.
type ViewCycleError struct {
	// Views are the views of the cycle, qualified, in the order found.
	Views []string
}

func (e *ViewCycleError) Error() string {
	return fmt.Sprintf("views %s read each other in a cycle; no order creates them: fix their reads: or definitions",
		strings.Join(e.Views, " -> "))
}

// ViewTypeBinder is implemented by a dialect whose views hold on to the
// types of the columns they read (optional, by type assertion):
// PostgreSQL refuses "cannot alter type of a column used by a view".
// Autogenerate drops the views over a column whose type changes (those
// that read its table, directly or through other views, deepest first)
// and creates them again after the change, in the same revision.
type ViewTypeBinder interface {
	// ViewsBindColumnTypes reports whether a column's type cannot change
	// under a view.
	ViewsBindColumnTypes() bool
}

// SortViews returns views so that each comes after the views of the list
// it reads ([metadata.View.Reads]), otherwise in list order; a cycle is a
// *ViewCycleError.
func SortViews(views []*metadata.View) ([]*metadata.View, error) {
	out, cycle := sortByDeps(views, (*metadata.View).QualifiedName, func(v *metadata.View) []string { return v.Reads })
	if cycle != nil {
		return nil, &ViewCycleError{Views: cycle}
	}
	return out, nil
}

// ViewsOver returns the views of m that read any relation of names
// (qualified), directly or through other views of m, in creation order
// (SortViews; list order on a cycle).
func ViewsOver(m *metadata.MetaData, names map[string]bool) []*metadata.View {
	if len(m.Views) == 0 || len(names) == 0 {
		return nil
	}
	ordered, err := SortViews(m.Views)
	if err != nil {
		ordered = m.Views
	}
	hit := map[string]bool{}
	for k := range names {
		hit[k] = true
	}
	var out []*metadata.View
	for changed := true; changed; { // a view may come before one it reads on a cycle
		changed = false
		for _, v := range ordered {
			q := v.QualifiedName()
			if hit[q] {
				continue
			}
			for _, r := range v.Reads {
				if hit[r] {
					hit[q], changed = true, true
					break
				}
			}
		}
	}
	for _, v := range ordered {
		if hit[v.QualifiedName()] && !names[v.QualifiedName()] {
			out = append(out, v)
		}
	}
	return out
}

// NormalizeViewOrder sorts m's views by schema and name, then into
// creation order ([SortViews]; by name alone on a cycle), as every
// dialect's Normalize and Inspect give them.
func NormalizeViewOrder(m *metadata.MetaData) {
	slices.SortStableFunc(m.Views, func(a, b *metadata.View) int {
		return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Name, b.Name))
	})
	if sorted, err := SortViews(m.Views); err == nil {
		m.Views = sorted
	}
}

// ErrNoMaterializedViews is returned by a dialect without materialized
// views (MySQL/MariaDB, SQLite) asked to plan one.
var ErrNoMaterializedViews = errors.New("materialized views are PostgreSQL's; on this database make it a plain view (remove materialized: true) or a table filled by the revision")
