package mysql

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// planRoutine renders the function, procedure and trigger ops; ok is
// false for any other op. A replace drops and creates: MySQL 8 has no
// CREATE OR REPLACE for routines and triggers (MariaDB has), and ALTER
// FUNCTION changes only the characteristics, so the one path that holds
// on both is DROP then CREATE. Aggregates are PostgreSQL's.
func (p *planner) planRoutine(o ops.Op) (out []dialect.Statement, ok bool, err error) {
	switch o := o.(type) {
	case *ops.CreateRoutine:
		out, err = p.createRoutine(o.Routine)
	case *ops.DropRoutine:
		out, err = p.dropRoutine(o.Kind, o.Schema, o.RoutineName)
	case *ops.ReplaceRoutine:
		if out, err = p.dropRoutine(o.Routine.Kind, o.Routine.Schema, o.Routine.Name); err == nil {
			var more []dialect.Statement
			more, err = p.createRoutine(o.Routine)
			out = append(out, more...)
		}
	case *ops.CreateTrigger:
		out, err = p.createTrigger(o.Trigger)
	case *ops.DropTrigger:
		out = sqls(p.dropTrigger(o.Schema, o.TriggerName))
	case *ops.ReplaceTrigger:
		out, err = p.createTrigger(o.Trigger)
		out = append(sqls(p.dropTrigger(o.Trigger.Schema, o.Trigger.Name)), out...)
	default:
		return nil, false, nil
	}
	return out, true, err
}

// createRoutine runs the definition, named in its database when it has
// one, with its DEFINER and under its sql_mode when the model gives them.
func (p *planner) createRoutine(r *metadata.Routine) ([]dialect.Statement, error) {
	if r.Kind == metadata.KindAggregate {
		return nil, fmt.Errorf("aggregate %s: %w", r.Signature(), dialect.ErrNoAggregates)
	}
	def := p.qualifyCreate(r.Definition, strings.ToUpper(r.Kind), r.Schema, r.Name)
	return underMode(r.SQLMode, p.withDefiner(def, r.Definer)), nil
}

func (p *planner) dropRoutine(kind, schema, name string) ([]dialect.Statement, error) {
	if kind == metadata.KindAggregate {
		return nil, fmt.Errorf("aggregate %s: %w", name, dialect.ErrNoAggregates)
	}
	return sqls("DROP " + strings.ToUpper(kind) + " " + p.table(ops.TableRef{Schema: schema, Table: name})), nil
}

// createTrigger runs the definition as createRoutine does, with FOLLOWS
// after FOR EACH ROW when the trigger follows another. A trigger lives in
// its table's database.
func (p *planner) createTrigger(t *metadata.Trigger) ([]dialect.Statement, error) {
	def := p.qualifyCreate(t.Definition, "TRIGGER", t.Schema, t.Name)
	if t.Follows != "" {
		at := forEachRowRE().FindStringIndex(def)
		if at == nil {
			return nil, fmt.Errorf("trigger %s: follows: %s needs FOR EACH ROW in the definition, "+
				"where FOLLOWS goes: write the whole CREATE TRIGGER statement", t.Label(), t.Follows)
		}
		def = def[:at[1]] + " FOLLOWS " + p.d.QuoteIdent(t.Follows) + def[at[1]:]
	}
	return underMode(t.SQLMode, p.withDefiner(def, t.Definer)), nil
}

// forEachRowRE finds the FOR EACH ROW of a CREATE TRIGGER statement (the
// first: the body comes after it).
var forEachRowRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\bFOR\s+EACH\s+ROW\b`) })

func (p *planner) dropTrigger(schema, name string) string {
	return "DROP TRIGGER " + p.table(ops.TableRef{Schema: schema, Table: name})
}

// qualifyCreate names the object of "CREATE <what> `name`" in its
// database when it has one; a definition spelled otherwise is kept.
func (p *planner) qualifyCreate(def, what, schema, name string) string {
	head := "CREATE " + what + " " + p.d.QuoteIdent(name)
	if schema == "" || !strings.HasPrefix(def, head) {
		return def
	}
	return "CREATE " + what + " " + p.table(ops.TableRef{Schema: schema, Table: name}) + def[len(head):]
}

// withDefiner puts DEFINER = `user`@`host` after CREATE; no definer
// leaves it to the server: the account that runs the migration.
func (p *planner) withDefiner(def, definer string) string {
	if definer == "" || !strings.HasPrefix(strings.ToUpper(def), "CREATE ") {
		return def
	}
	return "CREATE " + p.definerClause(definer) + def[len("CREATE "):]
}

// definerClause is "DEFINER = `user`@`host` ".
func (p *planner) definerClause(definer string) string {
	user, host, _ := strings.Cut(definer, "@")
	return "DEFINER = " + p.d.QuoteIdent(user) + "@" + p.d.QuoteIdent(host) + " "
}

// underMode runs create under sql_mode mode, the session's own put back
// after; an empty mode runs it under the session's.
func underMode(mode, create string) []dialect.Statement {
	if mode == "" {
		return sqls(create)
	}
	lit, _ := literals.Literal(mode)
	return sqls("SET @retort_sql_mode = @@SESSION.sql_mode", "SET SESSION sql_mode = "+lit, create,
		"SET SESSION sql_mode = @retort_sql_mode")
}
