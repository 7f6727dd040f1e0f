package metadata

import "go.yaml.in/yaml/v3"

// extensionKeys are an extension mapping's keys, under extensions: and in
// the extension ops of revision files.
var extensionKeys = []string{"name", "schema", "version"}

// extensions reads the extensions list: each a name, or a mapping.
func (r *reader) extensions(n *yaml.Node) []*Extension {
	var out []*Extension
	for i, item := range r.list("extensions", n, "extensions") {
		p := Path("extensions").Index(i)
		out = append(out, r.extension(p, item, elementName("extension", scalarOf(item, "name"), i)))
	}
	return out
}

// extension reads one extension: a name alone, or {name, schema, version}.
func (r *reader) extension(p Path, n *yaml.Node, where string) *Extension {
	if d := DerefNode(n); d != nil && d.Kind == yaml.ScalarNode {
		return &Extension{Name: r.str(p.Field("name"), d, where)}
	}
	e := &Extension{}
	f := r.fields(p, n, where, extensionKeys)
	if f == nil {
		return e
	}
	e.Name = r.str(p.Field("name"), f["name"].val, where+": name")
	e.Schema = r.str(p.Field("schema"), f["schema"].val, where+": schema")
	e.Version = r.str(p.Field("version"), f["version"].val, where+": version")
	return e
}

// extension writes an extension: its name alone when that is all it has.
func (o *out) extension(e *Extension) *yaml.Node {
	if e.Schema == "" && e.Version == "" && o.short() {
		return o.str(e.Name)
	}
	b := o.mapping(true)
	b.set("name", o.str(e.Name))
	b.set1("schema", e.Schema)
	b.set1("version", e.Version)
	return b.n
}
