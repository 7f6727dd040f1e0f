package metadata

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// policyKeys are a policy mapping's keys, under policies: and in the
// policy ops.
var policyKeys = []string{"schema", "table", "name", "as", "command", "roles", "using", "with_check", "comment"}

// rowSecurityKeys are the keys of a table's row_security: mapping.
var rowSecurityKeys = []string{"enabled", "forced"}

// policyCommands are the commands a policy can be for.
var policyCommands = []string{"ALL", "SELECT", "INSERT", "UPDATE", "DELETE"}

// policiesOf reads schema.yaml's policies: list.
func (r *reader) policiesOf(m *MetaData, f map[string]field) {
	m.Policies = readList(r, f, "policies", "policy", (*reader).policy)
}

// policy reads one policy mapping.
func (r *reader) policy(p Path, n *yaml.Node, where string) *Policy {
	po := &Policy{}
	f := r.fields(p, n, where, policyKeys)
	if f == nil {
		return po
	}
	po.Schema = r.str(p.Field("schema"), f["schema"].val, where+": schema")
	po.Table = r.str(p.Field("table"), f["table"].val, where+": table")
	po.Name = r.str(p.Field("name"), f["name"].val, where+": name")
	switch as := strings.ToLower(r.str(p.Field("as"), f["as"].val, where+": as")); as {
	case "", "permissive":
	case "restrictive":
		po.Restrictive = true
	default:
		r.errorf(p.Field("as"), f["as"].val, "%s: as is %q; write permissive or restrictive", where, as)
	}
	po.Command = strings.ToUpper(r.str(p.Field("command"), f["command"].val, where+": command"))
	if !slices.Contains(policyCommands, po.CommandOrAll()) {
		r.errorf(p.Field("command"), f["command"].val, "%s: command is %q; write one of %s", where, po.Command, strings.Join(policyCommands, ", "))
	}
	if po.Command == "ALL" {
		po.Command = ""
	}
	po.Roles = NormalizeRoles(r.stringList(p.Field("roles"), f["roles"].val, where+": roles"))
	po.Using = r.str(p.Field("using"), f["using"].val, where+": using")
	po.WithCheck = r.str(p.Field("with_check"), f["with_check"].val, where+": with_check")
	po.Comment = r.str(p.Field("comment"), f["comment"].val, where+": comment")
	if po.Table == "" {
		r.errorf(p.Field("table"), n, "%s: table is missing; name the table the policy is on", where)
	}
	return po
}

// NormalizeRoles sorts a policy's roles; PUBLIC alone is no list (the
// default), and PUBLIC is spelled public.
func NormalizeRoles(roles []string) []string {
	out := slices.Clone(roles)
	for i, r := range out {
		if strings.EqualFold(r, "public") {
			out[i] = "public"
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) == 0 || len(out) == 1 && out[0] == "public" {
		return nil
	}
	return out
}

// rowSecurity reads a table's row_security: {enabled, forced}.
func (r *reader) rowSecurity(p Path, n *yaml.Node, where string) RowSecurity {
	if n == nil || IsNullNode(n) {
		return RowSecurity{}
	}
	f := r.fields(p, n, where, rowSecurityKeys)
	if f == nil {
		return RowSecurity{}
	}
	return RowSecurity{Enabled: r.boolean(p.Field("enabled"), f["enabled"].val, where+": enabled"),
		Forced: r.boolean(p.Field("forced"), f["forced"].val, where+": forced")}
}

// rowSecurityNode writes a table's row_security: when a switch is set,
// in long form too (it is PostgreSQL's, and most tables have none, as
// the MySQL table options).
func (o *out) rowSecurityNode(b obj, s RowSecurity) {
	if !s.On() {
		return
	}
	b.set("row_security", o.rowSecurityMap(s))
}

// rowSecurityMap is {enabled, forced}, both written.
func (o *out) rowSecurityMap(s RowSecurity) *yaml.Node {
	rs := o.mapping(true)
	rs.set("enabled", o.boolean(s.Enabled))
	rs.set("forced", o.boolean(s.Forced))
	return rs.n
}

// policy writes a policy mapping.
func (o *out) policy(po *Policy) *yaml.Node {
	b := o.mapping(false)
	b.set1("schema", po.Schema)
	b.set("table", o.str(po.Table))
	b.set("name", o.str(po.Name))
	// The defaults (permissive, ALL, PUBLIC) are left out but in long
	// form, which spells every key.
	switch {
	case po.Restrictive:
		b.set("as", o.str("restrictive"))
	case o.long:
		b.set("as", o.str("permissive"))
	}
	if c := po.CommandOrAll(); c != "ALL" || o.long {
		b.set("command", o.str(c))
	}
	b.list("roles", po.Roles)
	b.opt("using", po.Using)
	b.opt("with_check", po.WithCheck)
	b.opt("comment", po.Comment)
	return b.n
}

// DecodePolicy reads n, a policy mapping as in schema.yaml's policies
// list, for the policy ops of revision files.
func DecodePolicy(file string, n *yaml.Node, what string) (*Policy, error) {
	return decodeNamed(file, n, what, func(r *reader, n *yaml.Node) (*Policy, string) {
		po := r.policy("", n, what)
		return po, po.Name
	})
}

// EncodePolicy renders po as a policy mapping, as [DecodePolicy] reads it.
func EncodePolicy(po *Policy) (*yaml.Node, error) {
	return encode(func(o *out) *yaml.Node { return o.policy(po) })
}

// DecodeRowSecurity reads n, a row_security mapping, for the
// alter_row_security op of revision files.
func DecodeRowSecurity(file string, n *yaml.Node, what string) (RowSecurity, error) {
	return decode(file, n, func(r *reader, n *yaml.Node) RowSecurity { return r.rowSecurity("", n, what) })
}

// EncodeRowSecurity renders s as a row_security mapping (both switches).
func EncodeRowSecurity(s RowSecurity) (*yaml.Node, error) {
	return encode(func(o *out) *yaml.Node { return o.rowSecurityMap(s) })
}
