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
	"github.com/retortdb/retort/ops"
)

// viewLiteralCases are views whose literals carry charset introducers, or
// none, created under various session character sets, as mysqldump
// restores them (SET NAMES before each view).
var viewLiteralCases = []struct {
	name, names, view string
	literal           bool // the query has a string literal
	cs, coll          string
}{
	{"introducers under utf8mb4", "utf8mb4", "CREATE VIEW intro AS SELECT concat(title, _utf8mb4' ', title) AS a, " +
		"_latin1'q' AS b, _binary'c' AS c, 'it''s' AS d FROM films", true, "", ""},
	{"utf8mb3 client", "utf8mb3", "CREATE VIEW mb3 AS SELECT concat(title, _utf8mb3' ') AS a, 'x' AS b FROM films", true,
		"utf8mb3", "utf8mb3_general_ci"},
	{"latin1 client", "latin1 COLLATE latin1_bin", "CREATE VIEW lat AS SELECT 'a' AS a, _utf8mb4'u' AS b FROM films", true,
		"latin1", "latin1_bin"},
	{"no literal under latin1", "latin1", "CREATE VIEW plain AS SELECT id, title FROM films", false,
		"latin1", "latin1_swedish_ci"},
	{"literal and check option", "utf8mb4", "CREATE VIEW checked AS SELECT id, title FROM films " +
		"WHERE title <> _utf8mb4'x' WITH CASCADED CHECK OPTION", true, "", ""},
}

// TestViewLiteralsRoundTrip is issue 15's must-show 1 for MySQL views: a
// view's string literals keep their charset introducers (information_schema
// drops them; SHOW CREATE VIEW, read for the views that have a literal,
// keeps them), and its session character sets are recorded when they are
// not the inspecting session's; built into an empty database, each view
// dumps and shows as the original, character_set_client and
// collation_connection included. The inspection costs one query more per
// view with a literal, none for the others.
func TestViewLiteralsRoundTrip(t *testing.T) {
	d := testDialect
	src := dbtest.MySQL(t)
	dbtest.Exec(t, src, "CREATE TABLE films (id integer PRIMARY KEY, title varchar(50) NOT NULL)")
	base := queriesOf(t, d, src)
	literals := int64(0)
	for _, tc := range viewLiteralCases {
		dbtest.Exec(t, src, "SET NAMES "+tc.names+"; "+tc.view+"; SET NAMES utf8mb4")
		if tc.literal {
			literals++
		}
	}
	in := dialecttest.Inspect(t, d, src.DB)
	assert.Empty(t, in.Warnings)
	assert.Equal(t, base+literals, queriesOf(t, d, src), "queries: %d without views, one more per view with a literal", base)
	for _, tc := range viewLiteralCases {
		t.Run(tc.name, func(t *testing.T) {
			name := strings.Fields(tc.view)[2]
			v := in.MetaData.View("", name)
			require.NotNil(t, v)
			assert.Equal(t, tc.cs, v.CharacterSetClient)
			assert.Equal(t, tc.coll, v.CollationConnection)
			if tc.literal {
				assert.Contains(t, v.Definition, "_", "the introducers are kept: %s", v.Definition)
			}
		})
	}
	assert.Contains(t, in.MetaData.View("", "intro").Definition, "_binary'c'")

	dst := dbtest.MySQL(t)
	dialecttest.PlanAndExec(t, d, dst.DB, metadata.New(), dialect.CreateOps(in.MetaData)...)
	assert.Equal(t, showCreateViews(t, src), showCreateViews(t, dst))
	assert.Equal(t, dbtest.NativeDump(t, src, "migrate_version"), dbtest.NativeDump(t, dst, "migrate_version"))
	res, err := autogen.Compare(in.MetaData, dialecttest.Inspect(t, d, dst.DB).MetaData, d, autogen.Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Ops)
	var cs string
	require.NoError(t, dst.QueryRow("SELECT @@character_set_client").Scan(&cs))
	assert.Equal(t, "utf8mb4", cs, "the session's character set is put back")
}

// queriesOf is the number of queries an inspection of db issues.
func queriesOf(t *testing.T, d *Dialect, db *dbtest.DB) int64 {
	t.Helper()
	c := &countingQueryer{q: db.DB}
	_, err := d.Inspect(t.Context(), c, dialect.InspectOptions{})
	require.NoError(t, err)
	return c.n.Load()
}

// showCreateViews is SHOW CREATE VIEW of every view of db, the database's
// name written DB: view, definition, character_set_client,
// collation_connection.
func showCreateViews(t *testing.T, db *dbtest.DB) [][4]string {
	t.Helper()
	var out [][4]string
	for _, name := range dbtest.Lines(t, db.DB, "SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1") {
		var r [4]string
		require.NoError(t, db.QueryRow("SHOW CREATE VIEW `"+name+"`").Scan(&r[0], &r[1], &r[2], &r[3]))
		r[1] = strings.ReplaceAll(r[1], db.Name, "DB")
		out = append(out, r)
	}
	return out
}

// TestViewCharsetsPlan: a view with session character sets is created
// under them, the session's put back after; a query beyond ASCII under a
// client charset that is not UTF-8 is refused, and so is half a pair.
func TestViewCharsetsPlan(t *testing.T) {
	tests := []struct {
		name, def, cs, coll string
		want                []string
		err                 string
	}{
		{"none", "SELECT 'é'", "", "", []string{"CREATE VIEW `v` AS SELECT 'é'"}, ""},
		{"latin1", "SELECT 'a'", "latin1", "latin1_bin", []string{
			"SET @retort_character_set_client = @@character_set_client, @retort_collation_connection = @@collation_connection",
			"SET character_set_client = 'latin1', collation_connection = 'latin1_bin'",
			"CREATE VIEW `v` AS SELECT 'a'",
			"SET character_set_client = @retort_character_set_client, collation_connection = @retort_collation_connection"}, ""},
		{"utf8mb3 beyond ASCII", "SELECT 'é'", "utf8mb3", "utf8mb3_general_ci", []string{
			"SET @retort_character_set_client = @@character_set_client, @retort_collation_connection = @@collation_connection",
			"SET character_set_client = 'utf8mb3', collation_connection = 'utf8mb3_general_ci'",
			"CREATE VIEW `v` AS SELECT 'é'",
			"SET character_set_client = @retort_character_set_client, collation_connection = @retort_collation_connection"}, ""},
		{"latin1 beyond ASCII", "SELECT 'é'", "latin1", "latin1_bin", nil, "is not UTF-8"},
		{"half a pair", "SELECT 1", "latin1", "", nil, "give both"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := &metadata.View{Name: "v", Definition: tc.def, CharacterSetClient: tc.cs, CollationConnection: tc.coll}
			stmts, err := (testDialect).Plan(metadata.New(), []ops.Op{&ops.CreateView{View: v}})
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			var got []string
			for _, s := range stmts {
				got = append(got, s.SQL)
			}
			assert.Equal(t, tc.want, got)
		})
	}
}
