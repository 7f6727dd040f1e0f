package metadata

import (
	"fmt"
	"slices"
	"strings"
)

// keys checks a table's primary key, foreign keys, unique and check
// constraints and indexes, and that their names are unique in the table.
func (v *validator) keys(p Path, t *Table) {
	tv := tableValidator{validator: v, t: t, where: fmt.Sprintf("table %q", t.QualifiedName()), names: map[string]string{}, constraints: map[string]string{}}
	if pk := t.PrimaryKey; pk != nil {
		tv.primaryKey(p, pk)
	}
	for k, fk := range t.ForeignKeys {
		tv.foreignKey(p.Field("foreign_keys").Index(k), fk)
	}
	for k, u := range t.Uniques {
		up := p.Field("unique").Index(k)
		tv.constraintName(up, "unique constraint", u.Name)
		tv.columns(up, "unique constraint "+quoteName(u.Name), u.Columns, true)
		tv.deferral(up, "unique constraint "+quoteName(u.Name), u.Deferrable, u.InitiallyDeferred)
	}
	for k, c := range t.Checks {
		cp := p.Field("checks").Index(k)
		tv.constraintName(cp, "check", c.Name)
		if strings.TrimSpace(c.Expression) == "" {
			v.add(cp.Field("expression"), "%s: check %s has no expression", tv.where, quoteName(c.Name))
		}
	}
	for k, x := range t.Exclusions {
		xp := p.Field("exclusions").Index(k)
		what := "exclusion constraint " + quoteName(x.Name)
		tv.constraintName(xp, "exclusion constraint", x.Name)
		if len(x.Elements) == 0 {
			v.add(xp.Field("elements"), "%s: %s has no elements; list at least one", tv.where, what)
		}
		tv.columns(xp, what, x.Columns(), false)
		tv.columns(xp, what, x.Include, false)
		tv.deferral(xp, what, x.Deferrable, x.InitiallyDeferred)
	}
	for k, ix := range t.Indexes {
		tv.index(p.Field("indexes").Index(k), ix)
	}
}

// tableValidator checks the keys of one table.
type tableValidator struct {
	*validator
	t           *Table
	where       string            // `table "name"`, for messages
	names       map[string]string // key and index names seen, to what they name
	constraints map[string]string // constraint names seen, to what they name
}

// constraintName checks that name is not used twice in one of the two
// namespaces a table has: its keys and indexes (a primary key, unique
// constraint or index is an index; PostgreSQL's relations, MySQL's index
// names) and its constraints (primary key, unique, foreign key, check:
// PostgreSQL's pg_constraint, MySQL's constraint names). A foreign key or
// check may share its name with a plain index, as every mysqldump shows
// (MySQL names a key's index after the key).
func (tv *tableValidator) constraintName(p Path, what, name string) {
	if name == "" {
		return // the database picks one
	}
	tv.nameLength(p.Field("name"), tv.where+": "+what, name)
	index := what == "index" || what == "primary key" || what == "unique constraint" || what == "exclusion constraint"
	constraint := what != "index"
	for _, space := range []struct {
		in   bool
		seen map[string]string
	}{{index, tv.names}, {constraint, tv.constraints}} {
		if !space.in {
			continue
		}
		if prev, ok := space.seen[name]; ok {
			if prev == "index" && what == "index" {
				tv.rule(RuleIndexNameTwice, p.Field("name"), "%s: two indexes are named %q; rename one", tv.where, name)
				return
			}
			tv.rule(RuleNameDuplicate, p.Field("name"), "%s: name %q is used twice (%s, %s); the names of a table's constraints, and those of its keys and indexes, must differ, so rename one",
				tv.where, name, prev, what)
			return
		}
	}
	if index {
		tv.names[name] = what
	}
	if constraint {
		tv.constraints[name] = what
	}
}

// columns checks a key's columns: at least one (unless optional), each
// declared, none twice.
func (tv *tableValidator) columns(p Path, what string, cols []string, required bool) {
	if len(cols) == 0 && required {
		tv.add(p.Field("columns"), "%s: %s has no columns; list at least one", tv.where, what)
	}
	for i, c := range cols {
		at := p.Field("columns").Index(i)
		switch {
		case tv.t.Column(c) == nil:
			tv.add(at, "%s: %s names column %q, which does not exist%s", tv.where, what, c, didYouMean(c, columnNames(tv.t)))
		case slices.Index(cols, c) < i && !required:
			tv.rule(RuleIndexColumnTwice, at, "%s: %s lists column %q twice", tv.where, what, c)
		case slices.Index(cols, c) < i:
			tv.add(at, "%s: %s lists column %q twice", tv.where, what, c)
		}
	}
}

func (tv *tableValidator) primaryKey(p Path, pk *PrimaryKey) {
	pp := p.Field("primary_key")
	tv.constraintName(pp, "primary key", pk.Name)
	tv.columns(pp, "primary key", pk.Columns, true)
	tv.deferral(pp, "primary key", pk.Deferrable, pk.InitiallyDeferred)
	for _, name := range pk.Columns {
		if j := tv.t.ColumnIndex(name); j >= 0 && tv.t.Columns[j].Nullable {
			tv.rule(RuleNullablePK, p.Field("columns").Index(j).Field("nullable"),
				"%s, column %q: a primary key column cannot be nullable; remove nullable: true", tv.where, name)
		}
	}
}

// deferral checks that a constraint initially deferred is deferrable.
func (tv *tableValidator) deferral(p Path, what string, deferrable, initially bool) {
	if initially && !deferrable {
		tv.rule(RuleDeferred, p.Field("initially_deferred"), "%s: %s is initially deferred but not deferrable; add deferrable: true", tv.where, what)
	}
}

func (tv *tableValidator) index(p Path, ix *Index) {
	what := "index " + quoteName(ix.Name)
	tv.constraintName(p, "index", ix.Name)
	if len(ix.Columns) == 0 && len(ix.Expressions) == 0 {
		tv.add(p.Field("columns"), "%s: %s has no columns or expressions; list at least one", tv.where, what)
	}
	if ix.NullsNotDistinct && !ix.Unique {
		tv.add(p.Field("nulls_not_distinct"), "%s: %s is nulls_not_distinct but not unique; add unique: true, or remove nulls_not_distinct", tv.where, what)
	}
	tv.columns(p, what, ix.Columns, false)
	for i, e := range ix.Expressions {
		if strings.TrimSpace(e) == "" {
			tv.add(p.Field("expressions").Index(i), "%s: %s has an empty expression", tv.where, what)
		}
	}
}

// quoteName quotes a constraint's name for a message, or says it has none.
func quoteName(name string) string {
	if name == "" {
		return "(unnamed)"
	}
	return fmt.Sprintf("%q", name)
}

func columnNames(t *Table) []string {
	names := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		names[i] = c.Name
	}
	return names
}
