package metadata

import "go.yaml.in/yaml/v3"

// eventKeys are an event mapping's keys, under events: and in the event
// ops.
var eventKeys = []string{"schema", "name", "schedule", "on_completion", "status", "body", "comment", "definer", "sql_mode", "time_zone"}

// eventsOf reads schema.yaml's events: list.
func (r *reader) eventsOf(m *MetaData, f map[string]field) {
	v, ok := f["events"]
	if !ok {
		return
	}
	for i, item := range r.list("events", v.val, "events") {
		where := elementName("event", qualify(scalarOf(item, "schema"), scalarOf(item, "name")), i)
		m.Events = append(m.Events, r.event(Path("events").Index(i), item, where))
	}
}

// event reads one event mapping.
func (r *reader) event(p Path, n *yaml.Node, where string) *Event {
	e := &Event{}
	f := r.fields(p, n, where, eventKeys)
	if f == nil {
		return e
	}
	e.Schema = r.str(p.Field("schema"), f["schema"].val, where+": schema")
	e.Name = r.str(p.Field("name"), f["name"].val, where+": name")
	e.Schedule = r.str(p.Field("schedule"), f["schedule"].val, where+": schedule")
	e.Preserve = r.choice(p.Field("on_completion"), f["on_completion"], where+": on_completion", []string{"preserve", "not preserve"}) == "preserve"
	e.Status = r.choice(p.Field("status"), f["status"], where+": status", append([]string{"enabled"}, EventStatuses...))
	if e.Status == "enabled" {
		e.Status = ""
	}
	e.Body = TrimDefinition(r.str(p.Field("body"), f["body"].val, where+": body"))
	e.Comment = r.str(p.Field("comment"), f["comment"].val, where+": comment")
	e.Definer = r.str(p.Field("definer"), f["definer"].val, where+": definer")
	e.SQLMode = r.str(p.Field("sql_mode"), f["sql_mode"].val, where+": sql_mode")
	e.TimeZone = r.str(p.Field("time_zone"), f["time_zone"].val, where+": time_zone")
	if e.Schedule == "" {
		r.errorf(p.Field("schedule"), n, "%s: schedule is missing; give it as ON SCHEDULE takes it (AT '...' or EVERY 1 DAY ...)", where)
	}
	if e.Body == "" {
		r.errorf(p.Field("body"), n, "%s: body is missing; give the statement the event runs (what follows DO)", where)
	}
	return e
}

// event writes an event mapping.
func (o *out) event(e *Event) *yaml.Node {
	b := o.mapping(false)
	b.set1("schema", e.Schema)
	b.set("name", o.str(e.Name))
	b.set("schedule", o.str(e.Schedule))
	if e.Preserve {
		b.set("on_completion", o.str("preserve"))
	}
	b.set1("status", e.Status)
	b.set("body", o.definition(e.Body))
	b.opt("comment", e.Comment)
	b.set1("definer", e.Definer)
	b.set1("sql_mode", e.SQLMode)
	b.set1("time_zone", e.TimeZone)
	return b.n
}

// DecodeEvent reads n, an event mapping as in schema.yaml's events list,
// for the event ops of revision files.
func DecodeEvent(file string, n *yaml.Node, what string) (*Event, error) {
	return decodeNamed(file, n, what, func(r *reader, n *yaml.Node) (*Event, string) {
		e := r.event("", n, what)
		return e, e.Name
	})
}

// EncodeEvent renders e as an event mapping, as [DecodeEvent] reads it.
func EncodeEvent(e *Event) (*yaml.Node, error) {
	return encode(func(o *out) *yaml.Node { return o.event(e) })
}
