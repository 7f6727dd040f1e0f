package metadata

import (
	"slices"

	"go.yaml.in/yaml/v3"
)

// This file reads schema.yaml's elements one at a time, for files that
// embed them: the ops of a revision file create tables, add columns and
// create keys and indexes written as in schema.yaml. Each Decode function
// reads one YAML node with the same keys and meaning as [Read], and
// reports every problem of form (unknown keys, wrong kinds of values,
// unknown types) as an [ErrorList] of [*Error] sorted by position, each at
// the file, line and column of the node at fault, with a [Path] relative
// to the node. what names the element in messages, as in
// "create_index ix_users_email"; a field's problem is reported as
// "<what>: <key> ...". An alias is read as the node it names; null as an
// empty mapping. The model is not checked: that is [MetaData.Validate]'s
// work, or the embedding file's.

// Keys returns the keys schema.yaml allows in the mapping of an element:
// "table", "column", "type" (a type given as a mapping), "sequence", or a key or
// index, named by its kind ([KindPrimaryKey], [KindForeignKey],
// [KindUnique], [KindCheck], [KindIndex]), or "exclusion"; nil for anything else. The name
// key comes first. The result is the caller's.
func Keys(element string) []string {
	keys := map[string][]string{
		"table":        tableKeys,
		"column":       columnKeys,
		"type":         typeKeys,
		"sequence":     sequenceKeys,
		"view":         viewKeys,
		"routine":      routineKeys,
		"trigger":      triggerKeys,
		"rule":         ruleKeys,
		"policy":       policyKeys,
		"event":        eventKeys,
		"domain":       domainKeys,
		"extension":    extensionKeys,
		"generated":    generatedKeys,
		"attributes":   attributeKeys,
		"index_key":    indexKeyKeys,
		KindPrimaryKey: primaryKeyKeys,
		KindForeignKey: foreignKeyKeys,
		KindUnique:     uniqueKeys,
		KindCheck:      checkKeys,
		KindIndex:      indexKeys,
		"exclusion":    exclusionKeys,
	}[element]
	return slices.Clone(keys)
}

// DecodeTable reads n, a table mapping as in schema.yaml's tables list.
// Its column shorthands (primary_key, unique, index, references, on_delete,
// on_update) are expanded into the long forms as [Read] does, and a column
// of the primary key is not nullable unless it says so. Since no
// [MetaData.Validate] follows, a table or column without a name is
// reported too. Columns are named in messages as what + `, column "id"`.
func DecodeTable(file string, n *yaml.Node, what string) (*Table, error) {
	return decode(file, n, func(r *reader, n *yaml.Node) *Table {
		t := r.tableAs("", n, what)
		r.named("", n, t.Name, what)
		for j, c := range t.Columns {
			p := Path("columns").Index(j)
			if cn, ok := r.src[p]; ok {
				r.named(p, cn, c.Name, columnName(what, cn, j))
			}
		}
		return t
	})
}

// DecodeColumn reads n, a column mapping that stands alone, outside a
// table's columns list. The column shorthands stand for constraints of a
// table, so a column alone refuses them, each with the message
// "<what>: <key> is a constraint: <advice>"; advice says where the
// constraint goes instead. A column without a name is reported.
func DecodeColumn(file string, n *yaml.Node, what, advice string) (*Column, error) {
	return decode(file, n, func(r *reader, n *yaml.Node) *Column {
		c, f := r.column("", n, what)
		for _, k := range shorthandKeys {
			if v, ok := f[k]; ok {
				r.errorf(Path(k), v.key, "%s: %s is a constraint: %s", what, k, advice)
			}
		}
		r.named("", n, c.Name, what)
		return c
	})
}

// DecodeType reads n, a type standing alone: its text, as in type:
// varchar(20), or a mapping of a column's type keys (type or native, and
// variants), as in {native: "geometry(point, 4326)", variants: {mysql: point}}.
func DecodeType(file string, n *yaml.Node, what string) (Type, error) {
	return decode(file, n, func(r *reader, n *yaml.Node) Type {
		if n.Kind == yaml.MappingNode {
			return r.columnType("", n, r.fields("", n, what, typeKeys), what)
		}
		text, ok := r.text("", n, what)
		if !ok {
			return Type{}
		}
		t, err := ParseType(text)
		if err != nil {
			r.errorf("", n, "%s: %v", what, err)
		}
		return t
	})
}

// DecodePrimaryKey reads n, a primary key mapping {name, columns}.
func DecodePrimaryKey(file string, n *yaml.Node, what string) (*PrimaryKey, error) {
	return decode(file, n, func(r *reader, n *yaml.Node) *PrimaryKey { return r.primaryKeyItem("", n, what, what+": ") })
}

// DecodeForeignKey reads n, a mapping of schema.yaml's foreign_keys list.
// The actions are stored in lower case, as [Read] does.
func DecodeForeignKey(file string, n *yaml.Node, what string) (*ForeignKey, error) {
	return decode(file, n, func(r *reader, n *yaml.Node) *ForeignKey { return r.foreignKeyItem("", n, what, what+": ") })
}

// DecodeUnique reads n, a mapping of schema.yaml's unique list.
func DecodeUnique(file string, n *yaml.Node, what string) (*Unique, error) {
	return decode(file, n, func(r *reader, n *yaml.Node) *Unique { return r.uniqueItem("", n, what, what+": ") })
}

// DecodeCheck reads n, a mapping of schema.yaml's checks list.
func DecodeCheck(file string, n *yaml.Node, what string) (*Check, error) {
	return decode(file, n, func(r *reader, n *yaml.Node) *Check { return r.checkItem("", n, what, what+": ") })
}

// DecodeIndex reads n, a mapping of schema.yaml's indexes list.
func DecodeIndex(file string, n *yaml.Node, what string) (*Index, error) {
	return decode(file, n, func(r *reader, n *yaml.Node) *Index { return r.indexItem("", n, what, what+": ") })
}

// typeKeys are the keys of a type mapping, for [DecodeType].
var typeKeys = []string{"type", "native", "variants"}

// decodeNamed is decode for an element that must have a name: read
// returns it and its name.
func decodeNamed[T any](file string, n *yaml.Node, what string, read func(r *reader, n *yaml.Node) (T, string)) (T, error) {
	return decode(file, n, func(r *reader, n *yaml.Node) T {
		v, name := read(r, n)
		r.named("", n, name, what)
		return v
	})
}

// decode runs read on n, dereferenced (nil is null), with a reader of its
// own: the element read, or its problems sorted by position.
func decode[T any](file string, n *yaml.Node, read func(r *reader, n *yaml.Node) T) (T, error) {
	r := &reader{file: file, src: map[Path]*yaml.Node{}}
	if n = DerefNode(n); n == nil {
		n = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"}
	}
	v := read(r, n)
	if len(r.errs) > 0 {
		r.errs.Sort()
		var zero T
		return zero, r.errs
	}
	return v, nil
}

// named reports an element read from n (at p) without a name: in a
// schema, [MetaData.Validate] does.
func (r *reader) named(p Path, n *yaml.Node, name, what string) {
	switch v, given := r.src[p.Field("name")]; {
	case name != "":
	case given:
		if v.Kind == yaml.ScalarNode { // else reported as not a single value
			r.errorf(p.Field("name"), v, "%s: name must not be empty", what)
		}
	case n.Kind == yaml.MappingNode || IsNullNode(n):
		r.errorf(p, n, "%s: name is missing", what)
	}
}
