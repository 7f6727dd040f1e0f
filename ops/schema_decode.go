package ops

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// The keys of schema.yaml's mappings, as the metadata package reads them.
// TODO(dedupe): read tables and columns through metadata once it exports
// node-level decoders; this copy keeps schema.yaml's keys and meaning.
var (
	tableKeys       = []string{"schema", "name", "comment", "columns", "indexes", "unique", "checks", "foreign_keys", "primary_key"}
	columnKeys      = []string{"name", "type", "native", "variants", "nullable", "default", "autoincrement", "comment"}
	shorthandKeys   = []string{"primary_key", "unique", "index", "references", "on_delete", "on_update"}
	primaryKeyKeys  = []string{"name", "columns"}
	foreignKeyKeys  = []string{"name", "columns", "ref_schema", "ref_table", "ref_columns", "on_delete", "on_update", "deferrable", "initially_deferred"}
	uniqueKeys      = []string{"name", "columns"}
	checkKeys       = []string{"name", "expression"}
	indexKeys       = []string{"name", "columns", "expressions", "unique", "where", "using"}
	typeKeys        = []string{"type", "native", "variants"}
	columnLongKeys  = append(slices.Clone(columnKeys), shorthandKeys...)
	tableDefinition = []string{"comment", "columns", "indexes", "unique", "checks", "foreign_keys", "primary_key"}
)

// shorthand is a column's key flags in a create_table, expanded into the
// table's long forms once every column is read.
type shorthand struct {
	primaryKey, unique, index bool
	nullable                  bool // nullable was given
	fk                        *metadata.ForeignKey
}

// table reads a schema.yaml table mapping.
func (d *decoder) table(o obj) *metadata.Table {
	t := &metadata.Table{Schema: o.str("schema"), Name: o.required("name"), Comment: o.str("comment")}
	var sh []shorthand
	for _, cn := range d.list(o.val("columns"), o.sub("columns")) {
		var s shorthand
		t.Columns = append(t.Columns, d.column(cn, o.what+": column "+scalarOf(cn, "name"), &s))
		sh = append(sh, s)
	}
	d.expand(o, t, sh)
	for _, n := range d.list(o.val("foreign_keys"), o.sub("foreign_keys")) {
		t.ForeignKeys = append(t.ForeignKeys, d.foreignKey(d.obj(n, o.sub("foreign key"), foreignKeyKeys)))
	}
	for _, n := range d.list(o.val("unique"), o.sub("unique")) {
		t.Uniques = append(t.Uniques, d.unique(d.obj(n, o.sub("unique constraint"), uniqueKeys)))
	}
	for _, n := range d.list(o.val("checks"), o.sub("checks")) {
		t.Checks = append(t.Checks, d.check(d.obj(n, o.sub("check"), checkKeys)))
	}
	for _, n := range d.list(o.val("indexes"), o.sub("indexes")) {
		t.Indexes = append(t.Indexes, d.index(d.obj(n, o.sub("index"), indexKeys)))
	}
	return t
}

// expand turns the columns' shorthands into the long forms, before the
// table's own lists (as schema.yaml does), and reads primary_key.
func (d *decoder) expand(o obj, t *metadata.Table, sh []shorthand) {
	var flagged []string
	for j, s := range sh {
		c := t.Columns[j].Name
		if s.primaryKey {
			flagged = append(flagged, c)
		}
		if s.unique {
			t.Uniques = append(t.Uniques, &metadata.Unique{Columns: []string{c}})
		}
		if s.index {
			t.Indexes = append(t.Indexes, &metadata.Index{Columns: []string{c}})
		}
		if s.fk != nil {
			s.fk.Columns = []string{c}
			t.ForeignKeys = append(t.ForeignKeys, s.fk)
		}
	}
	if pk := o.val("primary_key"); !isNull(pk) {
		t.PrimaryKey = d.primaryKey(d.obj(pk, o.sub("primary_key"), primaryKeyKeys))
		if len(flagged) > 0 && !slices.Equal(flagged, t.PrimaryKey.Columns) {
			d.errorf(pk, "%s: primary_key lists (%s) but the columns flagged primary_key: true are (%s); make them agree, or keep one of the two",
				o.what, strings.Join(t.PrimaryKey.Columns, ", "), strings.Join(flagged, ", "))
		}
	} else if len(flagged) > 0 {
		t.PrimaryKey = &metadata.PrimaryKey{Columns: flagged}
	}
	if t.PrimaryKey == nil {
		return
	}
	for _, name := range t.PrimaryKey.Columns {
		if j := t.ColumnIndex(name); j >= 0 && !sh[j].nullable {
			t.Columns[j].Nullable = false
		}
	}
}

// column reads a column mapping. With sh nil (add_column), the shorthands
// are refused: they stand for constraints, which have ops of their own.
func (d *decoder) column(n *yaml.Node, what string, sh *shorthand) *metadata.Column {
	o := d.obj(n, what, columnLongKeys)
	if o.f == nil {
		return &metadata.Column{}
	}
	if sh == nil {
		for _, k := range shorthandKeys {
			if o.has(k) {
				d.errorf(o.f[k].key, "%s: %s is a constraint: add it with its own op (create_unique_constraint, create_index, create_foreign_key, create_primary_key)", what, k)
			}
		}
	}
	c := &metadata.Column{
		Name:          o.required("name"),
		Type:          d.columnType(o),
		Nullable:      !o.has("nullable") || o.boolean("nullable"),
		Default:       o.str("default"),
		AutoIncrement: o.boolean("autoincrement"),
		Comment:       o.str("comment"),
	}
	if sh != nil {
		d.shorthands(o, sh)
	}
	return c
}

// shorthands reads a create_table column's key flags.
func (d *decoder) shorthands(o obj, sh *shorthand) {
	sh.primaryKey, sh.unique, sh.index = o.boolean("primary_key"), o.boolean("unique"), o.boolean("index")
	sh.nullable = o.has("nullable")
	if !o.has("references") {
		for _, k := range []string{"on_delete", "on_update"} {
			if o.has(k) {
				d.errorf(o.f[k].key, "%s: %s applies to a foreign key; add references: table.column, or remove it", o.what, k)
			}
		}
		return
	}
	text := o.str("references")
	parts := strings.Split(text, ".")
	if (len(parts) != 2 && len(parts) != 3) || slices.Contains(parts, "") {
		d.errorf(o.val("references"), "%s: references %q must be table.column or schema.table.column; use foreign_keys for names with dots", o.what, text)
		return
	}
	sh.fk = &metadata.ForeignKey{RefTable: parts[len(parts)-2], RefColumns: parts[len(parts)-1:],
		OnDelete: action(o.str("on_delete")), OnUpdate: action(o.str("on_update"))}
	if len(parts) == 3 {
		sh.fk.RefSchema = parts[0]
	}
}

// columnType reads type (or native) and variants from o.
func (d *decoder) columnType(o obj) metadata.Type {
	var t metadata.Type
	switch {
	case o.has("type") && o.has("native"):
		d.errorf(o.f["native"].key, "%s: give type or native, not both", o.what)
	case o.has("native"):
		t = metadata.NativeType(o.str("native"))
		if strings.TrimSpace(t.Native) == "" {
			d.errorf(o.val("native"), "%s: native needs the database's type, as in native: \"geometry(point, 4326)\"", o.what)
		}
	case o.has("type"):
		var err error
		if t, err = metadata.ParseType(o.str("type")); err != nil {
			d.errorf(o.val("type"), "%s: %v", o.what, err)
		}
	default:
		if o.f != nil {
			d.errorf(o.n, "%s: type is missing; add one, as in type: text", o.what)
		}
	}
	if v := o.val("variants"); !isNull(v) {
		if t.Variants = d.stringMap(v, o.sub("variants")); len(t.Variants) == 0 {
			t.Variants = nil
		}
	}
	return t
}

// typeValue reads alter_column's type or existing_type: a type as text, or
// a mapping {type | native, variants}.
func (d *decoder) typeValue(n *yaml.Node, what string) *metadata.Type {
	var t metadata.Type
	if n.Kind == yaml.MappingNode {
		t = d.columnType(d.obj(n, what, typeKeys))
	} else {
		var err error
		if t, err = metadata.ParseType(d.str(n, what)); err != nil {
			d.errorf(n, "%s: %v", what, err)
		}
	}
	return &t
}

// stringMap reads a mapping of names to strings.
func (d *decoder) stringMap(n *yaml.Node, what string) map[string]string {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s must be a mapping (key: value), not %s", what, describe(n))
		return nil
	}
	out := map[string]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		if _, dup := out[k.Value]; dup || k.Kind != yaml.ScalarNode || k.Value == "" {
			d.errorf(k, "%s: a key must be a name, given once", what)
			continue
		}
		out[k.Value] = d.str(v, what+": "+k.Value)
	}
	return out
}

// scalarOf returns the text of a mapping's key, for naming an element in
// messages before it is read.
func scalarOf(n *yaml.Node, key string) string {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k, v := deref(n.Content[i]), deref(n.Content[i+1]); k.Value == key && v.Kind == yaml.ScalarNode {
			return v.Value
		}
	}
	return ""
}

// action normalises a referential action's spelling: "SET  NULL" is set null.
func action(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

func (d *decoder) primaryKey(o obj) *metadata.PrimaryKey {
	return &metadata.PrimaryKey{Name: o.str("name"), Columns: o.strings("columns")}
}

func (d *decoder) foreignKey(o obj) *metadata.ForeignKey {
	return &metadata.ForeignKey{
		Name:              o.str("name"),
		Columns:           o.strings("columns"),
		RefSchema:         o.str("ref_schema"),
		RefTable:          o.str("ref_table"),
		RefColumns:        o.strings("ref_columns"),
		OnDelete:          action(o.str("on_delete")),
		OnUpdate:          action(o.str("on_update")),
		Deferrable:        o.boolean("deferrable"),
		InitiallyDeferred: o.boolean("initially_deferred"),
	}
}

func (d *decoder) unique(o obj) *metadata.Unique {
	return &metadata.Unique{Name: o.str("name"), Columns: o.strings("columns")}
}

func (d *decoder) check(o obj) *metadata.Check {
	return &metadata.Check{Name: o.str("name"), Expression: o.str("expression")}
}

func (d *decoder) index(o obj) *metadata.Index {
	return &metadata.Index{
		Name:        o.str("name"),
		Columns:     o.strings("columns"),
		Expressions: o.strings("expressions"),
		Unique:      o.boolean("unique"),
		Where:       o.str("where"),
		Using:       o.str("using"),
	}
}
