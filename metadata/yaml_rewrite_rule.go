package metadata

import "go.yaml.in/yaml/v3"

// ruleKeys are a rule mapping's keys, under rules: and in the rule ops.
var ruleKeys = []string{"schema", "table", "name", "event", "definition", "comment"}

// rulesOf reads schema.yaml's rules: list.
func (r *reader) rulesOf(m *MetaData, f map[string]field) {
	m.RewriteRules = readList(r, f, "rules", "rule", (*reader).rule)
}

// readList reads the top-level list key of named elements of kind, each
// with read; nil when absent.
func readList[T any](r *reader, f map[string]field, key, kind string, read func(*reader, Path, *yaml.Node, string) T) []T {
	v, ok := f[key]
	if !ok {
		return nil
	}
	var out []T
	for i, item := range r.list(Path(key), v.val, key) {
		out = append(out, read(r, Path(key).Index(i), item, elementName(kind, scalarOf(item, "name"), i)))
	}
	return out
}

// rule reads one rule mapping.
func (r *reader) rule(p Path, n *yaml.Node, where string) *RewriteRule {
	ru := &RewriteRule{}
	f := r.fields(p, n, where, ruleKeys)
	if f == nil {
		return ru
	}
	ru.Schema = r.str(p.Field("schema"), f["schema"].val, where+": schema")
	ru.Table = r.str(p.Field("table"), f["table"].val, where+": table")
	ru.Name = r.str(p.Field("name"), f["name"].val, where+": name")
	ru.Event = r.str(p.Field("event"), f["event"].val, where+": event")
	ru.Definition = TrimDefinition(r.str(p.Field("definition"), f["definition"].val, where+": definition"))
	ru.Comment = r.str(p.Field("comment"), f["comment"].val, where+": comment")
	if ru.Table == "" {
		r.errorf(p.Field("table"), n, "%s: table is missing; name the table the rule is on", where)
	}
	r.needDefinition(p, n, f, where, "the CREATE RULE statement", ru.Definition)
	return ru
}

// rule writes a rule mapping.
func (o *out) rule(ru *RewriteRule) *yaml.Node {
	b := o.mapping(false)
	b.set1("schema", ru.Schema)
	b.set("table", o.str(ru.Table))
	b.set("name", o.str(ru.Name))
	b.set1("event", ru.Event)
	b.set("definition", o.definition(ru.Definition))
	b.opt("comment", ru.Comment)
	return b.n
}

// DecodeRewriteRule reads n, a rule mapping as in schema.yaml's rules list, for
// the rule ops of revision files.
func DecodeRewriteRule(file string, n *yaml.Node, what string) (*RewriteRule, error) {
	return decodeNamed(file, n, what, func(r *reader, n *yaml.Node) (*RewriteRule, string) {
		ru := r.rule("", n, what)
		return ru, ru.Name
	})
}

// EncodeRewriteRule renders ru as a rule mapping, as [DecodeRewriteRule] reads it.
func EncodeRewriteRule(ru *RewriteRule) (*yaml.Node, error) {
	return encode(func(o *out) *yaml.Node { return o.rule(ru) })
}
