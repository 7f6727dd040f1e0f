package mysql

import (
	"database/sql"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// eventsQuery reads every event of the databases, with what SHOW CREATE
// EVENT prints (its schedule's times in the event's time zone) and the
// inspecting account and session's own, to tell settings of its own from
// the session's.
const eventsQuery = `SELECT EVENT_SCHEMA, EVENT_NAME, DEFINER, TIME_ZONE, EVENT_DEFINITION, EVENT_TYPE,
  DATE_FORMAT(EXECUTE_AT, '%%Y-%%m-%%d %%H:%%i:%%s'), INTERVAL_VALUE, INTERVAL_FIELD, SQL_MODE,
  DATE_FORMAT(STARTS, '%%Y-%%m-%%d %%H:%%i:%%s'), DATE_FORMAT(ENDS, '%%Y-%%m-%%d %%H:%%i:%%s'),
  STATUS, ON_COMPLETION, EVENT_COMMENT, CURRENT_USER(), @@SESSION.sql_mode, @@SESSION.time_zone
FROM information_schema.EVENTS
WHERE EVENT_SCHEMA IN (%s)
ORDER BY EVENT_SCHEMA, EVENT_NAME`

// eventRow reads one event.
func (in *inspector) eventRow(rows scanner) error {
	var db, name, definer, tz, body, typ, mode, status, completion, comment, user, sessionMode, sessionTZ string
	var at, value, field, starts, ends sql.NullString
	if err := rows.Scan(&db, &name, &definer, &tz, &body, &typ, &at, &value, &field, &mode, &starts, &ends,
		&status, &completion, &comment, &user, &sessionMode, &sessionTZ); err != nil {
		return err
	}
	e := &metadata.Event{Schema: in.modelSchema(db), Name: name, Body: metadata.TrimDefinition(body), Comment: comment,
		Preserve: completion == "PRESERVE", Schedule: eventSchedule(typ, at, value, field, starts, ends)}
	if status = strings.ToLower(status); status != "enabled" {
		e.Status = status
	}
	if definer != user {
		e.Definer = definer
	}
	if mode != sessionMode {
		e.SQLMode = mode
	}
	if tz != sessionTZ {
		e.TimeZone = tz
	}
	in.events = append(in.events, e)
	return nil
}

// eventSchedule prints an event's ON SCHEDULE clause as SHOW CREATE EVENT
// does: AT '...', or EVERY n unit (n quoted for units of two parts:
// '1:30' HOUR_MINUTE) with STARTS and ENDS.
func eventSchedule(typ string, at, value, field, starts, ends sql.NullString) string {
	if typ == "ONE TIME" {
		return "AT '" + at.String + "'"
	}
	s := "EVERY " + value.String + " " + field.String // the catalog quotes a value of two parts: '1:30'

	if starts.Valid {
		s += " STARTS '" + starts.String + "'"
	}
	if ends.Valid {
		s += " ENDS '" + ends.String + "'"
	}
	return s
}
