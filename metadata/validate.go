package metadata

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Validate checks that m is a schema the databases accept: every table,
// column, enum and constraint named, names unique where the databases need
// them to be, types known, keys, indexes and foreign keys over columns that
// exist, with referring and referred columns of the same type. It returns an
// [ErrorList] of every problem found, in model order, each with the [Path]
// of the element at fault and a message naming its table and column; or nil.
//
// Validate does not change m. Unnamed constraints are fine: the database
// names them (call [MetaData.ApplyNamingConvention] first to name them).
func (m *MetaData) Validate() error {
	v := &validator{m: m}
	v.convention()
	v.enums()
	v.sequences()
	v.tables()
	v.views()
	v.routines()
	v.schemaGrants()
	return v.errs.Err()
}

// schemaGrants checks the schemas' grants: roles named once, privileges
// a schema has.
func (v *validator) schemaGrants() {
	for i, s := range v.m.Schemas {
		for _, problem := range GrantProblems(s.Grants) {
			v.add(Path("schemas").Index(i).Field("grants"), "%s: grants: %s", elementName("schema", s.Name, i), problem)
		}
	}
}

// validator collects the problems of one model.
type validator struct {
	m    *MetaData
	errs ErrorList
}

// add records a problem of the model rule; rule records one of another.
func (v *validator) add(p Path, format string, args ...any) {
	v.errs.Add(p, format, args...)
}

func (v *validator) rule(id string, p Path, format string, args ...any) {
	v.errs.AddRule(id, p, format, args...)
}

// nameLength checks a name against the databases' limits.
func (v *validator) nameLength(p Path, what, name string) {
	if len(name) > MaxNameLength {
		v.rule(RuleNameLengthPG, p, "%s: name %q is %d bytes long; PostgreSQL keeps only %d, so shorten it", what, name, len(name), MaxNameLength)
	}
	if n := utf8.RuneCountInString(name); n > MaxNameLength+1 {
		v.rule(RuleNameLengthMySQL, p, "%s: name %q is %d characters long; MySQL allows %d, so shorten it", what, name, n, MaxNameLength+1)
	}
}

// name checks that a name is given and the databases can hold it.
func (v *validator) name(p Path, what, name string) bool {
	switch {
	case name == "":
		v.add(p, "%s has no name; give it one with name:", what)
	case !utf8.ValidString(name):
		v.add(p, "%s: name %q is not valid UTF-8", what, name)
	default:
		v.nameLength(p, what, name)
		return true
	}
	return false
}

func (v *validator) convention() {
	p := Path("naming_convention")
	for _, kind := range sortedKeys(v.m.NamingConvention) {
		at := p.Field(kind)
		if !slices.Contains(conventionKinds, kind) {
			v.add(at, "naming convention: unknown key %q; use one of %s%s", kind, strings.Join(conventionKinds, ", "), didYouMean(kind, conventionKinds))
			continue
		}
		if err := checkTemplate(v.m.NamingConvention[kind]); err != nil {
			v.add(at, templateProblem, kind, err)
		}
	}
}

func (v *validator) enums() {
	seen := map[string]bool{}
	for k, e := range v.m.Enums {
		p := Path("enums").Index(k)
		what := fmt.Sprintf("enum %q", e.QualifiedName())
		if !v.name(p, "an enum", e.Name) {
			continue
		}
		if strings.Contains(e.Name, ".") || strings.Contains(e.Schema, ".") {
			v.add(p, "%s: a name cannot contain a dot; write schema.name to give an enum a schema", what)
		}
		if seen[e.QualifiedName()] {
			v.add(p, "%s is declared twice; remove one", what)
		}
		seen[e.QualifiedName()] = true
		v.enumValues(p.Field("values"), what, e.Values)
	}
}

func (v *validator) sequences() {
	seen := map[string]bool{}
	for k, s := range v.m.Sequences {
		p := Path("sequences").Index(k)
		if !v.name(p.Field("name"), "a sequence", s.Name) {
			continue
		}
		if seen[s.QualifiedName()] {
			v.add(p.Field("name"), "sequence %q is declared twice; remove one", s.QualifiedName())
		}
		seen[s.QualifiedName()] = true
	}
}

func (v *validator) enumValues(p Path, what string, values []string) {
	if len(values) == 0 {
		v.rule(RuleEnumNoValues, p, "%s has no values; list at least one", what)
	}
	seen := map[string]bool{}
	for i, val := range values {
		if seen[val] {
			v.rule(RuleEnumValueTwice, p.Index(i), "%s: value %q is listed twice; remove one", what, val)
		}
		seen[val] = true
	}
}

func (v *validator) tables() {
	seen := map[string]bool{}
	for i, t := range v.m.Tables {
		p := Path("tables").Index(i)
		if !v.name(p.Field("name"), "a table", t.Name) {
			continue
		}
		if seen[t.QualifiedName()] {
			v.add(p.Field("name"), "table %q is declared twice; rename or remove one", t.QualifiedName())
		}
		seen[t.QualifiedName()] = true
		v.table(p, t)
	}
	v.indexNamesInSchemas()
}

// indexNamesInSchemas reports an index named like an index of another
// table of its schema or like a table (PostgreSQL and SQLite name indexes
// per schema, beside tables), and an index named PRIMARY (MySQL's name of
// the primary key).
func (v *validator) indexNamesInSchemas() {
	type key struct{ schema, name string }
	first := map[key]string{} // the table that has it
	tables := map[key]bool{}
	for _, t := range v.m.Tables {
		tables[key{t.Schema, t.Name}] = true
	}
	for i, t := range v.m.Tables {
		for k, u := range t.Uniques {
			if strings.EqualFold(u.Name, "primary") {
				v.rule(RuleIndexNamePrimary, Path("tables").Index(i).Field("unique").Index(k).Field("name"),
					"table %q: unique constraint %q: MySQL keeps the name PRIMARY for the primary key; rename it", t.QualifiedName(), u.Name)
			}
		}
		for k, ix := range t.Indexes {
			if ix.Name == "" {
				continue
			}
			p := Path("tables").Index(i).Field("indexes").Index(k).Field("name")
			if strings.EqualFold(ix.Name, "primary") {
				v.rule(RuleIndexNamePrimary, p, "table %q: index %q: MySQL keeps the name PRIMARY for the primary key; rename it", t.QualifiedName(), ix.Name)
			}
			if tables[key{t.Schema, ix.Name}] {
				v.rule(RuleIndexNameTable, p, "table %q: index %q is named like a table; PostgreSQL and SQLite name tables and indexes alike, so rename it", t.QualifiedName(), ix.Name)
			}
			at := key{t.Schema, ix.Name}
			prev, ok := first[at]
			switch {
			case !ok:
				first[at] = t.Name
			case prev != t.Name:
				v.rule(RuleIndexNameSchema, p,
					"table %q: index %q is named like an index of table %q; index names are the schema's on PostgreSQL and SQLite, so rename one",
					t.QualifiedName(), ix.Name, qualify(t.Schema, prev))
			}
		}
	}
}

func (v *validator) table(p Path, t *Table) {
	if t.PartitionOf != nil {
		v.partition(p, t)
		return
	}
	if len(t.Inherits) > 0 {
		v.heir(p, t)
		return
	}
	if len(t.Columns) == 0 {
		v.rule(RuleTableNoColumns, p.Field("columns"), "table %q has no columns; add at least one", t.QualifiedName())
	}
	seen := map[string]bool{}
	autoInc := 0
	for j, c := range t.Columns {
		cp := p.Field("columns").Index(j)
		if !v.name(cp.Field("name"), fmt.Sprintf("table %q: column %d", t.QualifiedName(), j+1), c.Name) {
			continue
		}
		if seen[c.Name] {
			v.add(cp.Field("name"), "table %q: column %q is declared twice; rename or remove one", t.QualifiedName(), c.Name)
		}
		seen[c.Name] = true
		v.column(cp, t, c)
		if c.AutoIncrement {
			autoInc++
			if autoInc == 2 {
				v.rule(RuleAutoIncrementTwice, cp.Field("autoincrement"), "table %q, column %q: only one column of a table can be autoincrement", t.QualifiedName(), c.Name)
			}
		}
	}
	v.keys(p, t)
}

// heir checks a table that inherits (PostgreSQL's INHERITS): its parents
// are tables of the schema, its own columns are sound, and its keys and
// indexes use its parents' columns or its own. Unlike other tables it may
// declare no column of its own.
func (v *validator) heir(p Path, t *Table) {
	for j, in := range t.Inherits {
		if v.m.Table(in.ParentRef(t)) == nil {
			v.add(p.Field("inherits").Index(j).Field("table"), "table %q: inherits names table %q, which the schema does not have",
				t.QualifiedName(), qualify(in.ParentRef(t)))
			return
		}
	}
	for j, c := range t.Columns {
		cp := p.Field("columns").Index(j)
		if v.name(cp.Field("name"), fmt.Sprintf("table %q: column %d", t.QualifiedName(), j+1), c.Name) {
			v.column(cp, t, c)
		}
	}
	withColumns := *t
	withColumns.Columns = v.m.ColumnsOf(t)
	v.keys(p, &withColumns)
}

// partition checks a partition: its parent is a partitioned table of the
// schema, it declares no columns of its own, and its keys and indexes use
// the parent's columns.
func (v *validator) partition(p Path, t *Table) {
	parent := v.m.Parent(t)
	schema, name := t.PartitionOf.ParentRef(t)
	switch {
	case parent == nil:
		v.add(p.Field("partition_of").Field("table"), "table %q: partition_of names table %q, which the schema does not have", t.QualifiedName(), qualify(schema, name))
		return
	case parent.PartitionBy == "":
		v.add(p.Field("partition_of").Field("table"), "table %q: partition_of names table %q, which has no partition_by", t.QualifiedName(), parent.QualifiedName())
		return
	case len(t.Columns) > 0:
		v.add(p.Field("columns"), "table %q is a partition of %q: it has its parent's columns; remove columns:", t.QualifiedName(), parent.QualifiedName())
		return
	}
	withColumns := *t
	withColumns.Columns = v.m.ColumnsOf(t)
	v.keys(p, &withColumns)
}

func (v *validator) column(p Path, t *Table, c *Column) {
	where := fmt.Sprintf("table %q, column %q", t.QualifiedName(), c.Name)
	v.typ(p.Field("type"), where, c.Type)
	v.clauseOrder(p.Field("clause_order"), where, c.ClauseOrder)
	if c.AutoIncrement {
		switch c.Type.Kind {
		case SmallInt, Integer, BigInt, Native:
		default:
			v.rule(RuleAutoIncrementType, p.Field("autoincrement"), "%s: autoincrement needs an integer type, not %s", where, c.Type)
		}
		if c.Default != "" {
			v.rule(RuleAutoIncrementDef, p.Field("default"), "%s: an autoincrement column cannot have a default; remove one of them", where)
		}
	}
	if g := c.Generated; g != nil {
		switch {
		case strings.TrimSpace(g.Expression) == "":
			v.add(p.Field("generated").Field("expression"), "%s: a generated column needs its expression, as in generated: {expression: a * 2}", where)
		case c.Default != "":
			v.add(p.Field("default"), "%s: a generated column cannot have a default; remove one of them", where)
		case c.AutoIncrement:
			v.add(p.Field("autoincrement"), "%s: a generated column cannot be autoincrement; remove one of them", where)
		}
	}
	for _, problem := range c.Attributes.Problems() {
		v.add(p.Field("attributes"), "%s: attributes: %s", where, problem)
	}
}

// typ checks a column type: a known kind whose canonical text reads back as
// the same type, a declared enum, variants that are types.
func (v *validator) typ(p Path, where string, t Type) {
	switch {
	case t.Kind == Native:
		if strings.TrimSpace(t.Native) == "" {
			v.add(p, "%s: native type is empty", where)
		}
	case !slices.Contains(Kinds, t.Kind):
		v.add(p, "%s: unknown type kind %q%s", where, t.Kind, didYouMean(string(t.Kind), kindNames()))
	default:
		if u, err := ParseType(t.String()); err != nil {
			v.add(p, "%s: %v", where, err)
		} else if !u.Equal(t.For("")) {
			v.add(p, "%s: type %s is malformed: it sets fields its kind does not use, or its enum name has spaces or parentheses", where, t)
		}
	}
	if t.Kind == EnumKind && t.EnumName != "" && v.enum(t.EnumName) == nil {
		v.add(p, "%s: enum %q is not declared; declare it under enums:%s", where, t.EnumName, didYouMean(t.EnumName, v.enumNames()))
	}
	for _, d := range sortedKeys(t.Variants) {
		if _, err := ParseType(t.Variants[d]); err != nil {
			v.add(p.Field("variants").Field(d), "%s: variant for %s: %v", where, d, err)
		}
	}
}

func (v *validator) enum(qualified string) *Enum {
	for _, e := range v.m.Enums {
		if e.QualifiedName() == qualified {
			return e
		}
	}
	return nil
}

func (v *validator) enumNames() []string {
	var names []string
	for _, e := range v.m.Enums {
		names = append(names, e.QualifiedName())
	}
	return names
}

func kindNames() []string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return names
}

// didYouMean returns ` (did you mean "x"?)` for the candidate closest to
// word, or "" when none is close.
func didYouMean(word string, candidates []string) string {
	s := ClosestMatch(word, candidates)
	for _, c := range candidates {
		if strings.EqualFold(c, word) {
			s = c // CASCADE for cascade, Users for users
			break
		}
	}
	if s == "" || s == word {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", s)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// views checks that each view is named once, not as a table is.
func (v *validator) views() {
	seen := map[string]bool{}
	for _, t := range v.m.Tables {
		seen[t.QualifiedName()] = true
	}
	for k, w := range v.m.Views {
		p := Path("views").Index(k)
		if !v.name(p.Field("name"), "a view", w.Name) {
			continue
		}
		if seen[w.QualifiedName()] {
			v.add(p.Field("name"), "view %q is named as another table or view; rename one", w.QualifiedName())
		}
		seen[w.QualifiedName()] = true
	}
}
