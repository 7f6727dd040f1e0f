package autogen_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// mutation changes a model in place and names what it did, or returns ""
// when the model offers nothing to change that way.
type mutation func(r *rand.Rand, m *metadata.MetaData) string

// mutations cover every change kind autogenerate detects.
var mutations = []mutation{
	addTable, dropTable, addColumn, dropColumn, alterNullable, alterType, alterDefault,
	alterComment, addIndex, dropIndex, addUnique, dropUnique, addCheck, dropCheck,
	addForeignKey, dropForeignKey, addEnumValue, tableComment, changePrimaryKey,
	addEnumColumn, dropEnumColumn,
}

// mutate applies 1 to 3 random mutations to a copy of m.
func mutate(r *rand.Rand, m *metadata.MetaData) (*metadata.MetaData, []string) {
	m = m.Clone()
	var did []string
	for n := 1 + r.IntN(3); len(did) < n; {
		if what := mutations[r.IntN(len(mutations))](r, m); what != "" {
			did = append(did, what)
		}
	}
	return m, did
}

func pick[T any](r *rand.Rand, s []T) (T, bool) {
	var zero T
	if len(s) == 0 {
		return zero, false
	}
	return s[r.IntN(len(s))], true
}

// used reports whether a column is in the table's keys, indexes or checks,
// or referred to from another table.
func used(m *metadata.MetaData, t *metadata.Table, col string) bool {
	if t.PrimaryKey != nil && slices.Contains(t.PrimaryKey.Columns, col) {
		return true
	}
	for _, ix := range t.Indexes {
		if slices.Contains(ix.Columns, col) || len(ix.Expressions) > 0 {
			return true
		}
	}
	for _, u := range t.Uniques {
		if slices.Contains(u.Columns, col) {
			return true
		}
	}
	for _, fk := range t.ForeignKeys {
		if slices.Contains(fk.Columns, col) {
			return true
		}
	}
	for _, ck := range t.Checks {
		if containsWord(ck.Expression, col) {
			return true
		}
	}
	for _, o := range m.Tables {
		for _, fk := range o.ForeignKeys {
			if fk.RefTable == t.Name && slices.Contains(fk.RefColumns, col) {
				return true
			}
		}
	}
	return false
}

// containsWord is a conservative test: any occurrence counts.
func containsWord(expr, word string) bool { return strings.Contains(expr, word) }

// isPlainName is a name a check can use unquoted on every database.
func isPlainName(s string) bool {
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}

// freeColumns are the columns of t nothing else uses.
func freeColumns(m *metadata.MetaData, t *metadata.Table) []*metadata.Column {
	var out []*metadata.Column
	for _, c := range t.Columns {
		if !used(m, t, c.Name) {
			out = append(out, c)
		}
	}
	return out
}

func addTable(r *rand.Rand, m *metadata.MetaData) string {
	name := fmt.Sprintf("prop_new_%d", r.IntN(1000))
	if m.Table("", name) != nil {
		return ""
	}
	t := metadata.NewTable(name, &metadata.Column{Name: "id", Type: metadata.IntegerType},
		metadata.NewColumn("note", metadata.VarcharType(40)))
	t.PrimaryKey = &metadata.PrimaryKey{Name: "pk_" + name, Columns: []string{"id"}}
	if ref, ok := pick(r, m.Tables); ok && ref.PrimaryKey != nil && len(ref.PrimaryKey.Columns) == 1 {
		pkCol := ref.Column(ref.PrimaryKey.Columns[0])
		t.AddColumn(metadata.NewColumn("ref_id", pkCol.Type.Clone()))
		t.AddForeignKey([]string{"ref_id"}, ref.Name, []string{pkCol.Name}).Name = "fk_" + name + "_ref"
	}
	m.AddTable(t)
	return "add table " + name
}

func dropTable(r *rand.Rand, m *metadata.MetaData) string {
	var free []*metadata.Table
	for _, t := range m.Tables {
		referred := false
		for _, o := range m.Tables {
			for _, fk := range o.ForeignKeys {
				referred = referred || (o != t && fk.RefTable == t.Name)
			}
		}
		if !referred {
			free = append(free, t)
		}
	}
	t, ok := pick(r, free)
	if !ok || len(m.Tables) < 2 {
		return ""
	}
	m.RemoveTable(t.Schema, t.Name)
	return "drop table " + t.Name
}

func addColumn(r *rand.Rand, m *metadata.MetaData) string {
	t, _ := pick(r, m.Tables)
	name := fmt.Sprintf("prop_col_%d", r.IntN(1000))
	if t.Column(name) != nil {
		return ""
	}
	typ, _ := pick(r, []metadata.Type{metadata.IntegerType, metadata.VarcharType(30), {Kind: metadata.Boolean}, {Kind: metadata.Text}})
	t.AddColumn(metadata.NewColumn(name, typ))
	return "add column " + t.Name + "." + name
}

func dropColumn(r *rand.Rand, m *metadata.MetaData) string {
	t, _ := pick(r, m.Tables)
	c, ok := pick(r, freeColumns(m, t))
	if !ok || len(t.Columns) < 2 {
		return ""
	}
	t.RemoveColumn(c.Name)
	return "drop column " + t.Name + "." + c.Name
}

func alterNullable(r *rand.Rand, m *metadata.MetaData) string {
	t, _ := pick(r, m.Tables)
	c, ok := pick(r, freeColumns(m, t))
	if !ok {
		return ""
	}
	c.Nullable = !c.Nullable
	return "toggle nullable " + t.Name + "." + c.Name
}

func alterType(r *rand.Rand, m *metadata.MetaData) string {
	t, _ := pick(r, m.Tables)
	var vs []*metadata.Column
	for _, c := range freeColumns(m, t) {
		if c.Type.Kind == metadata.Varchar && c.Default == "" {
			vs = append(vs, c)
		}
	}
	c, ok := pick(r, vs)
	if !ok {
		return ""
	}
	c.Type.Length += 10
	return "widen " + t.Name + "." + c.Name
}

func alterDefault(r *rand.Rand, m *metadata.MetaData) string {
	t, _ := pick(r, m.Tables)
	var ints []*metadata.Column
	for _, c := range freeColumns(m, t) {
		if c.Type.Kind == metadata.Integer && !c.AutoIncrement {
			ints = append(ints, c)
		}
	}
	c, ok := pick(r, ints)
	if !ok {
		return ""
	}
	if c.Default == "" {
		c.Default = "7"
	} else {
		c.Default = ""
	}
	return "default " + t.Name + "." + c.Name
}

func alterComment(r *rand.Rand, m *metadata.MetaData) string {
	t, _ := pick(r, m.Tables)
	c, _ := pick(r, t.Columns)
	c.Comment = fmt.Sprintf("comment %d", r.IntN(100))
	return "comment " + t.Name + "." + c.Name
}

func tableComment(r *rand.Rand, m *metadata.MetaData) string {
	t, _ := pick(r, m.Tables)
	t.Comment = fmt.Sprintf("table comment %d", r.IntN(100))
	return "table comment " + t.Name
}

// smallColumns are free columns fit for an index key on every database.
func smallColumns(m *metadata.MetaData, t *metadata.Table) []*metadata.Column {
	var out []*metadata.Column
	for _, c := range freeColumns(m, t) {
		switch c.Type.Kind {
		case metadata.Integer, metadata.BigInt, metadata.SmallInt, metadata.Date:
			out = append(out, c)
		case metadata.Varchar:
			if c.Type.Length <= 100 {
				out = append(out, c)
			}
		}
	}
	return out
}

func addIndex(r *rand.Rand, m *metadata.MetaData) string {
	t, _ := pick(r, m.Tables)
	c, ok := pick(r, smallColumns(m, t))
	if !ok {
		return ""
	}
	name := fmt.Sprintf("ix_prop_%d", r.IntN(100000))
	t.Indexes = append(t.Indexes, &metadata.Index{Name: name, Columns: []string{c.Name}})
	return "add index " + name
}

func dropIndex(r *rand.Rand, m *metadata.MetaData) string {
	t, _ := pick(r, m.Tables)
	if len(t.Indexes) == 0 {
		return ""
	}
	i := r.IntN(len(t.Indexes))
	name := t.Indexes[i].Name
	t.Indexes = slices.Delete(t.Indexes, i, i+1)
	return "drop index " + name
}

func addUnique(r *rand.Rand, m *metadata.MetaData) string {
	t, _ := pick(r, m.Tables)
	c, ok := pick(r, smallColumns(m, t))
	if !ok {
		return ""
	}
	name := fmt.Sprintf("uq_prop_%d", r.IntN(100000))
	t.Uniques = append(t.Uniques, &metadata.Unique{Name: name, Columns: []string{c.Name}})
	return "add unique " + name
}

func dropUnique(r *rand.Rand, m *metadata.MetaData) string {
	t, _ := pick(r, m.Tables)
	if len(t.Uniques) == 0 {
		return ""
	}
	i := r.IntN(len(t.Uniques))
	name := t.Uniques[i].Name
	t.Uniques = slices.Delete(t.Uniques, i, i+1)
	return "drop unique " + name
}

func addCheck(r *rand.Rand, m *metadata.MetaData) string {
	t, _ := pick(r, m.Tables)
	var ints []*metadata.Column
	for _, c := range freeColumns(m, t) {
		if c.Type.Kind == metadata.Integer && isPlainName(c.Name) {
			ints = append(ints, c)
		}
	}
	c, ok := pick(r, ints)
	if !ok {
		return ""
	}
	name := fmt.Sprintf("ck_prop_%d", r.IntN(100000))
	t.Checks = append(t.Checks, &metadata.Check{Name: name, Expression: c.Name + " >= 0"})
	return "add check " + name
}

func dropCheck(r *rand.Rand, m *metadata.MetaData) string {
	t, _ := pick(r, m.Tables)
	if len(t.Checks) == 0 {
		return ""
	}
	i := r.IntN(len(t.Checks))
	name := t.Checks[i].Name
	t.Checks = slices.Delete(t.Checks, i, i+1)
	return "drop check " + name
}

func addForeignKey(r *rand.Rand, m *metadata.MetaData) string {
	t, _ := pick(r, m.Tables)
	ref, _ := pick(r, m.Tables)
	if ref.PrimaryKey == nil || len(ref.PrimaryKey.Columns) != 1 {
		return ""
	}
	pkCol := ref.Column(ref.PrimaryKey.Columns[0])
	col := fmt.Sprintf("prop_ref_%d", r.IntN(1000))
	if t.Column(col) != nil {
		return ""
	}
	t.AddColumn(metadata.NewColumn(col, pkCol.Type.Clone()))
	name := fmt.Sprintf("fk_prop_%d", r.IntN(100000))
	t.AddForeignKey([]string{col}, ref.Name, []string{pkCol.Name}).Name = name
	return "add foreign key " + name
}

func dropForeignKey(r *rand.Rand, m *metadata.MetaData) string {
	t, _ := pick(r, m.Tables)
	if len(t.ForeignKeys) == 0 {
		return ""
	}
	i := r.IntN(len(t.ForeignKeys))
	name := t.ForeignKeys[i].Name
	t.ForeignKeys = slices.Delete(t.ForeignKeys, i, i+1)
	return "drop foreign key " + name
}

func addEnumValue(r *rand.Rand, m *metadata.MetaData) string {
	e, ok := pick(r, m.Enums)
	if !ok || slices.Contains(e.Values, "zz_new") {
		return ""
	}
	e.Values = append(e.Values, "zz_new")
	return "add value to enum " + e.Name
}

// referred reports whether another table's foreign key refers to t.
func referred(m *metadata.MetaData, t *metadata.Table) bool {
	for _, o := range m.Tables {
		for _, fk := range o.ForeignKeys {
			if o != t && fk.RefTable == t.Name {
				return true
			}
		}
	}
	return false
}

func changePrimaryKey(r *rand.Rand, m *metadata.MetaData) string {
	t, _ := pick(r, m.Tables)
	pk := t.PrimaryKey
	if pk == nil || referred(m, t) {
		return ""
	}
	for _, name := range pk.Columns {
		if c := t.Column(name); c == nil || c.AutoIncrement {
			return ""
		}
	}
	if len(pk.Columns) > 1 {
		pk.Columns = pk.Columns[:len(pk.Columns)-1]
		return "narrow primary key of " + t.Name
	}
	c, ok := pick(r, smallColumns(m, t))
	if !ok {
		return ""
	}
	c.Nullable = false
	pk.Columns = append(pk.Columns, c.Name)
	return "widen primary key of " + t.Name
}

func addEnumColumn(r *rand.Rand, m *metadata.MetaData) string {
	t, _ := pick(r, m.Tables)
	name := fmt.Sprintf("prop_enum_%d", r.IntN(1000))
	if m.Enum("", name) != nil || t.Column(name) != nil || m.Table("", name) != nil {
		return ""
	}
	m.AddEnum(name, "x", "y", "z")
	t.AddColumn(metadata.NewColumn(name, metadata.Type{Kind: metadata.EnumKind, EnumName: name}))
	return "add enum and column " + t.Name + "." + name
}

func dropEnumColumn(r *rand.Rand, m *metadata.MetaData) string {
	t, _ := pick(r, m.Tables)
	var enumCols []*metadata.Column
	for _, c := range freeColumns(m, t) {
		if c.Type.Kind == metadata.EnumKind {
			enumCols = append(enumCols, c)
		}
	}
	c, ok := pick(r, enumCols)
	if !ok || len(t.Columns) < 2 {
		return ""
	}
	t.RemoveColumn(c.Name)
	for _, o := range m.Tables {
		for _, oc := range o.Columns {
			if oc.Type.Kind == metadata.EnumKind && oc.Type.EnumName == c.Type.EnumName {
				return "drop enum column " + t.Name + "." + c.Name
			}
		}
	}
	m.RemoveEnum("", c.Type.EnumName)
	return "drop enum column and enum " + c.Type.EnumName
}
