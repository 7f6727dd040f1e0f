package autogen

import (
	"strings"

	"github.com/retortdb/retort/dialect"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// renamed is a current object that the target has under another name.
type renamed[T any] struct{ from, to T }

// pairRenamed is [pair] for objects a database can rename in place: what
// is left after matching by name and that matches by definition is a
// rename when chosen(target) and the current one has a name, not an
// equality. A target whose name nobody chose (none, or the one the naming
// convention derives) takes the database's, as in pair.
func pairRenamed[T any](target, current []T, name func(T) string, same func(a, b T, byName bool) bool, chosen func(T) bool) (create, drop []T, renames []renamed[T]) {
	usedT := make([]bool, len(target))
	usedC := make([]bool, len(current))
	for i, t := range target {
		for j, cur := range current {
			if usedC[j] || name(t) == "" || !strings.EqualFold(name(t), name(cur)) {
				continue
			}
			usedT[i], usedC[j] = true, true
			if !same(t, cur, true) {
				create, drop = append(create, t), append(drop, cur)
			}
			break
		}
	}
	for i, t := range target {
		for j, cur := range current {
			if usedT[i] || usedC[j] || !same(t, cur, false) {
				continue
			}
			usedT[i], usedC[j] = true, true
			if chosen(t) && name(cur) != "" {
				renames = append(renames, renamed[T]{cur, t})
			}
		}
	}
	for i, t := range target {
		if !usedT[i] {
			create = append(create, t)
		}
	}
	for j, cur := range current {
		if !usedC[j] {
			drop = append(drop, cur)
		}
	}
	return create, drop, renames
}

// nameChosen reports whether name is one somebody chose, so that a
// matching object under another name is a rename: not empty, and not the
// name the naming convention derives (derived, or err when it derives
// none), which takes the database's.
func nameChosen(name, derived string, err error) bool {
	return name != "" && (err != nil || !strings.EqualFold(derived, name))
}

// renamesConstraints reports whether the dialect renames constraints in
// place (rename_constraint), so that a renamed constraint is reported as
// a rename rather than paired by definition.
func (c *comparer) renamesConstraints() bool {
	rn, ok := c.d.(dialect.ConstraintRenamer)
	return ok && rn.RenamesConstraints()
}

// indexes compares t's indexes with cur's: a changed index is dropped and
// created, a renamed one (same definition, same table, another name) is a
// rename_index.
func (c *comparer) indexes(t, cur *metadata.Table) {
	create, drop, renames := pairRenamed(t.Indexes, cur.Indexes, func(ix *metadata.Index) string { return ix.Name },
		func(a, b *metadata.Index, byName bool) bool { return c.sameIndex(t, a, b, byName) },
		func(ix *metadata.Index) bool {
			derived, err := c.target.DerivedName(metadata.KindIndex, t, ix.Columns, "", nil, "")
			return nameChosen(ix.Name, derived, err)
		})
	r := ref(t)
	for _, ix := range drop {
		c.p.dropKeys = append(c.p.dropKeys, &ops.DropIndex{TableRef: r, IndexName: ix.Name, Index: ix.Clone()})
	}
	for _, rn := range renames {
		c.p.createKeys = append(c.p.createKeys, &ops.RenameIndex{TableRef: r, IndexName: rn.from.Name, NewName: rn.to.Name})
	}
	for _, ix := range create {
		c.p.createKeys = append(c.p.createKeys, &ops.CreateIndex{TableRef: r, Index: ix.Clone()})
	}
}
