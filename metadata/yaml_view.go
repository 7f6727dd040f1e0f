package metadata

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// viewKeys are a view mapping's keys: under views:, and in the view ops
// of revision files.
var viewKeys = []string{"schema", "name", "materialized", "definition", "check_option", "security_invoker",
	"security_barrier", "security", "algorithm", "definer", "character_set_client", "collation_connection", "comment", "indexes", "reads"}

// views reads the views list.
func (r *reader) views(n *yaml.Node) []*View {
	var out []*View
	for i, item := range r.list("views", n, "views") {
		p := Path("views").Index(i)
		where := elementName("view", qualify(scalarOf(item, "schema"), scalarOf(item, "name")), i)
		out = append(out, r.view(p, item, where))
	}
	return out
}

// view reads one view mapping.
func (r *reader) view(p Path, n *yaml.Node, where string) *View {
	v := &View{}
	f := r.fields(p, n, where, viewKeys)
	if f == nil {
		return v
	}
	v.Schema = r.str(p.Field("schema"), f["schema"].val, where+": schema")
	v.Name = r.str(p.Field("name"), f["name"].val, where+": name")
	v.Materialized = r.boolean(p.Field("materialized"), f["materialized"].val, where+": materialized")
	v.Definition = TrimDefinition(r.str(p.Field("definition"), f["definition"].val, where+": definition"))
	v.CheckOption = r.choice(p.Field("check_option"), f["check_option"], where+": check_option", CheckOptions)
	v.SecurityInvoker = r.boolean(p.Field("security_invoker"), f["security_invoker"].val, where+": security_invoker")
	v.SecurityBarrier = r.boolean(p.Field("security_barrier"), f["security_barrier"].val, where+": security_barrier")
	v.Security = r.choice(p.Field("security"), f["security"], where+": security", ViewSecurities)
	v.Algorithm = r.choice(p.Field("algorithm"), f["algorithm"], where+": algorithm", ViewAlgorithms)
	v.Definer = r.str(p.Field("definer"), f["definer"].val, where+": definer")
	v.CharacterSetClient = r.str(p.Field("character_set_client"), f["character_set_client"].val, where+": character_set_client")
	v.CollationConnection = r.str(p.Field("collation_connection"), f["collation_connection"].val, where+": collation_connection")
	v.Comment = r.str(p.Field("comment"), f["comment"].val, where+": comment")
	v.Reads = r.stringList(p.Field("reads"), f["reads"].val, where+": reads")
	ip := p.Field("indexes")
	for j, item := range r.list(ip, f["indexes"].val, where+": indexes") {
		v.Indexes = append(v.Indexes, r.indexItem(ip.Index(j), item, where+": index", where+": index "))
	}
	if v.Definition == "" {
		at := n
		if d, ok := f["definition"]; ok {
			at = d.val
		}
		r.errorf(p.Field("definition"), at, "%s: definition is missing; give the view's query (SELECT ...)", where)
	}
	if len(v.Indexes) > 0 && !v.Materialized {
		r.errorf(ip, f["indexes"].key, "%s: only a materialized view has indexes; add materialized: true or remove them", where)
	}
	return v
}

// choice reads an optional lower-case word that must be one of allowed.
func (r *reader) choice(p Path, f field, what string, allowed []string) string {
	if f.val == nil || IsNullNode(f.val) {
		return ""
	}
	s := strings.ToLower(r.str(p, f.val, what))
	if s != "" && !slices.Contains(allowed, s) {
		r.errorf(p, f.val, "%s %q is not one of %s", what, s, strings.Join(allowed, ", "))
	}
	return s
}

// view writes a view mapping, options only where set; the definition in
// literal block style when it spans lines.
func (o *out) view(v *View) *yaml.Node {
	b := o.mapping(false)
	b.set1("schema", v.Schema)
	b.set("name", o.str(v.Name))
	b.flag("materialized", v.Materialized)
	def := o.str(v.Definition)
	if strings.Contains(v.Definition, "\n") {
		def.Style = yaml.LiteralStyle
	}
	b.set("definition", def)
	b.set1("check_option", v.CheckOption)
	b.flag("security_invoker", v.SecurityInvoker)
	b.flag("security_barrier", v.SecurityBarrier)
	b.set1("security", v.Security)
	b.set1("algorithm", v.Algorithm)
	b.set1("definer", v.Definer)
	b.set1("character_set_client", v.CharacterSetClient)
	b.set1("collation_connection", v.CollationConnection)
	b.opt("comment", v.Comment)
	if len(v.Indexes) > 0 {
		ixs := o.seq(false)
		for _, ix := range v.Indexes {
			ixs.Content = append(ixs.Content, o.viewIndex(ix))
		}
		b.set("indexes", ixs)
	}
	if len(v.Reads) > 0 {
		b.set("reads", o.stringList(v.Reads))
	}
	return b.n
}

// viewIndex writes an index of a materialized view, always named.
func (o *out) viewIndex(ix *Index) *yaml.Node {
	b := o.mapping(true)
	b.set("name", o.str(ix.Name))
	b.list("columns", ix.Columns)
	b.list("expressions", ix.Expressions)
	b.flag("unique", ix.Unique)
	b.opt("where", ix.Where)
	b.opt("using", ix.Using)
	return b.n
}

// viewsNode is the views list of a document, nil when there are none.
func (o *out) viewsNode() *yaml.Node {
	if len(o.m.Views) == 0 {
		return nil
	}
	list := o.seq(false)
	for _, v := range o.m.Views {
		list.Content = append(list.Content, o.view(v))
	}
	return list
}

// DecodeView reads n, a view mapping as in schema.yaml's views list, for
// the view ops of revision files.
func DecodeView(file string, n *yaml.Node, what string) (*View, error) {
	return decode(file, n, func(r *reader, n *yaml.Node) *View {
		v := r.view("", n, what)
		r.named("", n, v.Name, what)
		return v
	})
}

// EncodeView renders v as a view mapping, as [DecodeView] reads it.
func EncodeView(v *View) (*yaml.Node, error) {
	return encode(func(o *out) *yaml.Node { return o.view(v) })
}
