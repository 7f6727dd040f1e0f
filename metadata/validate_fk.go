package metadata

import (
	"slices"
	"strings"
)

// actions are the referential actions, for checks and suggestions.
var actions = []string{NoAction, Restrict, Cascade, SetNull, SetDefault}

func (tv *tableValidator) foreignKey(p Path, fk *ForeignKey) {
	what := "foreign key " + quoteName(fk.Name)
	tv.constraintName(p, "foreign key", fk.Name)
	tv.columns(p, what, fk.Columns, true)
	tv.action(p.Field("on_delete"), what, "on_delete", fk.OnDelete)
	tv.action(p.Field("on_update"), what, "on_update", fk.OnUpdate)
	tv.deferral(p, what, fk.Deferrable, fk.InitiallyDeferred)
	ref := tv.refTable(p, what, fk)
	if ref == nil {
		return
	}
	if len(fk.RefColumns) != len(fk.Columns) {
		tv.add(p.Field("ref_columns"), "%s: %s has %d columns but references %d; list as many ref_columns as columns",
			tv.where, what, len(fk.Columns), len(fk.RefColumns))
		return
	}
	missing := false
	for i, name := range fk.RefColumns {
		rc := ref.Column(name)
		if rc == nil {
			missing = true
			tv.add(p.Field("ref_columns").Index(i), "%s: %s references column %q of table %q, which does not exist%s",
				tv.where, what, name, ref.QualifiedName(), didYouMean(name, columnNames(ref)))
			continue
		}
		if c := tv.t.Column(fk.Columns[i]); c != nil {
			if rule := typeRule(c.Type, rc.Type); rule != "" {
				tv.rule(rule, p.Field("columns").Index(i), "%s: %s: column %q is %s but the column %q it references in table %q is %s; give both the same type",
					tv.where, what, c.Name, c.Type, rc.Name, ref.QualifiedName(), rc.Type)
			}
		}
	}
	if !missing && !referable(ref, fk.RefColumns) {
		tv.rule(RuleFKNotUnique, p.Field("ref_columns"), "%s: %s references (%s) of table %q, which are neither its primary key nor unique; add a unique constraint on them",
			tv.where, what, strings.Join(fk.RefColumns, ", "), ref.QualifiedName())
	}
}

// refTable returns the table fk refers to, or nil after reporting why there is none.
func (tv *tableValidator) refTable(p Path, what string, fk *ForeignKey) *Table {
	if fk.RefTable == "" {
		tv.add(p.Field("ref_table"), "%s: %s has no ref_table; name the table it references", tv.where, what)
		return nil
	}
	schema := fk.RefSchema
	if schema == "" {
		schema = tv.t.Schema
	}
	ref := tv.m.Table(schema, fk.RefTable)
	if ref == nil {
		var names []string
		for _, t := range tv.m.Tables {
			names = append(names, t.QualifiedName())
		}
		name := qualify(schema, fk.RefTable)
		tv.add(p.Field("ref_table"), "%s: %s references table %q, which does not exist%s", tv.where, what, name, didYouMean(name, names))
	}
	return ref
}

// action checks an ON DELETE or ON UPDATE action.
func (tv *tableValidator) action(p Path, what, key, action string) {
	if action == "" {
		return
	}
	if !slices.Contains(actions, action) {
		tv.add(p, "%s: %s: unknown %s action %q; use one of %s%s", tv.where, what, key, action, strings.Join(actions, ", "), didYouMean(action, actions))
		return
	}
	// SET NULL on a NOT NULL column is accepted: PostgreSQL and SQLite
	// create such keys (they fail only when a delete fires them) and real
	// schemas hold them (sakila). MySQL refuses them, and its dialect says so.
}

// typeRule says which rule a foreign key column of type a referencing a
// column of type b breaks, or "": none when they are of the same kind
// (varchar and char count as one), with lengths free to differ, and the
// same numeric precision and enum; [RuleFKTypeDiffers] for another size of
// the same family (integers, floats, numerics, strings);
// [RuleFKTypeIncomparable] across families. Native types are left to the
// database, whose rules Retort does not know.
func typeRule(a, b Type) string {
	if a.Kind == Native || b.Kind == Native {
		return ""
	}
	str := func(k Kind) bool { return k == Varchar || k == Char }
	switch {
	case str(a.Kind) && str(b.Kind):
		return ""
	case a.Kind == b.Kind && a.Kind == Numeric && (a.Precision != b.Precision || a.Scale != b.Scale):
		return RuleFKTypeDiffers
	case a.Kind == b.Kind && a.Kind == EnumKind && a.EnumName != b.EnumName:
		return RuleFKTypeIncomparable
	case a.Kind == b.Kind:
		return ""
	case typeFamily(a.Kind) != "" && typeFamily(a.Kind) == typeFamily(b.Kind):
		return RuleFKTypeDiffers
	}
	return RuleFKTypeIncomparable
}

// typeFamily groups the kinds PostgreSQL compares with one another.
func typeFamily(k Kind) string {
	switch k {
	case SmallInt, Integer, BigInt:
		return "integer"
	case Real, Double:
		return "float"
	case Varchar, Char, Text:
		return "string"
	case Timestamp, TimestampTZ, Date:
		return "datetime"
	}
	return ""
}

// referable reports whether cols are the primary key of t or covered
// exactly by one of its unique constraints or full unique indexes, as
// PostgreSQL and MySQL require of a referenced key.
func referable(t *Table, cols []string) bool {
	same := func(keys []string) bool {
		if len(keys) != len(cols) {
			return false
		}
		for _, c := range cols {
			if !slices.Contains(keys, c) {
				return false
			}
		}
		return true
	}
	if t.PrimaryKey != nil && same(t.PrimaryKey.Columns) {
		return true
	}
	for _, u := range t.Uniques {
		if same(u.Columns) {
			return true
		}
	}
	for _, ix := range t.Indexes {
		if ix.Unique && ix.Where == "" && len(ix.Expressions) == 0 && same(ix.Columns) {
			return true
		}
	}
	return false
}
