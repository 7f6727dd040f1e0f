package metadata

import (
	"strconv"

	"go.yaml.in/yaml/v3"
)

// attributeKeys are a column's attributes: mapping's keys.
var attributeKeys = []string{"storage", "compression", "statistics", "options"}

// attributes reads a column's attributes: {storage, compression,
// statistics, options}.
func (r *reader) attributes(p Path, n *yaml.Node, where string) ColumnAttributes {
	var a ColumnAttributes
	f := r.fields(p, n, where, attributeKeys)
	if f == nil {
		return a
	}
	a.Storage = r.str(p.Field("storage"), f["storage"].val, where+": storage")
	a.Compression = r.str(p.Field("compression"), f["compression"].val, where+": compression")
	if v, ok := f["statistics"]; ok && !IsNullNode(v.val) {
		s := int(r.int64Of(p.Field("statistics"), v.val, where+": statistics"))
		a.Statistics = &s
	}
	a.Options = r.stringList(p.Field("options"), f["options"].val, where+": options")
	return a
}

// attributes writes a column's attributes: mapping, only what is set.
func (o *out) attributes(a ColumnAttributes) *yaml.Node {
	b := o.mapping(true)
	b.set1("storage", a.Storage)
	b.set1("compression", a.Compression)
	if a.Statistics != nil {
		b.set("statistics", o.node(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(*a.Statistics)}))
	}
	if len(a.Options) > 0 {
		b.set("options", o.stringList(a.Options))
	}
	return b.n
}

// DecodeColumnAttributes reads n, a column's attributes: mapping, for
// alter_column's attributes and existing_attributes ({} is the defaults).
func DecodeColumnAttributes(file string, n *yaml.Node, what string) (ColumnAttributes, error) {
	return decode(file, n, func(r *reader, n *yaml.Node) ColumnAttributes { return r.attributes("", n, what) })
}

// EncodeColumnAttributes renders a as [DecodeColumnAttributes] reads it.
func EncodeColumnAttributes(a ColumnAttributes) (*yaml.Node, error) {
	return encode(func(o *out) *yaml.Node { return o.attributes(a) })
}
