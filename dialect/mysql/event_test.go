package mysql

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
)

// eventCases are events as people write them, each with the model
// Inspect must read.
var eventCases = []struct {
	name, ddl string
	want      metadata.Event
}{
	{"recurring", "CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY STARTS '2031-01-01 03:00:00' ENDS '2032-01-01 00:00:00' " +
		"ON COMPLETION PRESERVE COMMENT 'it''s nightly' DO DELETE FROM films WHERE length < 0",
		metadata.Event{Name: "nightly", Schedule: "EVERY 1 DAY STARTS '2031-01-01 03:00:00' ENDS '2032-01-01 00:00:00'",
			Preserve: true, Comment: "it's nightly", Body: "DELETE FROM films WHERE length < 0"}},
	{"one time, disabled", "CREATE EVENT once ON SCHEDULE AT '2031-06-01 12:00:00' DISABLE DO INSERT INTO films VALUES (1, 'x', 2)",
		metadata.Event{Name: "once", Schedule: "AT '2031-06-01 12:00:00'", Status: "disabled",
			Body: "INSERT INTO films VALUES (1, 'x', 2)"}},
	{"two-part unit, compound body", "CREATE EVENT every_hm ON SCHEDULE EVERY '1:30' HOUR_MINUTE STARTS '2031-01-01 00:00:00' " +
		"DO BEGIN\n  UPDATE films SET length = length + 1;\n  DELETE FROM films WHERE length > 1000;\nEND",
		metadata.Event{Name: "every_hm", Schedule: "EVERY '1:30' HOUR_MINUTE STARTS '2031-01-01 00:00:00'",
			Body: "BEGIN\n  UPDATE films SET length = length + 1;\n  DELETE FROM films WHERE length > 1000;\nEND"}},
	{"own sql_mode and time zone", "SET SESSION sql_mode = 'TRADITIONAL', SESSION time_zone = '+02:00'; " +
		"CREATE EVENT zoned ON SCHEDULE AT '2031-03-01 08:00:00' DO UPDATE films SET length = 0; " +
		"SET SESSION sql_mode = DEFAULT, SESSION time_zone = '+00:00'",
		metadata.Event{Name: "zoned", Schedule: "AT '2031-03-01 08:00:00'", Body: "UPDATE films SET length = 0",
			TimeZone: "+02:00", SQLMode: "STRICT_TRANS_TABLES,STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,TRADITIONAL,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION"}},
}

// TestEventsRoundTrip: events are read in one query with their schedule,
// completion, status, comment, body, sql_mode and time zone; built into an
// empty database they dump (mysqldump --events) and show as the
// originals, and the rebuilt database compares equal.
func TestEventsRoundTrip(t *testing.T) {
	src := dbtest.MySQL(t)
	dbtest.Exec(t, src, routinesDDL[0])
	base := queriesOf(t, testDialect, src)
	for _, tc := range eventCases {
		dbtest.Exec(t, src, tc.ddl)
	}
	assert.Equal(t, base, queriesOf(t, testDialect, src), "queries with and without events")
	in := inspect(t, src)
	assert.Empty(t, in.Warnings)
	require.Len(t, in.MetaData.Events, len(eventCases))
	for _, tc := range eventCases {
		t.Run(tc.name, func(t *testing.T) {
			e := in.MetaData.Event("", tc.want.Name)
			require.NotNil(t, e)
			assert.Equal(t, tc.want, *e)
		})
	}
	dst := dbtest.MySQL(t)
	dialecttest.PlanAndExec(t, testDialect, dst.DB, metadata.New(), dialect.CreateOps(in.MetaData)...)
	assert.Equal(t, showCreateEvents(t, src), showCreateEvents(t, dst))
	assert.Equal(t, dbtest.NativeDump(t, src, "migrate_version"), dbtest.NativeDump(t, dst, "migrate_version"))
	res, err := autogen.Compare(in.MetaData, inspect(t, dst).MetaData, testDialect, autogen.Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Ops)
}

// TestEventsAutogenerate: an event added, changed and dropped is one
// create_event, replace_event and drop_event; each upgrade and its
// reverse leave the database equal to the model it goes to.
func TestEventsAutogenerate(t *testing.T) {
	db := dbtest.MySQL(t)
	dbtest.Exec(t, db, routinesDDL[0])
	base := inspect(t, db).MetaData
	withEvent := func(e *metadata.Event) *metadata.MetaData {
		m := base.Clone()
		if e != nil {
			m.Events = []*metadata.Event{e}
		}
		return m
	}
	steps := []struct {
		name string
		to   *metadata.MetaData
		op   string
	}{
		{"add", withEvent(&metadata.Event{Name: "purge", Schedule: "EVERY 1 DAY STARTS '2031-01-01 00:00:00'", Body: "DELETE FROM films WHERE length < 0"}), "create_event"},
		{"change", withEvent(&metadata.Event{Name: "purge", Schedule: "EVERY 2 HOUR STARTS '2031-01-01 00:00:00'", Status: "disabled",
			Comment: "twice", Body: "DELETE FROM films WHERE length < 1"}), "replace_event"},
		{"drop", withEvent(nil), "drop_event"},
	}
	cur := base
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			res, err := autogen.Compare(s.to, cur, testDialect, autogen.Options{})
			require.NoError(t, err)
			require.Len(t, res.Ops, 1)
			assert.Equal(t, s.op, res.Ops[0].Name())
			dialecttest.PlanAndExec(t, testDialect, db.DB, cur, res.Ops...)
			requireNoChange(t, s.to, db)
			back, err := res.Ops[0].Reverse()
			require.NoError(t, err)
			dialecttest.PlanAndExec(t, testDialect, db.DB, s.to, back)
			requireNoChange(t, cur, db)
			dialecttest.PlanAndExec(t, testDialect, db.DB, cur, res.Ops...)
			requireNoChange(t, s.to, db)
		})
		cur = s.to
	}
}

// requireNoChange fails unless db holds model m.
func requireNoChange(t *testing.T, m *metadata.MetaData, db *dbtest.DB) {
	t.Helper()
	res, err := autogen.Compare(m, inspect(t, db).MetaData, testDialect, autogen.Options{})
	require.NoError(t, err)
	require.Empty(t, res.Ops, "the database differs from the model")
}

// showCreateEvents is SHOW CREATE EVENT of every event of db: event,
// sql_mode, time_zone, definition.
func showCreateEvents(t *testing.T, db *dbtest.DB) [][4]string {
	t.Helper()
	var out [][4]string
	for _, name := range dbtest.Lines(t, db.DB, "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE() ORDER BY 1") {
		rows, err := db.Query("SHOW CREATE EVENT `" + name + "`")
		require.NoError(t, err)
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		var r [4]string
		for i := range vals {
			vals[i] = new(string)
		}
		require.True(t, rows.Next())
		require.NoError(t, rows.Scan(vals...))
		require.NoError(t, rows.Close())
		for i := range r {
			r[i] = strings.ReplaceAll(*vals[i].(*string), db.Name, "DB")
		}
		out = append(out, r)
	}
	return out
}
