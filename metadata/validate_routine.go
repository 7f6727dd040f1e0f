package metadata

// routines checks that each routine is named, once per signature and
// kind, and that each trigger is named once per table, on a table or view
// of the model.
func (v *validator) routines() {
	for _, l := range routineLists {
		seen := map[string]bool{}
		for k, rt := range v.m.Routines(l.kind) {
			p := Path(l.key).Index(k)
			if !v.name(p.Field("name"), "a "+l.kind, rt.Name) {
				continue
			}
			if seen[rt.Signature()] {
				v.add(p.Field("name"), "%s %s is declared twice; remove one", l.kind, rt.Signature())
			}
			seen[rt.Signature()] = true
		}
	}
	seen := map[string]bool{}
	for k, t := range v.m.Triggers {
		p := Path("triggers").Index(k)
		if !v.name(p.Field("name"), "a trigger", t.Name) {
			continue
		}
		if seen[t.Label()] {
			v.add(p.Field("name"), "trigger %s is declared twice; remove one", t.Label())
		}
		seen[t.Label()] = true
		if v.m.Table(t.Schema, t.Table) == nil && v.m.View(t.Schema, t.Table) == nil {
			v.add(p.Field("table"), "trigger %s: there is no table or view %s; declare it or fix table:", t.Name, t.QualifiedTable())
		}
	}
	v.rules()
	v.policies()
	v.events()
}

// events checks that each event is named, once per schema.
func (v *validator) events() {
	seen := map[string]bool{}
	for k, e := range v.m.Events {
		p := Path("events").Index(k)
		if !v.name(p.Field("name"), "an event", e.Name) {
			continue
		}
		if seen[e.QualifiedName()] {
			v.add(p.Field("name"), "event %s is declared twice; remove one", e.QualifiedName())
		}
		seen[e.QualifiedName()] = true
	}
}

// rules checks that each rule is named once per table, on a table or
// view of the model.
func (v *validator) rules() {
	seen := map[string]bool{}
	for k, r := range v.m.RewriteRules {
		p := Path("rules").Index(k)
		if !v.name(p.Field("name"), "a rule", r.Name) {
			continue
		}
		if seen[r.Label()] {
			v.add(p.Field("name"), "rule %s is declared twice; remove one", r.Label())
		}
		seen[r.Label()] = true
		if v.m.Table(r.Schema, r.Table) == nil && v.m.View(r.Schema, r.Table) == nil {
			v.add(p.Field("table"), "rule %s: there is no table or view %s; declare it or fix table:", r.Name, r.QualifiedTable())
		}
	}
}
