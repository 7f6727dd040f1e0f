package metadata

import (
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// primaryKey reads the table's primary_key, or gathers the columns flagged
// primary_key: true, and makes the key's columns not nullable unless the
// file says otherwise.
func (r *reader) primaryKey(p Path, t *Table, sh []shorthands, long field, where string) {
	pp := p.Field("primary_key")
	var flagged []int
	for j, s := range sh {
		if s.primaryKey != nil {
			flagged = append(flagged, j)
		}
	}
	switch {
	case !IsNullNode(long.val):
		t.PrimaryKey = r.primaryKeyItem(pp, long.val, where+": primary_key", where+": primary_key ")
		r.agree(pp, long.key, t, flagged, where)
	case len(flagged) > 0:
		t.PrimaryKey = &PrimaryKey{}
		r.src[pp] = sh[flagged[0]].primaryKey
		for k, j := range flagged {
			t.PrimaryKey.Columns = append(t.PrimaryKey.Columns, t.Columns[j].Name)
			r.src[pp.Field("columns").Index(k)] = sh[j].primaryKey
		}
	default:
		return
	}
	for _, name := range t.PrimaryKey.Columns {
		if j := t.ColumnIndex(name); j >= 0 && !sh[j].nullable {
			t.Columns[j].Nullable = false
		}
	}
}

// agree reports a primary_key that disagrees with the columns flagged
// primary_key: true; docs/design.md's example spells the same key both ways.
func (r *reader) agree(pp Path, key *yaml.Node, t *Table, flagged []int, where string) {
	if len(flagged) == 0 {
		return
	}
	names := make([]string, len(flagged))
	for k, j := range flagged {
		names[k] = t.Columns[j].Name
	}
	if !slices.Equal(names, t.PrimaryKey.Columns) {
		r.errorf(pp, key, "%s: primary_key lists (%s) but the columns flagged primary_key: true are (%s); make them agree, or keep one of the two",
			where, strings.Join(t.PrimaryKey.Columns, ", "), strings.Join(names, ", "))
	}
}

// foreignKeys reads the references: shorthands of the columns, in column
// order, then the foreign_keys list.
func (r *reader) foreignKeys(p Path, t *Table, sh []shorthands, n *yaml.Node, where string) {
	fp := p.Field("foreign_keys")
	for j, s := range sh {
		if s.references != nil {
			r.reference(fp.Index(len(t.ForeignKeys)), t, t.Columns[j].Name, s, where)
		}
	}
	for _, item := range r.list(fp, n, where+": foreign_keys") {
		at := fp.Index(len(t.ForeignKeys))
		t.ForeignKeys = append(t.ForeignKeys, r.foreignKeyItem(at, item, where+": foreign key", where+": foreign key "))
	}
}

// reference expands a column's references: table.column (or
// schema.table.column) into a foreign key at path at.
func (r *reader) reference(at Path, t *Table, col string, s shorthands, where string) {
	where += ", column " + strconv.Quote(col)
	text := r.str(at, s.references, where+": references")
	parts := strings.Split(text, ".")
	if (len(parts) != 2 && len(parts) != 3) || slices.Contains(parts, "") {
		r.errorf(at, s.references, "%s: references %q must be table.column or schema.table.column; use foreign_keys for names with dots", where, text)
		return
	}
	fk := &ForeignKey{Columns: []string{col}, RefTable: parts[len(parts)-2], RefColumns: parts[len(parts)-1:]}
	if len(parts) == 3 {
		fk.RefSchema = parts[0]
	}
	r.src[at] = s.references
	if s.onDelete != nil {
		r.src[at.Field("on_delete")] = s.onDelete
		fk.OnDelete = action(r.str(at.Field("on_delete"), s.onDelete, where+": on_delete"))
	}
	if s.onUpdate != nil {
		r.src[at.Field("on_update")] = s.onUpdate
		fk.OnUpdate = action(r.str(at.Field("on_update"), s.onUpdate, where+": on_update"))
	}
	t.ForeignKeys = append(t.ForeignKeys, fk)
}

// uniques reads the unique: true shorthands, then the unique list.
func (r *reader) uniques(p Path, t *Table, sh []shorthands, n *yaml.Node, where string) {
	up := p.Field("unique")
	for j, s := range sh {
		if s.unique != nil {
			r.src[up.Index(len(t.Uniques))] = s.unique
			t.Uniques = append(t.Uniques, &Unique{Columns: []string{t.Columns[j].Name}})
		}
	}
	for _, item := range r.list(up, n, where+": unique") {
		at := up.Index(len(t.Uniques))
		t.Uniques = append(t.Uniques, r.uniqueItem(at, item, where+": unique constraint", where+": unique "))
	}
}

func (r *reader) checks(p Path, t *Table, n *yaml.Node, where string) {
	cp := p.Field("checks")
	for k, item := range r.list(cp, n, where+": checks") {
		t.Checks = append(t.Checks, r.checkItem(cp.Index(k), item, where+": check", where+": check "))
	}
}

// indexes reads the index: true shorthands, then the indexes list.
func (r *reader) indexes(p Path, t *Table, sh []shorthands, n *yaml.Node, where string) {
	ip := p.Field("indexes")
	for j, s := range sh {
		if s.index != nil {
			r.src[ip.Index(len(t.Indexes))] = s.index
			t.Indexes = append(t.Indexes, &Index{Columns: []string{t.Columns[j].Name}})
		}
	}
	for _, item := range r.list(ip, n, where+": indexes") {
		at := ip.Index(len(t.Indexes))
		t.Indexes = append(t.Indexes, r.indexItem(at, item, where+": index", where+": index "))
	}
}

// action normalises a referential action's spelling: "SET  NULL" is set null.
func action(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// The item readers below read one key or index mapping n, from which the
// element at path at comes: what names it in messages, and key+"name"
// (key+"columns", ...) names its fields.

func (r *reader) primaryKeyItem(at Path, n *yaml.Node, what, key string) *PrimaryKey {
	f := r.item(at, n, what, key, primaryKeyKeys)
	return &PrimaryKey{Name: f.str("name"), Columns: f.strings("columns"),
		Deferrable: f.boolean("deferrable"), InitiallyDeferred: f.boolean("initially_deferred"),
		Unnamed: f.boolean("unnamed"), Comment: f.str("comment")}
}

func (r *reader) foreignKeyItem(at Path, n *yaml.Node, what, key string) *ForeignKey {
	f := r.item(at, n, what, key, foreignKeyKeys)
	return &ForeignKey{
		Name:              f.str("name"),
		Columns:           f.strings("columns"),
		RefSchema:         f.str("ref_schema"),
		RefTable:          f.str("ref_table"),
		RefColumns:        f.strings("ref_columns"),
		OnDelete:          action(f.str("on_delete")),
		OnUpdate:          action(f.str("on_update")),
		Deferrable:        f.boolean("deferrable"),
		InitiallyDeferred: f.boolean("initially_deferred"),
		Unnamed:           f.boolean("unnamed"),
		NotValid:          f.boolean("not_valid"),
		Comment:           f.str("comment"),
	}
}

func (r *reader) uniqueItem(at Path, n *yaml.Node, what, key string) *Unique {
	f := r.item(at, n, what, key, uniqueKeys)
	return &Unique{Name: f.str("name"), Columns: f.strings("columns"), NullsNotDistinct: f.boolean("nulls_not_distinct"),
		Deferrable: f.boolean("deferrable"), InitiallyDeferred: f.boolean("initially_deferred"), Comment: f.str("comment")}
}

func (r *reader) checkItem(at Path, n *yaml.Node, what, key string) *Check {
	f := r.item(at, n, what, key, checkKeys)
	return &Check{Name: f.str("name"), Expression: f.str("expression"), NoInherit: f.boolean("no_inherit"),
		NotValid: f.boolean("not_valid"), Comment: f.str("comment")}
}

func (r *reader) indexItem(at Path, n *yaml.Node, what, key string) *Index {
	f := r.item(at, n, what, key, indexKeys)
	ix := &Index{
		Name:             f.str("name"),
		Columns:          f.strings("columns"),
		Expressions:      f.strings("expressions"),
		Unique:           f.boolean("unique"),
		Where:            f.str("where"),
		NullsNotDistinct: f.boolean("nulls_not_distinct"),
		Using:            f.str("using"),
		Include:          f.strings("include"),
		With:             f.strings("with"),
		Comment:          f.str("comment"),
	}
	r.indexKeyList(f, ix)
	return ix
}

// item is a key or index mapping being read.
type item struct {
	r   *reader
	at  Path
	f   map[string]field
	key string
}

// item reads the mapping n with the keys known; see [reader.fields].
func (r *reader) item(at Path, n *yaml.Node, what, key string, known []string) item {
	return item{r, at, r.fields(at, n, what, known), key}
}

func (i item) str(k string) string { return i.r.str(i.at.Field(k), i.f[k].val, i.key+k) }

func (i item) strings(k string) []string { return i.r.stringList(i.at.Field(k), i.f[k].val, i.key+k) }

func (i item) boolean(k string) bool { return i.r.boolean(i.at.Field(k), i.f[k].val, i.key+k) }
