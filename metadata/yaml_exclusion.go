package metadata

import (
	"strconv"

	"go.yaml.in/yaml/v3"
)

var (
	exclusionKeys        = []string{"name", "using", "elements", "include", "where", "deferrable", "initially_deferred", "comment"}
	exclusionElementKeys = []string{"column", "expression", "operator"}
)

// exclusions reads a table's exclusions list.
func (r *reader) exclusions(p Path, t *Table, n *yaml.Node, where string) {
	xp := p.Field("exclusions")
	for k, item := range r.list(xp, n, where+": exclusions") {
		t.Exclusions = append(t.Exclusions, r.exclusionItem(xp.Index(k), item, where+": exclusion constraint", where+": exclusion "))
	}
}

func (r *reader) exclusionItem(at Path, n *yaml.Node, what, key string) *Exclusion {
	f := r.item(at, n, what, key, exclusionKeys)
	x := &Exclusion{Name: f.str("name"), Using: f.str("using"), Include: f.strings("include"), Where: f.str("where"),
		Deferrable: f.boolean("deferrable"), InitiallyDeferred: f.boolean("initially_deferred"), Comment: f.str("comment")}
	if v, ok := f.f["elements"]; ok {
		ep := at.Field("elements")
		for i, en := range r.list(ep, v.val, key+"elements") {
			x.Elements = append(x.Elements, r.exclusionElement(ep.Index(i), en, key+"elements["+strconv.Itoa(i)+"]"))
		}
	}
	if len(x.Elements) == 0 {
		r.errorf(at, n, "%s: no elements (elements: [{column: ..., operator: ...}, ...])", what)
	}
	return x
}

// exclusionElement reads one element: a column or an expression, and its
// operator.
func (r *reader) exclusionElement(p Path, n *yaml.Node, what string) ExclusionElement {
	f := r.fields(p, n, what, exclusionElementKeys)
	if f == nil {
		return ExclusionElement{}
	}
	e := ExclusionElement{
		Column:     r.str(p.Field("column"), f["column"].val, what+": column"),
		Expression: r.str(p.Field("expression"), f["expression"].val, what+": expression"),
		Operator:   r.str(p.Field("operator"), f["operator"].val, what+": operator"),
	}
	if (e.Column == "") == (e.Expression == "") {
		r.errorf(p, n, "%s: give exactly one of column: and expression:", what)
	}
	if e.Operator == "" {
		r.errorf(p, n, "%s: no operator (operator: \"=\", \"&&\", ...)", what)
	}
	return e
}

func (o *out) exclusion(x *Exclusion) *yaml.Node {
	b := o.mapping(true)
	b.set1("name", x.Name)
	b.set1("using", x.Using)
	seq := o.seq(true)
	for _, e := range x.Elements {
		eb := obj{o, o.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: seq.Style})}
		eb.set1("column", e.Column)
		if e.Expression != "" {
			eb.set("expression", o.sql(e.Expression))
		}
		eb.set("operator", o.str(e.Operator))
		seq.Content = append(seq.Content, eb.n)
	}
	b.set("elements", seq)
	if len(x.Include) > 0 {
		b.set("include", o.stringList(x.Include))
	}
	if x.Where != "" {
		b.set("where", o.sql(x.Where))
	}
	b.deferral(x.Deferrable, x.InitiallyDeferred)
	b.set1("comment", x.Comment)
	return b.n
}

// DecodeExclusion reads n, a mapping of a table's exclusions list.
func DecodeExclusion(file string, n *yaml.Node, what string) (*Exclusion, error) {
	return decode(file, n, func(r *reader, n *yaml.Node) *Exclusion { return r.exclusionItem("", n, what, what+": ") })
}

// EncodeExclusion writes x as a mapping of a table's exclusions list,
// which [DecodeExclusion] reads back as x.
func EncodeExclusion(x *Exclusion) (*yaml.Node, error) {
	return encode(func(o *out) *yaml.Node { return o.exclusion(x) })
}
