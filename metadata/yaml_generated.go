package metadata

import "go.yaml.in/yaml/v3"

// generatedKeys are a column's generated: mapping's keys.
var generatedKeys = []string{"expression", "stored"}

// generated reads a column's generated: {expression, stored}.
func (r *reader) generated(p Path, n *yaml.Node, where string) *Generated {
	g := &Generated{}
	f := r.fields(p, n, where, generatedKeys)
	if f == nil {
		return g
	}
	g.Expression = r.str(p.Field("expression"), f["expression"].val, where+": expression")
	g.Stored = r.boolean(p.Field("stored"), f["stored"].val, where+": stored")
	return g
}

// generated writes a column's generated: mapping; stored only when set.
func (o *out) generated(g *Generated) *yaml.Node {
	b := o.mapping(true)
	if g.Expression != "" {
		b.set("expression", o.sql(g.Expression))
	}
	b.flag("stored", g.Stored)
	return b.n
}

// DecodeGenerated reads n, a column's generated: mapping, for
// alter_column's generated and existing_generated ({} is a column that is
// not generated).
func DecodeGenerated(file string, n *yaml.Node, what string) (*Generated, error) {
	return decode(file, n, func(r *reader, n *yaml.Node) *Generated { return r.generated("", n, what) })
}

// EncodeGenerated renders g as [DecodeGenerated] reads it.
func EncodeGenerated(g *Generated) (*yaml.Node, error) {
	return encode(func(o *out) *yaml.Node { return o.generated(g) })
}
