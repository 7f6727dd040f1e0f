package dialect

import (
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// CreateOps returns the ops that create m from an empty database: its
// extensions, sequences, enums, domains,
// its tables in [SortTables] order (each without its deferred foreign
// keys), then the deferred keys, its routines ([OrderedRoutines]), its
// views in [SortViews] order, its triggers, rules and events. The ops
// hold copies; m is not changed.
func CreateOps(m *metadata.MetaData) []ops.Op { return CreateOpsFor(nil, m) }

// ForwardReferencer is implemented by a dialect whose CREATE TABLE may
// reference a table that does not exist yet (SQLite checks foreign keys
// when rows change, and cannot add one to an existing table but by
// recreating it). For it, [CreateOpsFor] defers no foreign key: each stays
// in its table's CREATE TABLE, in the order the table declares it.
type ForwardReferencer interface {
	// ForwardReferences reports whether REFERENCES may name a table
	// created later.
	ForwardReferences() bool
}

// CreateOpsFor is [CreateOps] for dialect d: when d is a
// [ForwardReferencer] that allows forward references, the keys of a cycle
// are not deferred but created with their tables. d may be nil.
func CreateOpsFor(d Dialect, m *metadata.MetaData) []ops.Op {
	var list []ops.Op
	for _, e := range m.Extensions {
		list = append(list, &ops.CreateExtension{Extension: e.Clone()})
	}
	for _, s := range m.Sequences {
		list = append(list, &ops.CreateSequence{Sequence: s.Clone()})
	}
	for _, e := range m.Enums {
		list = append(list, &ops.CreateEnum{Enum: e.Clone()})
	}
	for _, d := range m.Domains {
		list = append(list, &ops.CreateDomain{Domain: d.Clone()})
	}
	ordered, deferred := SortTables(m.Tables)
	if fr, ok := d.(ForwardReferencer); ok && fr.ForwardReferences() {
		deferred = nil
	}
	skip := make(map[*metadata.ForeignKey]bool, len(deferred))
	for _, f := range deferred {
		skip[f.ForeignKey] = true
	}
	for _, t := range ordered {
		c := t.Clone()
		c.ForeignKeys = nil
		for _, fk := range t.ForeignKeys {
			if !skip[fk] {
				c.ForeignKeys = append(c.ForeignKeys, fk.Clone())
			}
		}
		list = append(list, &ops.CreateTable{Table: c})
	}
	for _, f := range deferred {
		list = append(list, &ops.CreateForeignKey{
			TableRef:   TableOf(f.Table),
			ForeignKey: f.ForeignKey.Clone(),
		})
	}
	list = append(list, createRoutineOps(m)...)
	views, err := SortViews(m.Views)
	if err != nil {
		views = m.Views // Plan reports what the database says of the cycle
	}
	for _, v := range views {
		list = append(list, &ops.CreateView{View: v.Clone()})
	}
	list = append(list, createTriggerOps(m)...)
	list = append(list, createRuleOps(m)...)
	list = append(list, createPolicyOps(m)...)
	list = append(list, createEventOps(m)...)
	return append(list, createSchemaOps(m)...)
}

// DropOps returns the ops that drop everything m holds, the reverse of
// [CreateOps]: the schemas' comments, the policies, the events, the rules, the triggers, the views (the deepest first), the routines,
// the deferred foreign keys, then the tables in reverse dependency order,
// then the domains, the
// enums, the sequences and the extensions.
func DropOps(m *metadata.MetaData) []ops.Op {
	list := dropSchemaOps(m)
	list = append(list, dropPolicyOps(m)...)
	list = append(list, dropEventOps(m)...)
	list = append(list, dropRuleOps(m)...)
	list = append(list, dropTriggerOps(m)...)
	views, err := SortViews(m.Views)
	if err != nil {
		views = m.Views
	}
	for i := len(views) - 1; i >= 0; i-- {
		list = append(list, &ops.DropView{Schema: views[i].Schema, ViewName: views[i].Name,
			Materialized: views[i].Materialized, View: views[i].Clone()})
	}
	list = append(list, dropRoutineOps(m)...) // a routine may return a table's row type
	ordered, deferred := SortTables(m.Tables)
	for i := len(deferred) - 1; i >= 0; i-- {
		d := deferred[i]
		list = append(list, &ops.DropConstraint{
			TableRef:       TableOf(d.Table),
			ConstraintName: d.ForeignKey.Name,
			Type:           ops.ConstraintForeignKey,
			ForeignKey:     d.ForeignKey.Clone(),
		})
	}
	skip := make(map[*metadata.ForeignKey]bool, len(deferred))
	for _, d := range deferred {
		skip[d.ForeignKey] = true
	}
	for i := len(ordered) - 1; i >= 0; i-- {
		t := ordered[i].Clone()
		t.ForeignKeys = t.ForeignKeys[:0]
		for _, fk := range ordered[i].ForeignKeys {
			if !skip[fk] {
				t.ForeignKeys = append(t.ForeignKeys, fk.Clone())
			}
		}
		list = append(list, &ops.DropTable{TableRef: TableOf(t), Table: t})
	}
	for i := len(m.Domains) - 1; i >= 0; i-- {
		d := m.Domains[i]
		list = append(list, &ops.DropDomain{Schema: d.Schema, DomainName: d.Name, Domain: d.Clone()})
	}
	for i := len(m.Enums) - 1; i >= 0; i-- {
		e := m.Enums[i]
		list = append(list, &ops.DropEnum{Schema: e.Schema, EnumName: e.Name, Enum: e.Clone()})
	}
	for i := len(m.Sequences) - 1; i >= 0; i-- {
		s := m.Sequences[i]
		list = append(list, &ops.DropSequence{Schema: s.Schema, SequenceName: s.Name, Sequence: s.Clone()})
	}
	for i := len(m.Extensions) - 1; i >= 0; i-- {
		e := m.Extensions[i]
		list = append(list, &ops.DropExtension{ExtensionName: e.Name, Extension: e.Clone()})
	}
	return list
}
