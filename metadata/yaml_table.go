package metadata

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

var (
	tableKeys  = []string{"schema", "name", "comment", "charset", "collation", "row_format", "partition_by", "partition_of", "inherits", "row_security", "columns", "indexes", "unique", "checks", "exclusions", "foreign_keys", "primary_key"}
	columnKeys = []string{"name", "type", "native", "variants", "primary_key", "autoincrement", "identity", "sequence", "nullable", "default",
		"unique", "index", "references", "on_delete", "on_update", "comment", "charset", "collation", "generated", "clause_order", "attributes"}
	primaryKeyKeys = []string{"name", "columns", "deferrable", "initially_deferred", "unnamed", "comment"}
	partitionKeys  = []string{"schema", "table", "bound"}
	inheritKeys    = []string{"schema", "table"}
	foreignKeyKeys = []string{"name", "columns", "ref_schema", "ref_table", "ref_columns", "on_delete", "on_update",
		"deferrable", "initially_deferred", "unnamed", "not_valid", "comment"}
	uniqueKeys = []string{"name", "columns", "nulls_not_distinct", "deferrable", "initially_deferred", "comment"}
	checkKeys  = []string{"name", "expression", "no_inherit", "not_valid", "comment"}
	indexKeys  = []string{"name", "columns", "expressions", "keys", "unique", "nulls_not_distinct", "where", "using", "include", "with", "comment"}
)

// shorthandKeys are a column's key flags: constraints of its table, spelled
// on the column.
var shorthandKeys = []string{"primary_key", "unique", "index", "references", "on_delete", "on_update"}

// shorthands are a column's key flags, each the YAML node that set it, to
// be expanded into the table's long forms once all columns are read.
type shorthands struct {
	primaryKey, unique, index      *yaml.Node // set when true
	references, onDelete, onUpdate *yaml.Node
	nullable                       bool // nullable was given
}

func (r *reader) table(p Path, n *yaml.Node, ordinal int) *Table {
	return r.tableAs(p, n, elementName("table", qualify(scalarOf(n, "schema"), scalarOf(n, "name")), ordinal))
}

// tableAs reads a table mapping; where names it in messages.
func (r *reader) tableAs(p Path, n *yaml.Node, where string) *Table {
	t := &Table{}
	f := r.fields(p, n, where, tableKeys)
	if f == nil {
		return t
	}
	t.Schema = r.str(p.Field("schema"), f["schema"].val, where+": schema")
	t.Name = r.str(p.Field("name"), f["name"].val, where+": name")
	t.Comment = r.str(p.Field("comment"), f["comment"].val, where+": comment")
	t.Charset = r.str(p.Field("charset"), f["charset"].val, where+": charset")
	t.Collation = r.str(p.Field("collation"), f["collation"].val, where+": collation")
	t.RowFormat = r.str(p.Field("row_format"), f["row_format"].val, where+": row_format")
	t.PartitionBy = r.str(p.Field("partition_by"), f["partition_by"].val, where+": partition_by")
	t.PartitionOf = r.partitionOf(p.Field("partition_of"), f["partition_of"].val, where+": partition_of")
	t.Inherits = r.inherits(p.Field("inherits"), f["inherits"].val, where+": inherits")
	t.RowSecurity = r.rowSecurity(p.Field("row_security"), f["row_security"].val, where+": row_security")
	var sh []shorthands
	for j, cn := range r.list(p.Field("columns"), f["columns"].val, where+": columns") {
		cp, what := p.Field("columns").Index(j), columnName(where, cn, j)
		c, cf := r.column(cp, cn, what)
		t.Columns = append(t.Columns, c)
		sh = append(sh, r.shorthands(cp, cf, what))
	}
	r.primaryKey(p, t, sh, f["primary_key"], where)
	r.foreignKeys(p, t, sh, f["foreign_keys"].val, where)
	r.uniques(p, t, sh, f["unique"].val, where)
	r.checks(p, t, f["checks"].val, where)
	r.exclusions(p, t, f["exclusions"].val, where)
	r.indexes(p, t, sh, f["indexes"].val, where)
	return t
}

// partitionOf reads partition_of: {table, schema, bound}; nil when absent.
func (r *reader) partitionOf(p Path, n *yaml.Node, where string) *PartitionOf {
	if n == nil || n.Tag == "!!null" {
		return nil
	}
	f := r.fields(p, n, where, partitionKeys)
	if f == nil {
		return nil
	}
	po := &PartitionOf{Schema: r.str(p.Field("schema"), f["schema"].val, where+": schema"),
		Table: r.str(p.Field("table"), f["table"].val, where+": table"),
		Bound: r.str(p.Field("bound"), f["bound"].val, where+": bound")}
	if po.Table == "" || po.Bound == "" {
		r.errorf(p, n, "%s: want {table: the partitioned table, bound: FOR VALUES ... or DEFAULT}", where)
	}
	return po
}

// inherits reads inherits: [{table, schema}, ...]; nil when absent.
func (r *reader) inherits(p Path, n *yaml.Node, where string) []Inherit {
	var out []Inherit
	for j, in := range r.list(p, n, where) {
		ip := p.Index(j)
		f := r.fields(ip, in, where, inheritKeys)
		if f == nil {
			continue
		}
		i := Inherit{Schema: r.str(ip.Field("schema"), f["schema"].val, where+": schema"),
			Table: r.str(ip.Field("table"), f["table"].val, where+": table")}
		if i.Table == "" {
			r.errorf(ip, in, "%s: want {table: the parent table, schema: its schema if not this table's}", where)
		}
		out = append(out, i)
	}
	return out
}

// columnName names the j-th column of the table where in messages.
func columnName(where string, n *yaml.Node, j int) string {
	return where + ", " + elementName("column", scalarOf(n, "name"), j)
}

// column reads a column mapping but for its key flags, and returns its
// fields for [reader.shorthands] (nil when n is not a mapping).
func (r *reader) column(p Path, n *yaml.Node, where string) (*Column, map[string]field) {
	c := &Column{Nullable: true}
	f := r.fields(p, n, where, columnKeys)
	if f == nil {
		return c, nil
	}
	c.Name = r.str(p.Field("name"), f["name"].val, where+": name")
	c.Type = r.columnType(p, n, f, where)
	if v, ok := f["nullable"]; ok {
		c.Nullable = r.boolean(p.Field("nullable"), v.val, where+": nullable")
	}
	c.Default = r.str(p.Field("default"), f["default"].val, where+": default")
	c.AutoIncrement = r.boolean(p.Field("autoincrement"), f["autoincrement"].val, where+": autoincrement")
	r.identity(p, c, f, where)
	c.Comment = r.str(p.Field("comment"), f["comment"].val, where+": comment")
	c.Charset = r.str(p.Field("charset"), f["charset"].val, where+": charset")
	c.Collation = r.str(p.Field("collation"), f["collation"].val, where+": collation")
	if v, ok := f["generated"]; ok && !IsNullNode(v.val) {
		c.Generated = r.generated(p.Field("generated"), v.val, where+": generated")
	}
	if v, ok := f["clause_order"]; ok && !IsNullNode(v.val) {
		c.ClauseOrder = r.stringList(p.Field("clause_order"), v.val, where+": clause_order")
	}
	if v, ok := f["attributes"]; ok {
		c.Attributes = r.attributes(p.Field("attributes"), v.val, where+": attributes")
	}
	return c, f
}

// shorthands reads the key flags of a column of a table, from its fields f.
func (r *reader) shorthands(p Path, f map[string]field, where string) shorthands {
	var s shorthands
	if f == nil {
		return s
	}
	_, s.nullable = f["nullable"]
	flag := func(key string) *yaml.Node {
		if v, ok := f[key]; ok && r.boolean(p.Field(key), v.val, where+": "+key) {
			return v.val
		}
		return nil
	}
	s.primaryKey, s.unique, s.index = flag("primary_key"), flag("unique"), flag("index")
	s.references, s.onDelete, s.onUpdate = f["references"].val, f["on_delete"].val, f["on_update"].val
	for _, key := range []string{"on_delete", "on_update"} {
		if v, ok := f[key]; ok && s.references == nil {
			r.errorf(p.Field(key), v.key, "%s: %s applies to a foreign key; add references: table.column, or remove it", where, key)
		}
	}
	return s
}

// columnType reads type, or native, and variants.
func (r *reader) columnType(p Path, n *yaml.Node, f map[string]field, where string) Type {
	tp := p.Field("type")
	tf, hasType := f["type"]
	nf, hasNative := f["native"]
	var t Type
	switch {
	case hasType && hasNative:
		r.errorf(p.Field("native"), nf.key, "%s: give type or native, not both", where)
	case hasNative:
		r.src[tp] = nf.val
		t = NativeType(r.str(tp, nf.val, where+": native"))
		if strings.TrimSpace(t.Native) == "" {
			r.errorf(tp, nf.val, "%s: native needs the database's type, as in native: \"geometry(point, 4326)\"", where)
		}
	case hasType:
		if text, ok := r.text(tp, tf.val, where+": type"); ok {
			var err error
			if t, err = ParseType(text); err != nil {
				r.errorf(tp, tf.val, "%s: %v", where, err)
			}
		}
	default:
		r.errorf(tp, n, "%s has no type; add one, as in type: text", where)
	}
	if v, ok := f["variants"]; ok {
		r.mapping(tp.Field("variants"), v.val, where+": variants", func(k, val *yaml.Node) {
			if t.Variants == nil {
				t.Variants = map[string]string{}
			}
			t.Variants[k.Value] = r.str(tp.Field("variants").Field(k.Value), val, where+": variant "+k.Value)
		})
	}
	return t
}

// scalarOf returns the text of a mapping's key, for naming an element in
// messages before it is read; "" when there is none.
func scalarOf(n *yaml.Node, key string) string {
	if n == nil || n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k, v := DerefNode(n.Content[i]), DerefNode(n.Content[i+1]); k.Value == key && v.Kind == yaml.ScalarNode {
			return v.Value
		}
	}
	return ""
}

// elementName names a table or column in messages: by its name, or by
// its position when it has none.
func elementName(what, name string, i int) string {
	if name == "" {
		return fmt.Sprintf("%s %d", what, i+1)
	}
	return fmt.Sprintf("%s %q", what, name)
}
