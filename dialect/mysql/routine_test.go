package mysql

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
)

// routinesDDL holds routines and triggers as MariaDB dumps print them
// (backquoted parameter names, the catalog's types): a function with
// characteristics, a comment and a latin1 parameter, a procedure with
// IN/OUT parameters and SQL SECURITY INVOKER created under another
// sql_mode, a trigger calling the function, a view calling it, and a
// MariaDB aggregate function.
var routinesDDL = []string{
	"CREATE TABLE films (id int PRIMARY KEY, title varchar(50) NOT NULL, length int)",
	"CREATE FUNCTION `clamp`(`n` int(11), `tag` varchar(10) CHARSET latin1 COLLATE latin1_swedish_ci) RETURNS int(11)\n" +
		"    NO SQL\n    DETERMINISTIC\n    COMMENT 'keeps it''s length'\nRETURN greatest(coalesce(n, 0), 0)",
	"SET SESSION sql_mode = 'TRADITIONAL'",
	"CREATE PROCEDURE `film_count`(IN `min_length` int(11), OUT `n` int(11))\n    READS SQL DATA\n    SQL SECURITY INVOKER\n" +
		"BEGIN\n  SELECT count(*) INTO n FROM films WHERE length >= min_length;\nEND",
	"SET SESSION sql_mode = DEFAULT",
	"CREATE TRIGGER `films_clamp` BEFORE INSERT ON `films` FOR EACH ROW SET NEW.length = clamp(NEW.length, 'x')",
	"CREATE TRIGGER `films_clamp_update` BEFORE UPDATE ON `films` FOR EACH ROW BEGIN\n  SET NEW.length = clamp(NEW.length, 'y');\nEND",
	"CREATE VIEW clamped AS SELECT clamp(length, 'z') AS length FROM films",
	"CREATE AGGREGATE FUNCTION `total`(`x` int(11)) RETURNS int(11)\nBEGIN\n  DECLARE s int DEFAULT 0;\n" +
		"  DECLARE CONTINUE HANDLER FOR NOT FOUND RETURN s;\n  LOOP\n    FETCH GROUP NEXT ROW;\n    SET s = s + x;\n  END LOOP;\nEND",
}

// TestRoutinesRoundTrip: routines and triggers are read with their
// definitions, sql_mode and no definer (the inspecting account's own),
// nothing warned of; created into an empty database they give the same
// mysqldump --routines --triggers, and the rebuilt database compares
// equal; DropOps drops them all.
func TestRoutinesRoundTrip(t *testing.T) {
	d := testDialect
	src := dbtest.MySQL(t)
	execOne(t, src, routinesDDL...)
	in := dialecttest.Inspect(t, d, src.DB)
	assert.Empty(t, in.Warnings)
	m := in.MetaData
	require.Len(t, m.Functions, 2)
	require.Len(t, m.Procedures, 1)
	require.Len(t, m.Triggers, 2)
	clamp := m.Routine(metadata.KindFunction, "", "clamp", "`n` int(11), `tag` varchar(10) CHARSET latin1 COLLATE latin1_swedish_ci")
	require.NotNil(t, clamp)
	assert.Equal(t, "int(11)", clamp.Returns)
	assert.Equal(t, routinesDDL[1], clamp.Definition)
	assert.Empty(t, clamp.Definer, "the inspecting account's own routine leaves the definer to the server")
	assert.Empty(t, clamp.SQLMode, "created under the session's sql_mode")
	assert.Equal(t, routinesDDL[8], m.Routine(metadata.KindFunction, "", "total", "`x` int(11)").Definition,
		"MariaDB's aggregate function, told by its FETCH GROUP NEXT ROW")
	proc := m.Procedures[0]
	assert.Equal(t, routinesDDL[3], proc.Definition)
	assert.Contains(t, proc.SQLMode, "STRICT_ALL_TABLES", "TRADITIONAL as the server spells it")
	tr := m.Trigger("", "films", "films_clamp")
	require.NotNil(t, tr)
	assert.Equal(t, routinesDDL[5], tr.Definition)

	dst := dbtest.MySQL(t)
	dialecttest.PlanAndExec(t, d, dst.DB, metadata.New(), dialect.CreateOps(m)...)
	require.Equal(t, dbtest.SchemaDump(t, src), dbtest.SchemaDump(t, dst))
	res, err := autogen.Compare(m, dialecttest.Inspect(t, d, dst.DB).MetaData, d, autogen.Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Ops)

	dialecttest.PlanAndExec(t, d, dst.DB, dialecttest.Inspect(t, d, dst.DB).MetaData, dialect.DropOps(m)...)
	after := dialecttest.Inspect(t, d, dst.DB).MetaData
	assert.Empty(t, after.AllRoutines(), "DropOps drops every routine")
	assert.Empty(t, after.Triggers, "and every trigger")
}

// execOne runs stmts in order on one connection, so that the session
// settings between them hold.
func execOne(t *testing.T, db *dbtest.DB, stmts ...string) {
	t.Helper()
	conn, err := db.Conn(t.Context())
	require.NoError(t, err)
	defer conn.Close()
	for _, s := range stmts {
		_, err := conn.ExecContext(t.Context(), s)
		require.NoError(t, err, s)
	}
}

// TestRoutinesQueryCount: the number of catalog queries an inspection
// issues does not grow with the number of functions, procedures and
// triggers.
func TestRoutinesQueryCount(t *testing.T) {
	d := testDialect
	counts := map[int]int64{}
	for _, n := range []int{1, 40} {
		db := dbtest.MySQL(t)
		dbtest.Exec(t, db, routinesDDL[0])
		for i := range n {
			dbtest.Exec(t, db,
				fmt.Sprintf("CREATE FUNCTION f%d(a int) RETURNS int DETERMINISTIC RETURN a + %d", i, i),
				fmt.Sprintf("CREATE PROCEDURE p%d(IN a int, OUT b int) SET b = a + %d", i, i),
				fmt.Sprintf("CREATE TRIGGER t%d BEFORE INSERT ON films FOR EACH ROW SET NEW.length = f%d(NEW.length)", i, i))
		}
		c := &countingQueryer{q: db.DB}
		in, err := d.Inspect(t.Context(), c, dialect.InspectOptions{})
		require.NoError(t, err)
		require.Len(t, in.MetaData.Functions, n)
		require.Len(t, in.MetaData.Procedures, n)
		require.Len(t, in.MetaData.Triggers, n)
		counts[n] = c.n.Load()
	}
	t.Logf("queries: 1 of each %d, 40 of each %d", counts[1], counts[40])
	assert.Equal(t, counts[1], counts[40], "queries for 1 and 40 functions, procedures and triggers")
}

// TestRoutineParameterLists: on MariaDB a routine's parameter list is
// read as first written (SHOW CREATE's, from mysql.proc), so a rebuilt
// routine dumps as the original; a user who may not read mysql.proc gets
// the list printed from PARAMETERS instead (one query more: the refused
// one), and an error for neither.
func TestRoutineParameterLists(t *testing.T) {
	db := dbtest.MySQL(t)
	b := make([]byte, 5)
	_, _ = rand.Read(b)
	user, password := "retort_rt_"+hex.EncodeToString(b), hex.EncodeToString(b)
	dbtest.Exec(t, db, "CREATE USER '"+user+"'@'%' IDENTIFIED BY '"+password+"'", "GRANT ALL ON `"+db.Name+"`.* TO '"+user+"'@'%'")
	t.Cleanup(func() { _, _ = db.Exec("DROP USER '" + user + "'@'%'") })
	own := openAs(t, db, user, password)
	_, err := own.Exec("CREATE PROCEDURE p(IN n INT,\n  OUT m DECIMAL(5,2)) SET m = n")
	require.NoError(t, err)

	tests := []struct {
		name, want, args string
		q                dialect.Queryer
		queries          int64
	}{
		{"mysql.proc readable", "CREATE PROCEDURE `p`(IN n INT,\n  OUT m DECIMAL(5,2))\nSET m = n", "IN n INT, OUT m DECIMAL(5,2)", db.DB, 14},
		{"mysql.proc denied", "CREATE PROCEDURE `p`(IN `n` int(11), OUT `m` decimal(5,2))\nSET m = n", "IN `n` int(11), OUT `m` decimal(5,2)", own, 15},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := &countingQueryer{q: tc.q}
			in, err := testDialect.Inspect(t.Context(), c, dialect.InspectOptions{})
			require.NoError(t, err)
			require.Len(t, in.MetaData.Procedures, 1)
			p := in.MetaData.Procedures[0]
			assert.Equal(t, tc.want, p.Definition)
			assert.Equal(t, tc.args, p.Arguments)
			assert.Equal(t, tc.queries, c.n.Load(), "queries")
		})
	}
}

// openAs opens db's database as another user.
func openAs(t *testing.T, db *dbtest.DB, user, password string) *sql.DB {
	t.Helper()
	u, err := url.Parse(db.URL)
	require.NoError(t, err)
	u.User = url.UserPassword(user, password)
	_, du, err := dialect.Open(u.String())
	require.NoError(t, err)
	driverName, dsn, err := testDialect.Driver(du)
	require.NoError(t, err)
	conn, err := sql.Open(driverName, dsn)
	require.NoError(t, err)
	t.Cleanup(func() { conn.Close() })
	return conn
}

// TestTriggerOrderRoundTrip: triggers of one table, timing and event keep
// the order they run in (ACTION_ORDER). In name order they need nothing;
// against it (FOLLOWS, PRECEDES) each but the first follows the one before
// it (follows:), is created after it with FOLLOWS, and the rebuilt
// database runs them in the same order and compares equal; no warning.
func TestTriggerOrderRoundTrip(t *testing.T) {
	trigger := func(name, order string) string {
		return "CREATE TRIGGER `" + name + "` BEFORE INSERT ON `films` FOR EACH ROW " + order + " SET NEW.length = NEW.length + 1"
	}
	tests := []struct {
		name    string
		ddl     []string
		follows map[string]string // trigger: the one it follows
	}{
		{"in name order", []string{trigger("a", ""), trigger("b", "FOLLOWS a")}, map[string]string{"a": "", "b": ""}},
		{"follows against name order", []string{trigger("b2", ""), trigger("a2", "FOLLOWS b2")},
			map[string]string{"b2": "", "a2": "b2"}},
		{"precedes", []string{trigger("a", ""), trigger("c", ""), trigger("b", "PRECEDES a")},
			map[string]string{"b": "", "a": "b", "c": "a"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := dbtest.MySQL(t)
			dbtest.Exec(t, src, append([]string{routinesDDL[0]}, tc.ddl...)...)
			in := inspect(t, src)
			assert.Empty(t, in.Warnings)
			got := map[string]string{}
			for _, tr := range in.MetaData.Triggers {
				got[tr.Name] = tr.Follows
			}
			assert.Equal(t, tc.follows, got)
			dst := dbtest.MySQL(t)
			dialecttest.PlanAndExec(t, testDialect, dst.DB, metadata.New(), dialect.CreateOps(in.MetaData)...)
			order := "SELECT concat(TRIGGER_NAME, ' ', ACTION_ORDER) FROM information_schema.TRIGGERS " +
				"WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY ACTION_ORDER"
			assert.Equal(t, dbtest.Lines(t, src.DB, order), dbtest.Lines(t, dst.DB, order))
			// The server keeps the statement as written, less its FOLLOWS or
			// PRECEDES: the space around the clause is all that differs.
			spaces := regexp.MustCompile(` +`)
			assert.Equal(t, spaces.ReplaceAllString(dbtest.NativeDump(t, src, "migrate_version"), " "),
				spaces.ReplaceAllString(dbtest.NativeDump(t, dst, "migrate_version"), " "))
			res, err := autogen.Compare(in.MetaData, inspect(t, dst).MetaData, testDialect, autogen.Options{})
			require.NoError(t, err)
			assert.Empty(t, res.Ops)
		})
	}
}
