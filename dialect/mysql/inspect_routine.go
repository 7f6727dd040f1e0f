package mysql

import (
	"cmp"
	"database/sql"
	"errors"
	"regexp"
	"slices"
	"strings"
	"sync"

	gomysql "github.com/go-sql-driver/mysql"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// The routine and trigger queries: three in all, whatever their number.
// information_schema keeps every attribute SHOW CREATE prints (the
// parameters in PARAMETERS, one row each), so no SHOW CREATE per object is
// needed; the definition is printed from them in SHOW CREATE's order (see
// routineDefinition). On MariaDB the parameter list is read as SHOW
// CREATE prints it, as first written, from mysql.proc when this user may
// read it (PARAMETERS has each parameter as the server types it). The inspecting account and session sql_mode come
// with the rows, to tell a definer or mode of their own from the server's
// default. ROUTINE_DEFINITION is NULL on MySQL 8 for a user that may run
// the routine but not see it.
const (
	routinesQuery = `SELECT ROUTINE_SCHEMA, ROUTINE_NAME, ROUTINE_TYPE, COALESCE(DTD_IDENTIFIER, ''),
	COALESCE(COLLATION_NAME, ''), ROUTINE_DEFINITION, IS_DETERMINISTIC, SQL_DATA_ACCESS, SECURITY_TYPE,
	COALESCE(ROUTINE_COMMENT, ''), SQL_MODE, DEFINER, COALESCE(DATABASE_COLLATION, ''), CURRENT_USER(), @@SESSION.sql_mode
FROM information_schema.ROUTINES
WHERE ROUTINE_SCHEMA IN (%s)
ORDER BY ROUTINE_SCHEMA, ROUTINE_NAME, ROUTINE_TYPE`

	parametersQuery = `SELECT SPECIFIC_SCHEMA, SPECIFIC_NAME, ROUTINE_TYPE, COALESCE(PARAMETER_MODE, ''), COALESCE(PARAMETER_NAME, ''),
	DTD_IDENTIFIER, COALESCE(COLLATION_NAME, '')
FROM information_schema.PARAMETERS
WHERE SPECIFIC_SCHEMA IN (%s) AND ORDINAL_POSITION > 0
ORDER BY SPECIFIC_SCHEMA, SPECIFIC_NAME, ROUTINE_TYPE, ORDINAL_POSITION`

	triggersQuery = `SELECT TRIGGER_SCHEMA, TRIGGER_NAME, EVENT_OBJECT_SCHEMA, EVENT_OBJECT_TABLE, EVENT_MANIPULATION,
	ACTION_TIMING, ACTION_ORDER, ACTION_STATEMENT, SQL_MODE, DEFINER, CURRENT_USER(), @@SESSION.sql_mode
FROM information_schema.TRIGGERS
WHERE TRIGGER_SCHEMA IN (%s)
ORDER BY TRIGGER_SCHEMA, EVENT_OBJECT_TABLE, TRIGGER_NAME`

	procParamsQueryMariaDB = `SELECT db, name, type, CONVERT(param_list USING utf8mb4)
FROM mysql.proc
WHERE db IN (%s) AND type IN ('FUNCTION', 'PROCEDURE')`
)

// routineQueries read routines, their parameters, triggers and events.
func (in *inspector) routineQueries() []catalogQuery {
	params := catalogQuery{"routine parameters", parametersQuery, 1, in.parameterRow}
	if in.flavor == MariaDB {
		params = catalogQuery{"routine parameter lists", procParamsQueryMariaDB, 1, in.paramListRow}
	}
	return []catalogQuery{
		{"routines", routinesQuery, 1, in.routineRow},
		params,
		{"triggers", triggersQuery, 1, in.triggerRow},
		{"events", eventsQuery, 1, in.eventRow},
	}
}

// routineKey is a routine of the catalog: functions and procedures have
// names of their own.
type routineKey struct{ db, name, typ string }

// routineRead is a routine as its row read it, waiting for its
// parameters.
type routineRead struct {
	r                                *metadata.Routine
	body, access, comment, collation string
	deterministic, invoker           bool
	params                           []string // printed from PARAMETERS
	paramList                        string   // as SHOW CREATE prints it
	written                          bool     // paramList read as first written (mysql.proc)
}

func (in *inspector) routineRow(rows scanner) error {
	var db, name, typ, returns, retColl, deterministic, access, security, comment, mode, definer, dbColl, user, session string
	var body sql.NullString
	if err := rows.Scan(&db, &name, &typ, &returns, &retColl, &body, &deterministic, &access, &security,
		&comment, &mode, &definer, &dbColl, &user, &session); err != nil {
		return err
	}
	kind := strings.ToLower(typ)
	switch {
	case kind != metadata.KindFunction && kind != metadata.KindProcedure:
		in.warn("%s %q is not modelled; it was left out", kind, name) // MariaDB's PACKAGE
		return nil
	case !body.Valid:
		in.warn("%s %q: its body is not shown to this user (SHOW_ROUTINE, or be its definer); it was left out", kind, name)
		return nil
	}
	rt := &metadata.Routine{Kind: kind, Schema: in.modelSchema(db), Name: name}
	if kind == metadata.KindFunction {
		rt.Returns = returns + charsetClause(retColl, dbColl)
	}
	if definer != user {
		rt.Definer = definer
	}
	if mode != session {
		rt.SQLMode = mode
	}
	if in.routines == nil {
		in.routines = map[routineKey]*routineRead{}
	}
	rr := &routineRead{r: rt, body: body.String, access: access, comment: comment, collation: dbColl,
		deterministic: deterministic == "YES", invoker: security == "INVOKER"}
	in.routines[routineKey{db, name, typ}] = rr
	in.routineOrder = append(in.routineOrder, rr)
	return nil
}

func (in *inspector) parameterRow(rows scanner) error {
	var db, name, typ, mode, param, dtd, coll string
	if err := rows.Scan(&db, &name, &typ, &mode, &param, &dtd, &coll); err != nil {
		return err
	}
	rr := in.routines[routineKey{db, name, typ}]
	if rr == nil {
		return nil // left out, or created since the routines query
	}
	p := quoteIdent(param) + " " + dtd + charsetClause(coll, rr.collation)
	if rr.r.Kind == metadata.KindProcedure {
		p = mode + " " + p
	}
	rr.params = append(rr.params, p)
	return nil
}

// fallbackOf is the query run instead of cq when this user may not read
// cq's table: PARAMETERS for MariaDB's mysql.proc.
func (in *inspector) fallbackOf(cq catalogQuery) (catalogQuery, bool) {
	if cq.text != procParamsQueryMariaDB {
		return catalogQuery{}, false
	}
	return catalogQuery{"routine parameters", parametersQuery, 1, in.parameterRow}, true
}

// paramListRow reads a MariaDB routine's parameter list as written.
func (in *inspector) paramListRow(rows scanner) error {
	var db, name, typ, list string
	if err := rows.Scan(&db, &name, &typ, &list); err != nil {
		return err
	}
	if rr := in.routines[routineKey{db, name, typ}]; rr != nil {
		rr.paramList, rr.written = list, true
	}
	return nil
}

// accessDenied reports MySQL's "SELECT command denied" (a table this
// user has no privilege on).
func accessDenied(err error) bool {
	var me *gomysql.MySQLError
	return errors.As(err, &me) && me.Number == errTableAccessDenied
}

// errTableAccessDenied is ER_TABLEACCESS_DENIED_ERROR.
const errTableAccessDenied = 1142

// charsetClause is the CHARSET and COLLATE of a string parameter or
// result whose collation is not its database's (one declared with its
// own), as SHOW CREATE prints them; "" otherwise.
func charsetClause(collation, dbCollation string) string {
	if collation == "" || collation == dbCollation {
		return ""
	}
	return " CHARSET " + charsetOf(collation) + " COLLATE " + collation
}

// finishRoutines prints each routine's definition and adds it to m.
func (in *inspector) finishRoutines(m *metadata.MetaData) {
	for _, rr := range in.routineOrder {
		if !rr.written {
			rr.paramList = strings.Join(rr.params, ", ")
		}
		rr.r.Arguments = collapseSpace(rr.paramList)
		rr.r.Definition = routineDefinition(rr)
		m.AddRoutine(rr.r)
	}
	in.setFollows()
	m.Triggers = in.triggers
	dialect.NormalizeRoutineOrder(m)
}

// routineDefinition prints a routine as SHOW CREATE does, without the
// DEFINER clause: CREATE [AGGREGATE] FUNCTION `f`(`p` int(11)) RETURNS ..., then one
// indented line per characteristic that is not the default (SQL data
// access, DETERMINISTIC, SQL SECURITY INVOKER, COMMENT), then the body as
// the server keeps it.
func routineDefinition(rr *routineRead) string {
	r := rr.r
	var b strings.Builder
	b.WriteString("CREATE ")
	if r.Kind == metadata.KindFunction && aggregateRE().MatchString(rr.body) {
		b.WriteString("AGGREGATE ")
	}
	b.WriteString(strings.ToUpper(r.Kind) + " " + quoteIdent(r.Name) + "(" + rr.paramList + ")")
	if r.Kind == metadata.KindFunction {
		b.WriteString(" RETURNS " + r.Returns)
	}
	b.WriteString("\n")
	if rr.access != "" && rr.access != "CONTAINS SQL" {
		b.WriteString("    " + rr.access + "\n")
	}
	if rr.deterministic {
		b.WriteString("    DETERMINISTIC\n")
	}
	if rr.invoker {
		b.WriteString("    SQL SECURITY INVOKER\n")
	}
	if rr.comment != "" {
		lit, _ := literals.Literal(rr.comment)
		b.WriteString("    COMMENT " + lit + "\n")
	}
	b.WriteString(rr.body)
	return metadata.TrimDefinition(b.String())
}

// aggregateRE finds FETCH GROUP NEXT ROW, which only the body of a
// MariaDB aggregate stored function may hold (and must): the catalog has
// no column saying AGGREGATE, so the body tells.
var aggregateRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\bFETCH\s+GROUP\s+NEXT\s+ROW\b`) })

// triggerRead is what the order of a trigger among those of its table,
// timing and event needs.
type triggerRead struct {
	t           *metadata.Trigger
	when, event string
	order       int
}

func (in *inspector) triggerRow(rows scanner) error {
	var db, name, tableDB, table, event, timing, body, mode, definer, user, session string
	var order int
	if err := rows.Scan(&db, &name, &tableDB, &table, &event, &timing, &order, &body, &mode, &definer, &user, &session); err != nil {
		return err
	}
	t := &metadata.Trigger{Schema: in.modelSchema(tableDB), Table: table, Name: name,
		Definition: metadata.TrimDefinition("CREATE TRIGGER " + quoteIdent(name) + " " + timing + " " + event + " ON " +
			quoteIdent(table) + " FOR EACH ROW " + body)}
	if definer != user {
		t.Definer = definer
	}
	if mode != session {
		t.SQLMode = mode
	}
	in.triggers = append(in.triggers, t)
	in.triggerOrder = append(in.triggerOrder, triggerRead{t: t, when: timing, event: event, order: order})
	return nil
}

// setFollows keeps the order triggers of one table, timing and event run
// in (ACTION_ORDER) where it is not their names' (the order a rebuild
// creates them in otherwise): each but the first follows the one before
// it (FOLLOWS), and is created after it.
func (in *inspector) setFollows() {
	groups := map[string][]triggerRead{}
	for _, tr := range in.triggerOrder {
		k := tr.t.QualifiedTable() + " " + tr.when + " " + tr.event
		groups[k] = append(groups[k], tr)
	}
	for _, g := range groups {
		slices.SortFunc(g, func(a, b triggerRead) int { return cmp.Compare(a.order, b.order) })
		if slices.IsSortedFunc(g, func(a, b triggerRead) int { return cmp.Compare(a.t.Name, b.t.Name) }) {
			continue
		}
		for i := 1; i < len(g); i++ {
			g[i].t.Follows = g[i-1].t.Name
		}
	}
}

// collapseSpace trims s and makes each run of white space one space:
// a parameter list written over lines is one line in arguments.
func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// quoteIdent quotes a name in backticks, as the dialect does.
func quoteIdent(name string) string { return dialect.QuoteWith(name, '`') }
