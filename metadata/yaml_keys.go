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
	case !isNull(long.val):
		f := r.fields(pp, long.val, where+": primary_key", primaryKeyKeys)
		t.PrimaryKey = &PrimaryKey{
			Name:    r.str(pp.Field("name"), f["name"].val, where+": primary_key name"),
			Columns: r.stringList(pp.Field("columns"), f["columns"].val, where+": primary_key columns"),
		}
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
// primary_key: true; DESIGN.md's example spells the same key both ways.
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
		what := where + ": foreign key"
		f := r.fields(at, item, what, foreignKeyKeys)
		t.ForeignKeys = append(t.ForeignKeys, &ForeignKey{
			Name:              r.str(at.Field("name"), f["name"].val, what+" name"),
			Columns:           r.stringList(at.Field("columns"), f["columns"].val, what+" columns"),
			RefSchema:         r.str(at.Field("ref_schema"), f["ref_schema"].val, what+" ref_schema"),
			RefTable:          r.str(at.Field("ref_table"), f["ref_table"].val, what+" ref_table"),
			RefColumns:        r.stringList(at.Field("ref_columns"), f["ref_columns"].val, what+" ref_columns"),
			OnDelete:          action(r.str(at.Field("on_delete"), f["on_delete"].val, what+" on_delete")),
			OnUpdate:          action(r.str(at.Field("on_update"), f["on_update"].val, what+" on_update")),
			Deferrable:        r.boolean(at.Field("deferrable"), f["deferrable"].val, what+" deferrable"),
			InitiallyDeferred: r.boolean(at.Field("initially_deferred"), f["initially_deferred"].val, what+" initially_deferred"),
		})
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
		f := r.fields(at, item, where+": unique constraint", uniqueKeys)
		t.Uniques = append(t.Uniques, &Unique{
			Name:    r.str(at.Field("name"), f["name"].val, where+": unique name"),
			Columns: r.stringList(at.Field("columns"), f["columns"].val, where+": unique columns"),
		})
	}
}

func (r *reader) checks(p Path, t *Table, n *yaml.Node, where string) {
	cp := p.Field("checks")
	for k, item := range r.list(cp, n, where+": checks") {
		at := cp.Index(k)
		f := r.fields(at, item, where+": check", checkKeys)
		t.Checks = append(t.Checks, &Check{
			Name:       r.str(at.Field("name"), f["name"].val, where+": check name"),
			Expression: r.str(at.Field("expression"), f["expression"].val, where+": check expression"),
		})
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
		what := where + ": index"
		f := r.fields(at, item, what, indexKeys)
		t.Indexes = append(t.Indexes, &Index{
			Name:        r.str(at.Field("name"), f["name"].val, what+" name"),
			Columns:     r.stringList(at.Field("columns"), f["columns"].val, what+" columns"),
			Expressions: r.stringList(at.Field("expressions"), f["expressions"].val, what+" expressions"),
			Unique:      r.boolean(at.Field("unique"), f["unique"].val, what+" unique"),
			Where:       r.str(at.Field("where"), f["where"].val, what+" where"),
			Using:       r.str(at.Field("using"), f["using"].val, what+" using"),
		})
	}
}

// action normalises a referential action's spelling: "SET  NULL" is set null.
func action(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}
