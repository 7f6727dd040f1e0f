package postgres_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// rlsRoles creates two roles of the test's own (roles are the server's,
// not a database's) and drops them when the test ends, after the
// databases made after this call, whose policies name them.
func rlsRoles(t *testing.T) (clerk, manager string) {
	t.Helper()
	suffix := fmt.Sprintf("%x", time.Now().UnixNano())
	clerk, manager = "rls_clerk_"+suffix, "rls_manager_"+suffix
	admin := dbtest.Postgres(t)
	t.Cleanup(func() {
		for _, r := range []string{clerk, manager} {
			if _, err := admin.Exec(`DROP ROLE IF EXISTS "` + r + `"`); err != nil {
				t.Errorf("drop role %s: %v", r, err)
			}
		}
	})
	dbtest.Exec(t, admin, `CREATE ROLE "`+clerk+`"`, `CREATE ROLE "`+manager+`"`)
	return clerk, manager
}

// rlsSchema is a table with row security enabled and forced and three
// policies of different kinds: the owner's rows for every command (with
// a comment), every row for SELECT by the manager, and a restrictive one
// that hides closed accounts from everyone.
func rlsSchema(clerk, manager string) []string {
	return []string{
		`CREATE TABLE accounts (id integer PRIMARY KEY, owner text NOT NULL, closed boolean NOT NULL DEFAULT false)`,
		`ALTER TABLE accounts ENABLE ROW LEVEL SECURITY`,
		`ALTER TABLE accounts FORCE ROW LEVEL SECURITY`,
		`CREATE POLICY accounts_owner ON accounts TO "` + clerk + `", "` + manager + `"
		   USING (owner = current_user) WITH CHECK (owner = current_user)`,
		`COMMENT ON POLICY accounts_owner ON accounts IS 'an owner sees and writes their rows'`,
		`CREATE POLICY accounts_manager ON accounts FOR SELECT TO "` + manager + `" USING (true)`,
		`CREATE POLICY accounts_open ON accounts AS RESTRICTIVE FOR SELECT USING (NOT closed)`,
	}
}

// visible returns the ids of accounts that role sees.
func visible(t *testing.T, db *dbtest.DB, role string) []string {
	t.Helper()
	tx, err := db.Begin()
	require.NoError(t, err)
	defer tx.Rollback()
	_, err = tx.Exec(`SET LOCAL ROLE "` + role + `"`)
	require.NoError(t, err)
	rows, err := tx.Query(`SELECT id::text FROM accounts ORDER BY id`)
	require.NoError(t, err)
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		require.NoError(t, rows.Scan(&id))
		ids = append(ids, id)
	}
	require.NoError(t, rows.Err())
	return ids
}

// TestPolicyRoundTrip: a table with row security enabled and forced and
// three policies (permissive for all commands with roles and a comment,
// permissive for SELECT, restrictive for PUBLIC) is read whole, nothing
// warned of; created into an empty database it gives the same pg_dump,
// autogenerate finds nothing to do, and the rebuilt database still hides
// rows: each role sees only what the policies allow. DropOps drops the
// policies.
func TestPolicyRoundTrip(t *testing.T) {
	d := postgres.Postgres{}
	clerk, manager := rlsRoles(t)
	src := dbtest.Postgres(t)
	dbtest.Exec(t, src, rlsSchema(clerk, manager)...)
	in := dialecttest.Inspect(t, d, src.DB)
	assert.Empty(t, in.Warnings)
	m := in.MetaData
	assert.Equal(t, metadata.RowSecurity{Enabled: true, Forced: true}, m.Table("", "accounts").RowSecurity)
	require.Len(t, m.Policies, 3)
	owner := m.Policy("", "accounts", "accounts_owner")
	require.NotNil(t, owner)
	assert.Equal(t, &metadata.Policy{Table: "accounts", Name: "accounts_owner", Roles: []string{clerk, manager},
		Using: "(owner = CURRENT_USER)", WithCheck: "(owner = CURRENT_USER)", Comment: "an owner sees and writes their rows"}, owner)
	assert.Equal(t, &metadata.Policy{Table: "accounts", Name: "accounts_open", Restrictive: true, Command: "SELECT", Using: "(NOT closed)"},
		m.Policy("", "accounts", "accounts_open"))
	assert.Equal(t, []string{manager}, m.Policy("", "accounts", "accounts_manager").Roles)

	yml, err := metadata.Write(m)
	require.NoError(t, err)
	back, err := metadata.Read("schema.yaml", yml)
	require.NoError(t, err)
	assert.Equal(t, m.Policies, back.Policies, "schema.yaml keeps the policies:\n%s", yml)
	assert.Equal(t, m.Tables[0].RowSecurity, back.Tables[0].RowSecurity)

	dst := dbtest.Postgres(t)
	dialecttest.PlanAndExec(t, d, dst.DB, metadata.New(), dialect.CreateOps(back)...)
	require.Equal(t, dbtest.SchemaDump(t, src), dbtest.SchemaDump(t, dst))
	res, err := autogen.Compare(m, dialecttest.Inspect(t, d, dst.DB).MetaData, d, autogen.Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Ops)

	dbtest.Exec(t, dst, fmt.Sprintf(`INSERT INTO accounts VALUES (1, '%s', false), (2, '%s', true), (3, 'someone', false)`, clerk, clerk),
		fmt.Sprintf(`GRANT SELECT, INSERT ON accounts TO "%s", "%s"`, clerk, manager))
	assert.Equal(t, []string{"1"}, visible(t, dst, clerk), "the clerk sees their open account only")
	assert.Equal(t, []string{"1", "3"}, visible(t, dst, manager), "the manager sees every open account")
	_, err = dst.Exec(fmt.Sprintf(`BEGIN; SET LOCAL ROLE "%s"; INSERT INTO accounts VALUES (4, 'someone', false)`, clerk))
	dst.Exec(`ROLLBACK`)
	assert.ErrorContains(t, err, "row-level security", "WITH CHECK keeps the clerk from writing another's row")

	dialecttest.PlanAndExec(t, d, dst.DB, dialecttest.Inspect(t, d, dst.DB).MetaData, dialect.DropOps(m)...)
	assert.Empty(t, dialecttest.Inspect(t, d, dst.DB).MetaData.Policies, "DropOps drops every policy")
}

// TestPolicyMissingRole: a policy naming a role the server does not have
// fails before CREATE POLICY with a message that names the role and says
// what to do, and changes nothing.
func TestPolicyMissingRole(t *testing.T) {
	d := postgres.Postgres{}
	db := dbtest.Postgres(t)
	dbtest.Exec(t, db, `CREATE TABLE accounts (id integer PRIMARY KEY, owner text NOT NULL)`)
	state := dialecttest.Inspect(t, d, db.DB).MetaData
	ghost := "retort_no_such_role_" + db.Name
	stmts, err := d.Plan(state, []ops.Op{&ops.CreatePolicy{Policy: &metadata.Policy{Table: "accounts", Name: "ghosts",
		Roles: []string{ghost}, Using: "owner = current_user"}}})
	require.NoError(t, err)
	err = dialecttest.Exec(context.Background(), d, db.DB, stmts)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `policy ghosts on accounts: role "`+ghost+`" does not exist on this server; create it (CREATE ROLE "`+ghost+`")`)
	assert.Empty(t, dialecttest.Inspect(t, d, db.DB).MetaData.Policies)
}

// TestPolicyAutogen: row security switched on and off, and policies
// added, changed (in place, and by a new command), commented and dropped,
// with their tables too and with a function a policy calls, are found
// by autogenerate; upgrade, downgrade and upgrade again give the dumps
// they should.
func TestPolicyAutogen(t *testing.T) {
	clerk, _ := rlsRoles(t)
	table := []string{`CREATE TABLE accounts (id integer PRIMARY KEY, owner text NOT NULL)`}
	on := append(append([]string{}, table...), `ALTER TABLE accounts ENABLE ROW LEVEL SECURITY`)
	forced := append(append([]string{}, on...), `ALTER TABLE accounts FORCE ROW LEVEL SECURITY`)
	policy := `CREATE POLICY own ON accounts TO "` + clerk + `" USING (owner = current_user)`
	with := append(append([]string{}, on...), policy)
	fn := `CREATE FUNCTION is_owner(o text) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT o = current_user $$`
	with2 := func(extra ...string) []string { return append(append([]string{}, on...), extra...) }
	dialecttest.RunChanges(t, postgres.Postgres{}, dbtest.Postgres, []dialecttest.Change{
		{Name: "enable", From: table, To: on, WantOps: []string{"alter_row_security"}},
		{Name: "enable and force", From: table, To: forced, WantOps: []string{"alter_row_security"}},
		{Name: "disable", From: forced, To: table, WantOps: []string{"alter_row_security"}},
		{Name: "add", From: on, To: with, WantOps: []string{"create_policy"}},
		{Name: "drop", From: with, To: on, WantOps: []string{"drop_policy"}},
		{Name: "change using and roles in place", From: with,
			To: with2(`CREATE POLICY own ON accounts USING (owner = session_user) WITH CHECK (owner <> '')`), WantOps: []string{"replace_policy"}},
		{Name: "change command and kind", From: with,
			To: with2(`CREATE POLICY own ON accounts AS RESTRICTIVE FOR DELETE TO "` + clerk + `" USING (owner = current_user)`), WantOps: []string{"replace_policy"}},
		{Name: "take with check away", From: with2(`CREATE POLICY own ON accounts USING (true) WITH CHECK (owner <> '')`),
			To: with2(`CREATE POLICY own ON accounts USING (true)`), WantOps: []string{"replace_policy"}},
		{Name: "comment", From: with, To: append(append([]string{}, with...), `COMMENT ON POLICY own ON accounts IS 'mine'`),
			WantOps: []string{"replace_policy"}},
		{Name: "add table with row security and policy", From: nil, To: with, WantOps: []string{"create_table", "create_policy"}},
		{Name: "drop table with its policy", From: with, To: nil, WantOps: []string{"drop_policy", "drop_table"}},
		{Name: "policy calling a function", From: on, To: with2(fn, `CREATE POLICY own ON accounts USING (is_owner(owner))`),
			WantOps: []string{"create_function", "create_policy"}},
		{Name: "drop policy and its function", From: with2(fn, `CREATE POLICY own ON accounts USING (is_owner(owner))`), To: on,
			WantOps: []string{"drop_policy", "drop_function"}},
	})
}

// TestPolicyPlan: the DDL of the policy ops, as planned.
func TestPolicyPlan(t *testing.T) {
	d := postgres.Postgres{}
	own := &metadata.Policy{Table: "accounts", Name: "own", Using: "owner = current_user"}
	moved := &metadata.Policy{Table: "accounts", Name: "own", Roles: []string{"clerk"}, Using: "true", WithCheck: "owner <> ''", Comment: "c"}
	cases := []struct {
		name string
		op   ops.Op
		want []string
	}{
		{"create", &ops.CreatePolicy{Policy: own}, []string{`CREATE POLICY "own" ON "accounts" USING (owner = current_user)`}},
		{"create restrictive for select to a role", &ops.CreatePolicy{Policy: &metadata.Policy{Table: "accounts", Name: "r",
			Restrictive: true, Command: "SELECT", Roles: []string{"clerk", "public"}, WithCheck: "x"}},
			[]string{"DO $retort$", `CREATE POLICY "r" ON "accounts" AS RESTRICTIVE FOR SELECT TO "clerk", PUBLIC WITH CHECK (x)`}},
		{"drop", ops.DropPolicyOf(own), []string{`DROP POLICY "own" ON "accounts"`}},
		{"alter in place", &ops.ReplacePolicy{Policy: moved, Existing: own},
			[]string{"DO $retort$", `ALTER POLICY "own" ON "accounts" TO "clerk" USING (true) WITH CHECK (owner <> '')`, `COMMENT ON POLICY "own" ON "accounts" IS 'c'`}},
		{"drop and create when an expression goes", &ops.ReplacePolicy{Policy: own, Existing: moved},
			[]string{`DROP POLICY "own" ON "accounts"`, `CREATE POLICY "own" ON "accounts" USING (owner = current_user)`}},
		{"enable and force", &ops.AlterRowSecurity{TableRef: ops.TableRef{Table: "accounts"}, RowSecurity: metadata.RowSecurity{Enabled: true, Forced: true},
			Existing: &metadata.RowSecurity{}}, []string{`ALTER TABLE "accounts" ENABLE ROW LEVEL SECURITY`, `ALTER TABLE "accounts" FORCE ROW LEVEL SECURITY`}},
		{"no force only", &ops.AlterRowSecurity{TableRef: ops.TableRef{Table: "accounts"}, RowSecurity: metadata.RowSecurity{Enabled: true},
			Existing: &metadata.RowSecurity{Enabled: true, Forced: true}}, []string{`ALTER TABLE "accounts" NO FORCE ROW LEVEL SECURITY`}},
	}
	state := &metadata.MetaData{Tables: []*metadata.Table{{Name: "accounts", Columns: []*metadata.Column{{Name: "owner", Type: metadata.MustParseType("text")}}}}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := state.Clone()
			if _, ok := tc.op.(*ops.CreatePolicy); !ok {
				if _, ok := tc.op.(*ops.AlterRowSecurity); !ok {
					s.Policies = []*metadata.Policy{own}
				}
			}
			if a, ok := tc.op.(*ops.AlterRowSecurity); ok {
				s.Tables[0].RowSecurity = *a.Existing
			}
			stmts, err := d.Plan(s, []ops.Op{tc.op})
			require.NoError(t, err)
			var got []string
			for _, st := range stmts {
				got = append(got, st.SQL)
			}
			require.Len(t, got, len(tc.want), "%q", got)
			for i, w := range tc.want {
				if strings.HasPrefix(w, "DO ") {
					assert.True(t, strings.HasPrefix(got[i], w), "%q", got[i])
					assert.Contains(t, got[i], `role "clerk" does not exist on this server`)
					continue
				}
				assert.Equal(t, w, got[i])
			}
		})
	}
}

// TestPolicyQueryCount: reading row security and policies is one query
// more than before, whatever their number: an inspection of 1 and of 30
// tables with row security and two policies each issues the same count.
func TestPolicyQueryCount(t *testing.T) {
	d := postgres.Postgres{}
	counts := map[int]int{}
	for _, n := range []int{1, 30} {
		db := dbtest.Postgres(t)
		for i := range n {
			dbtest.Exec(t, db, fmt.Sprintf(`CREATE TABLE t%d (owner text)`, i),
				fmt.Sprintf(`ALTER TABLE t%d ENABLE ROW LEVEL SECURITY`, i),
				fmt.Sprintf(`CREATE POLICY p ON t%d USING (owner = current_user)`, i),
				fmt.Sprintf(`CREATE POLICY q ON t%d AS RESTRICTIVE FOR UPDATE WITH CHECK (owner <> '')`, i))
		}
		c := &counting{q: db.DB}
		in, err := d.Inspect(t.Context(), c, dialect.InspectOptions{})
		require.NoError(t, err)
		require.Len(t, in.MetaData.Policies, 2*n)
		for _, tb := range in.MetaData.Tables {
			require.True(t, tb.RowSecurity.Enabled, tb.Name)
		}
		counts[n] = c.n
	}
	assert.Equal(t, counts[1], counts[30], "queries for 1 and 30 tables with policies")
}

// TestPolicyHandWritten: a schema.yaml policy written by hand, in other
// spellings than pg_get_expr's, compares equal to the database's, while a
// changed expression the rules cannot decide (a subquery) is a change,
// never silently taken as the same.
func TestPolicyHandWritten(t *testing.T) {
	d := postgres.Postgres{}
	db := dbtest.Postgres(t)
	dbtest.Exec(t, db, `CREATE TABLE accounts (id integer PRIMARY KEY, owner text NOT NULL, closed boolean NOT NULL)`,
		`ALTER TABLE accounts ENABLE ROW LEVEL SECURITY`,
		`CREATE POLICY own ON accounts USING (owner = current_user AND NOT closed)`,
		`CREATE POLICY peers ON accounts FOR SELECT USING (EXISTS (SELECT 1 FROM accounts a WHERE a.owner = current_user))`)
	cur := dialecttest.Inspect(t, d, db.DB).MetaData
	const table = `tables:
  - name: accounts
    row_security: {enabled: true, forced: false}
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: owner, type: text, nullable: false}
      - {name: closed, type: boolean, nullable: false}
policies:
  - {table: accounts, name: own, command: all, using: "owner = current_user and not closed"}
`
	for _, tc := range []struct {
		name, peers string
		want        []string
	}{
		{"same", `  - {table: accounts, name: peers, command: select, using: "(EXISTS ( SELECT 1\n   FROM accounts a\n  WHERE (a.owner = CURRENT_USER)))"}`, nil},
		{"subquery changed", `  - {table: accounts, name: peers, command: select, using: "exists (select 1 from accounts a where a.owner = session_user)"}`,
			[]string{"replace_policy"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			target, err := metadata.Read("schema.yaml", []byte(table+tc.peers+"\n"))
			require.NoError(t, err)
			res, err := autogen.Compare(target, cur, d, autogen.Options{})
			require.NoError(t, err)
			var names []string
			for _, o := range res.Ops {
				names = append(names, o.Name())
			}
			assert.Equal(t, tc.want, names)
		})
	}
}
