package metadata

// schemaEntryKeys are a schemas: entry's keys.
var schemaEntryKeys = []string{"name", "comment"}

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
		m.Schemas = append(m.Schemas, &Schema{Name: r.str(p.Field("name"), fs["name"].val, where+": name"),
			Comment: r.str(p.Field("comment"), fs["comment"].val, where+": comment")})
	}
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
		seq.Content = append(seq.Content, b.n)
	}
	doc.set("schemas", seq)
}
