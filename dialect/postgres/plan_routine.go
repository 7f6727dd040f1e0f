package postgres

import (
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// planRoutine renders the routine and trigger ops; ok is false for any
// other op.
func (p Postgres) planRoutine(o ops.Op) (out []dialect.Statement, ok bool, err error) {
	switch o := o.(type) {
	case *ops.CreateRoutine:
		out, err = p.createRoutine(o.Routine, false)
	case *ops.DropRoutine:
		out = stmts(p.dropRoutine(o.Kind, o.Schema, o.RoutineName, o.Arguments))
	case *ops.ReplaceRoutine:
		out, err = p.replaceRoutine(o.Routine, o.Existing)
	case *ops.CreateTrigger:
		out, err = p.createTrigger(o.Trigger)
	case *ops.DropTrigger:
		out = stmts(p.dropTrigger(o.Schema, o.Table, o.TriggerName))
	case *ops.ReplaceTrigger:
		// CREATE OR REPLACE TRIGGER (14+) does not take constraint
		// triggers; a drop and create in the revision's transaction does.
		out, err = p.createTrigger(o.Trigger)
		out = append(stmts(p.dropTrigger(o.Trigger.Schema, o.Trigger.Table, o.Trigger.Name)), out...)
	default:
		return nil, false, nil
	}
	return out, true, err
}

// routineObject is the routine as COMMENT ON and DROP name it:
// FUNCTION schema.name(arguments).
func (p Postgres) routineObject(kind, schema, name, arguments string) string {
	return strings.ToUpper(kind) + " " + p.qname(schema, name) + "(" + arguments + ")"
}

// createRoutine runs the definition (made CREATE OR REPLACE when
// replace), then sets the comment.
func (p Postgres) createRoutine(r *metadata.Routine, replace bool) ([]dialect.Statement, error) {
	def := r.Definition
	if replace {
		def = orReplace(def)
	}
	out := bodiesUnchecked(def)
	if r.Comment != "" {
		c, err := p.comment(p.routineObject(r.Kind, r.Schema, r.Name, r.Arguments), r.Comment)
		if err != nil {
			return nil, err
		}
		out = append(out, c...)
	}
	return out, nil
}

// bodiesUnchecked runs def with check_function_bodies off, as pg_dump
// does: a SQL function's body is checked when it is created, and may call
// a routine created after it (the catalog has no dependency between the
// two to order them by). The setting is reset after.
func bodiesUnchecked(def string) []dialect.Statement {
	return stmts("SET check_function_bodies = false", def, "RESET check_function_bodies")
}

// orReplace turns CREATE X into CREATE OR REPLACE X.
func orReplace(def string) string {
	upper := strings.ToUpper(def)
	if strings.HasPrefix(upper, "CREATE OR REPLACE ") || !strings.HasPrefix(upper, "CREATE ") {
		return def
	}
	return "CREATE OR REPLACE " + def[len("CREATE "):]
}

func (p Postgres) dropRoutine(kind, schema, name, arguments string) string {
	return "DROP " + p.routineObject(kind, schema, name, arguments)
}

// replaceRoutine replaces a routine in place (CREATE OR REPLACE) and sets
// a changed comment; a function whose result type changes, which
// PostgreSQL cannot replace, is dropped and created.
func (p Postgres) replaceRoutine(r, old *metadata.Routine) ([]dialect.Statement, error) {
	if old != nil && old.Returns != r.Returns {
		out := stmts(p.dropRoutine(r.Kind, r.Schema, r.Name, r.Arguments))
		more, err := p.createRoutine(r, false)
		return append(out, more...), err
	}
	plain := r.Clone()
	plain.Comment = ""
	out, _ := p.createRoutine(plain, true)
	if old == nil || old.Comment != r.Comment {
		c, err := p.comment(p.routineObject(r.Kind, r.Schema, r.Name, r.Arguments), r.Comment)
		if err != nil {
			return nil, err
		}
		out = append(out, c...)
	}
	return out, nil
}

// createTrigger runs the definition, then sets the comment.
func (p Postgres) createTrigger(t *metadata.Trigger) ([]dialect.Statement, error) {
	if err := dialect.TriggerOrderError(t); err != nil {
		return nil, err
	}
	out := stmts(t.Definition)
	if t.Comment != "" {
		c, err := p.comment("TRIGGER "+p.QuoteIdent(t.Name)+" ON "+p.qname(t.Schema, t.Table), t.Comment)
		if err != nil {
			return nil, err
		}
		out = append(out, c...)
	}
	return out, nil
}

func (p Postgres) dropTrigger(schema, table, name string) string {
	return "DROP TRIGGER " + p.QuoteIdent(name) + " ON " + p.qname(schema, table)
}
