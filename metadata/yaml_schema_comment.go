package metadata

import "go.yaml.in/yaml/v3"

// schemaEntryKeys are a schemas: entry's keys.
var schemaEntryKeys = []string{"name", "comment", "grants"}

// grantKeys are a grants: entry's keys.
var grantKeys = []string{"role", "privileges"}

// schemasOf reads schema.yaml's schemas: list.
func (r *reader) schemasOf(m *MetaData, f map[string]field) {
	v, ok := f["schemas"]
	if !ok {
		return
	}
	for i, item := range r.list("schemas", v.val, "schemas") {
		p := Path("schemas").Index(i)
		where := elementName("schema", scalarOf(item, "name"), i)
		fs := r.fields(p, item, where, schemaEntryKeys)
		if fs == nil {
			continue
		}
		s := &Schema{Name: r.str(p.Field("name"), fs["name"].val, where+": name"),
			Comment: r.str(p.Field("comment"), fs["comment"].val, where+": comment")}
		if g, ok := fs["grants"]; ok {
			s.Grants = r.grants(p.Field("grants"), g, s.Name, where)
		}
		m.Schemas = append(m.Schemas, s)
	}
}

// grants reads a schema's grants: list, as [SchemaGrantsOf] gives them
// (nil when they are the default); a list with problems is kept as
// given, for [MetaData.Validate] to report.
func (r *reader) grants(p Path, f field, schema, where string) []SchemaGrant {
	var list []SchemaGrant
	for j, item := range r.list(p, f.val, where+": grants") {
		gp := p.Index(j)
		what := where + ", grant " + elementName("role", scalarOf(item, "role"), j)
		gf := r.fields(gp, item, what, grantKeys)
		if gf == nil {
			continue
		}
		list = append(list, SchemaGrant{Role: r.str(gp.Field("role"), gf["role"].val, what+": role"),
			Privileges: r.stringList(gp.Field("privileges"), gf["privileges"].val, what+": privileges")})
	}
	if len(GrantProblems(list)) > 0 {
		return list // as given, for Validate to report
	}
	return SchemaGrantsOf(schema, list)
}

// schemasNode sets the schemas: list when there is one.
func (o *out) schemasNode(doc obj) {
	if len(o.m.Schemas) == 0 {
		return
	}
	seq := o.seq(false)
	for _, s := range o.m.Schemas {
		b := o.mapping(true)
		b.set1("name", s.Name)
		b.opt("comment", s.Comment)
		if s.Grants != nil {
			b.set("grants", o.grantsNode(s.Grants))
		}
		seq.Content = append(seq.Content, b.n)
	}
	doc.set("schemas", seq)
}

// grantsNode writes a schema's grants: list.
func (o *out) grantsNode(grants []SchemaGrant) *yaml.Node {
	seq := o.seq(true)
	for _, g := range grants {
		b := o.mapping(true)
		b.set("role", o.str(g.Role))
		b.set("privileges", o.stringList(g.Privileges))
		seq.Content = append(seq.Content, b.n)
	}
	return seq
}
