package metadata

import (
	"go.yaml.in/yaml/v3"
)

// domainKeys are a domain mapping's keys, under domains: and in the
// domain ops of revision files.
var domainKeys = []string{"schema", "name", "type", "native", "variants", "default", "not_null", "collation", "checks", "comment"}

// domains reads the domains list.
func (r *reader) domains(n *yaml.Node) []*Domain {
	var out []*Domain
	for i, item := range r.list("domains", n, "domains") {
		p := Path("domains").Index(i)
		where := elementName("domain", qualify(scalarOf(item, "schema"), scalarOf(item, "name")), i)
		out = append(out, r.domain(p, item, where))
	}
	return out
}

// domain reads one domain mapping.
func (r *reader) domain(p Path, n *yaml.Node, where string) *Domain {
	d := &Domain{}
	f := r.fields(p, n, where, domainKeys)
	if f == nil {
		return d
	}
	d.Schema = r.str(p.Field("schema"), f["schema"].val, where+": schema")
	d.Name = r.str(p.Field("name"), f["name"].val, where+": name")
	d.Type = r.columnType(p, n, f, where)
	d.Default = r.str(p.Field("default"), f["default"].val, where+": default")
	d.NotNull = r.boolean(p.Field("not_null"), f["not_null"].val, where+": not_null")
	d.Collation = r.str(p.Field("collation"), f["collation"].val, where+": collation")
	d.Comment = r.str(p.Field("comment"), f["comment"].val, where+": comment")
	cp := p.Field("checks")
	for k, item := range r.list(cp, f["checks"].val, where+": checks") {
		d.Checks = append(d.Checks, r.checkItem(cp.Index(k), item, where+": check", where+": check "))
	}
	return d
}

// domain writes a domain mapping, options only where set.
func (o *out) domain(d *Domain) *yaml.Node {
	b := o.mapping(false)
	b.set1("schema", d.Schema)
	b.set("name", o.str(d.Name))
	if err := o.columnType(b, d.Type); err != nil {
		o.fail(err)
	}
	if d.Default != "" {
		b.set("default", o.sql(d.Default))
	}
	b.flag("not_null", d.NotNull)
	b.set1("collation", d.Collation)
	if len(d.Checks) > 0 {
		checks := o.seq(false)
		for _, c := range d.Checks {
			cb := o.mapping(true)
			cb.set1("name", c.Name)
			cb.set("expression", o.str(c.Expression))
			checks.Content = append(checks.Content, cb.n)
		}
		b.set("checks", checks)
	}
	b.opt("comment", d.Comment)
	return b.n
}

// DecodeDomain reads n, a domain mapping as in schema.yaml's domains
// list, for the domain ops of revision files.
func DecodeDomain(file string, n *yaml.Node, what string) (*Domain, error) {
	return decode(file, n, func(r *reader, n *yaml.Node) *Domain {
		return r.domain("", n, what)
	})
}

// EncodeDomain renders d as a domain mapping, as [DecodeDomain] reads it.
func EncodeDomain(d *Domain) (*yaml.Node, error) {
	return encode(func(o *out) *yaml.Node { return o.domain(d) })
}

// EncodeCheck renders c as a check mapping, as [DecodeCheck] reads it (a check of a table or a domain).
func EncodeCheck(c *Check) (*yaml.Node, error) {
	return encode(func(o *out) *yaml.Node {
		b := o.mapping(true)
		b.set1("name", c.Name)
		b.set("expression", o.str(c.Expression))
		b.flag("no_inherit", c.NoInherit)
		b.flag("not_valid", c.NotValid)
		b.set1("comment", c.Comment)
		return b.n
	})
}
