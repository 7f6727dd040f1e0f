package metadata

import (
	"go.yaml.in/yaml/v3"
)

// This file writes schema.yaml's elements one at a time, for files that
// embed them, as the Decode functions read them. Each Encode function
// writes the long form: no column shorthands (every key and index in the
// table's lists), every name given, empty keys left out, and no node style
// set, so that the embedding file lays the nodes out as it lays out its
// own. It fails on text YAML cannot hold (invalid UTF-8) and on a type
// whose spelling would read back as another type.

// EncodeTable writes t as a table mapping, which [DecodeTable] reads back
// as t. A column is written nullable: false where [DecodeTable] would
// take it to be nullable, and nullable: true in the primary key.
func EncodeTable(t *Table) (*yaml.Node, error) {
	return encode(func(o *out) *yaml.Node { return o.table(t) })
}

// EncodeColumn writes c as a column mapping standing alone, which
// [DecodeColumn] reads back as c.
func EncodeColumn(c *Column) (*yaml.Node, error) {
	return encode(func(o *out) *yaml.Node { return o.column(c, false, colFlags{}) })
}

// EncodeType writes t as [DecodeType] reads it: its text when that says it
// all, else a mapping with native: (a native type that would read back as
// another) or variants.
func EncodeType(t Type) (*yaml.Node, error) {
	return encode(func(o *out) *yaml.Node {
		b := o.mapping(false)
		if err := o.columnType(b, t); err != nil {
			o.fail(err)
		}
		if len(b.n.Content) == 2 && b.n.Content[0].Value == "type" {
			return b.n.Content[1]
		}
		return b.n
	})
}

// EncodeForeignKey writes fk as a mapping of schema.yaml's foreign_keys
// list, which [DecodeForeignKey] reads back as fk.
func EncodeForeignKey(fk *ForeignKey) (*yaml.Node, error) {
	return encode(func(o *out) *yaml.Node { return o.foreignKey(nil, fk) })
}

// EncodeUnique writes u as a mapping of schema.yaml's unique list, which
// [DecodeUnique] reads back as u.
func EncodeUnique(u *Unique) (*yaml.Node, error) {
	return encode(func(o *out) *yaml.Node { return o.unique(nil, u) })
}

// EncodePrimaryKey writes pk as schema.yaml's primary_key mapping, which
// [DecodePrimaryKey] reads back as pk.
func EncodePrimaryKey(pk *PrimaryKey) (*yaml.Node, error) {
	return encode(func(o *out) *yaml.Node { return o.primaryKey(nil, pk) })
}

// EncodeIndex writes ix as a mapping of schema.yaml's indexes list, which
// [DecodeIndex] reads back as ix.
func EncodeIndex(ix *Index) (*yaml.Node, error) {
	return encode(func(o *out) *yaml.Node { return o.index(nil, ix) })
}

// encode runs write with an [out] for embedding.
func encode(write func(o *out) *yaml.Node) (*yaml.Node, error) {
	o := &out{embed: true}
	n := write(o)
	if o.err != nil {
		return nil, o.err
	}
	return n, nil
}
