package mysql

import (
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// planEvent renders the event ops; ok is false for any other op. A
// replace drops and creates: MySQL has no CREATE OR REPLACE EVENT (MariaDB
// has), and ALTER EVENT would need each clause compared.
func (p *planner) planEvent(o ops.Op) (out []dialect.Statement, ok bool) {
	switch o := o.(type) {
	case *ops.CreateEvent:
		return p.createEvent(o.Event), true
	case *ops.DropEvent:
		return sqls(p.dropEvent(o.Schema, o.EventName)), true
	case *ops.ReplaceEvent:
		return append(sqls(p.dropEvent(o.Event.Schema, o.Event.Name)), p.createEvent(o.Event)...), true
	}
	return nil, false
}

func (p *planner) dropEvent(schema, name string) string {
	return "DROP EVENT " + p.table(ops.TableRef{Schema: schema, Table: name})
}

// createEvent renders CREATE [DEFINER] EVENT name ON SCHEDULE ... ON
// COMPLETION [NOT] PRESERVE ENABLE|DISABLE|DISABLE ON SLAVE [COMMENT] DO
// body, as SHOW CREATE EVENT prints it, under the event's sql_mode and
// time zone when it has them (its schedule's times are in that zone).
func (p *planner) createEvent(e *metadata.Event) []dialect.Statement {
	var b strings.Builder
	b.WriteString("CREATE ")
	if e.Definer != "" {
		b.WriteString(p.definerClause(e.Definer))
	}
	b.WriteString("EVENT " + p.table(ops.TableRef{Schema: e.Schema, Table: e.Name}) + " ON SCHEDULE " + e.Schedule)
	if e.Preserve {
		b.WriteString(" ON COMPLETION PRESERVE")
	} else {
		b.WriteString(" ON COMPLETION NOT PRESERVE")
	}
	switch e.Status {
	case "disabled":
		b.WriteString(" DISABLE")
	case "slaveside_disabled":
		b.WriteString(" DISABLE ON SLAVE")
	default:
		b.WriteString(" ENABLE")
	}
	if e.Comment != "" {
		lit, _ := literals.Literal(e.Comment)
		b.WriteString(" COMMENT " + lit)
	}
	b.WriteString(" DO " + e.Body)
	return underTimeZone(e.TimeZone, underMode(e.SQLMode, b.String()))
}

// underTimeZone runs stmts with the session's time_zone set to tz, the
// session's own put back after; an empty tz runs them under the
// session's.
func underTimeZone(tz string, stmts []dialect.Statement) []dialect.Statement {
	if tz == "" {
		return stmts
	}
	lit, _ := literals.Literal(tz)
	out := sqls("SET @retort_time_zone = @@SESSION.time_zone", "SET SESSION time_zone = "+lit)
	out = append(out, stmts...)
	return append(out, sqls("SET SESSION time_zone = @retort_time_zone")...)
}
