package metadata

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// routineKeys are a function, procedure or aggregate mapping's keys,
// under functions:, procedures: and aggregates:, and in the routine ops
// of revision files.
var routineKeys = []string{"schema", "name", "arguments", "returns", "definition", "comment", "definer", "sql_mode", "uses"}

// triggerKeys are a trigger mapping's keys, under triggers: and in the
// trigger ops.
var triggerKeys = []string{"schema", "table", "name", "definition", "comment", "definer", "sql_mode", "follows", "function"}

// routineLists are schema.yaml's routine keys and the kind of each, in
// the order they are written.
var routineLists = []struct{ key, kind string }{
	{"functions", KindFunction}, {"procedures", KindProcedure}, {"aggregates", KindAggregate},
}

// routinesOf reads the routines after views: (functions, procedures,
// aggregates, triggers) from the schema's fields.
func (r *reader) routinesOf(m *MetaData, f map[string]field) {
	for _, l := range routineLists {
		if v, ok := f[l.key]; ok {
			for i, item := range r.list(Path(l.key), v.val, l.key) {
				where := elementName(l.kind, qualify(scalarOf(item, "schema"), scalarOf(item, "name")), i)
				m.AddRoutine(r.routine(Path(l.key).Index(i), item, l.kind, where))
			}
		}
	}
	if v, ok := f["triggers"]; ok {
		for i, item := range r.list("triggers", v.val, "triggers") {
			where := elementName("trigger", scalarOf(item, "name"), i)
			m.Triggers = append(m.Triggers, r.trigger(Path("triggers").Index(i), item, where))
		}
	}
}

// routine reads one routine mapping of kind.
func (r *reader) routine(p Path, n *yaml.Node, kind, where string) *Routine {
	rt := &Routine{Kind: kind}
	f := r.fields(p, n, where, routineKeys)
	if f == nil {
		return rt
	}
	rt.Schema = r.str(p.Field("schema"), f["schema"].val, where+": schema")
	rt.Name = r.str(p.Field("name"), f["name"].val, where+": name")
	rt.Arguments = r.str(p.Field("arguments"), f["arguments"].val, where+": arguments")
	rt.Returns = r.str(p.Field("returns"), f["returns"].val, where+": returns")
	rt.Definition = TrimDefinition(r.str(p.Field("definition"), f["definition"].val, where+": definition"))
	rt.Comment = r.str(p.Field("comment"), f["comment"].val, where+": comment")
	rt.Definer = r.str(p.Field("definer"), f["definer"].val, where+": definer")
	rt.SQLMode = r.str(p.Field("sql_mode"), f["sql_mode"].val, where+": sql_mode")
	rt.Uses = r.stringList(p.Field("uses"), f["uses"].val, where+": uses")
	r.needDefinition(p, n, f, where, "the CREATE "+strings.ToUpper(kind)+" statement", rt.Definition)
	return rt
}

// trigger reads one trigger mapping.
func (r *reader) trigger(p Path, n *yaml.Node, where string) *Trigger {
	t := &Trigger{}
	f := r.fields(p, n, where, triggerKeys)
	if f == nil {
		return t
	}
	t.Schema = r.str(p.Field("schema"), f["schema"].val, where+": schema")
	t.Table = r.str(p.Field("table"), f["table"].val, where+": table")
	t.Name = r.str(p.Field("name"), f["name"].val, where+": name")
	t.Definition = TrimDefinition(r.str(p.Field("definition"), f["definition"].val, where+": definition"))
	t.Comment = r.str(p.Field("comment"), f["comment"].val, where+": comment")
	t.Definer = r.str(p.Field("definer"), f["definer"].val, where+": definer")
	t.SQLMode = r.str(p.Field("sql_mode"), f["sql_mode"].val, where+": sql_mode")
	t.Follows = r.str(p.Field("follows"), f["follows"].val, where+": follows")
	t.Function = r.str(p.Field("function"), f["function"].val, where+": function")
	if t.Table == "" {
		r.errorf(p.Field("table"), n, "%s: table is missing; name the table the trigger is on", where)
	}
	r.needDefinition(p, n, f, where, "the CREATE TRIGGER statement", t.Definition)
	return t
}

// needDefinition reports a missing definition.
func (r *reader) needDefinition(p Path, n *yaml.Node, f map[string]field, where, what, def string) {
	if def != "" {
		return
	}
	at := n
	if d, ok := f["definition"]; ok {
		at = d.val
	}
	r.errorf(p.Field("definition"), at, "%s: definition is missing; give %s", where, what)
}

// definition writes a definition, in literal block style when it spans
// lines.
func (o *out) definition(s string) *yaml.Node {
	n := o.str(s)
	if strings.Contains(s, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}

// routine writes a routine mapping.
func (o *out) routine(rt *Routine) *yaml.Node {
	b := o.mapping(false)
	b.set1("schema", rt.Schema)
	b.set("name", o.str(rt.Name))
	b.set("arguments", o.str(rt.Arguments))
	b.set1("returns", rt.Returns)
	b.set("definition", o.definition(rt.Definition))
	b.opt("comment", rt.Comment)
	b.set1("definer", rt.Definer)
	b.set1("sql_mode", rt.SQLMode)
	if len(rt.Uses) > 0 {
		b.set("uses", o.stringList(rt.Uses))
	}
	return b.n
}

// trigger writes a trigger mapping.
func (o *out) trigger(t *Trigger) *yaml.Node {
	b := o.mapping(false)
	b.set1("schema", t.Schema)
	b.set("table", o.str(t.Table))
	b.set("name", o.str(t.Name))
	b.set("definition", o.definition(t.Definition))
	b.opt("comment", t.Comment)
	b.set1("definer", t.Definer)
	b.set1("sql_mode", t.SQLMode)
	b.set1("follows", t.Follows)
	b.set1("function", t.Function)
	return b.n
}

// routinesNodes sets the lists written after views: functions,
// procedures, aggregates and triggers, those that are not empty.
func (o *out) routinesNodes(doc obj) {
	for _, l := range routineLists {
		if list := o.m.Routines(l.kind); len(list) > 0 {
			seq := o.seq(false)
			for _, rt := range list {
				seq.Content = append(seq.Content, o.routine(rt))
			}
			doc.set(l.key, seq)
		}
	}
	if len(o.m.Triggers) > 0 {
		seq := o.seq(false)
		for _, t := range o.m.Triggers {
			seq.Content = append(seq.Content, o.trigger(t))
		}
		doc.set("triggers", seq)
	}
	setList(o, doc, "rules", o.m.RewriteRules, o.rule)
	setList(o, doc, "policies", o.m.Policies, o.policy)
	setList(o, doc, "events", o.m.Events, o.event)
	o.schemasNode(doc)
}

// DecodeRoutine reads n, a routine mapping of kind as in schema.yaml's
// lists, for the routine ops of revision files.
func DecodeRoutine(file string, n *yaml.Node, kind, what string) (*Routine, error) {
	return decode(file, n, func(r *reader, n *yaml.Node) *Routine {
		rt := r.routine("", n, kind, what)
		r.named("", n, rt.Name, what)
		return rt
	})
}

// EncodeRoutine renders rt as a routine mapping, as [DecodeRoutine] reads
// it.
func EncodeRoutine(rt *Routine) (*yaml.Node, error) {
	return encode(func(o *out) *yaml.Node { return o.routine(rt) })
}

// DecodeTrigger reads n, a trigger mapping as in schema.yaml's triggers
// list, for the trigger ops of revision files.
func DecodeTrigger(file string, n *yaml.Node, what string) (*Trigger, error) {
	return decode(file, n, func(r *reader, n *yaml.Node) *Trigger {
		t := r.trigger("", n, what)
		r.named("", n, t.Name, what)
		return t
	})
}

// EncodeTrigger renders t as a trigger mapping, as [DecodeTrigger] reads
// it.
func EncodeTrigger(t *Trigger) (*yaml.Node, error) {
	return encode(func(o *out) *yaml.Node { return o.trigger(t) })
}
