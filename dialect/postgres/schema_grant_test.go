package postgres_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/ops"
)

// grantRole is a role the grant tests create on the server (roles are
// the cluster's) and drop afterwards.
const grantRole = "retort_pgmisc_reader"

func withGrantRole(t *testing.T) {
	t.Helper()
	admin := dbtest.Postgres(t)
	dbtest.Exec(t, admin, `DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '`+grantRole+`') THEN CREATE ROLE `+grantRole+`; END IF; END$$`)
}

// TestSchemaGrantsAutogen: privileges on schemas given, taken and
// changed are found by autogenerate as grant_schema and revoke_schema;
// upgrade, downgrade and upgrade again give pg_dump --schema-only (with
// its GRANT and REVOKE lines) what it should be at each step, and the
// comparison is clean afterwards.
func TestSchemaGrantsAutogen(t *testing.T) {
	withGrantRole(t)
	table := `CREATE TABLE t (id integer)`
	cases := []struct {
		name     string
		from, to []string
		schemas  []string
		wantOps  []string
	}{
		{"grant all to PUBLIC and a role", []string{table},
			[]string{table, `GRANT ALL ON SCHEMA public TO PUBLIC`, `GRANT ALL ON SCHEMA public TO ` + grantRole}, nil,
			[]string{"grant_schema", "grant_schema"}},
		{"revoke the stock usage", []string{table}, []string{table, `REVOKE USAGE ON SCHEMA public FROM PUBLIC`}, nil,
			[]string{"revoke_schema"}},
		{"back to the stock privileges", []string{table, `REVOKE ALL ON SCHEMA public FROM PUBLIC`, `GRANT USAGE ON SCHEMA public TO ` + grantRole},
			[]string{table}, nil, []string{"revoke_schema", "grant_schema"}},
		{"change a role's", []string{table, `GRANT CREATE ON SCHEMA public TO ` + grantRole},
			[]string{table, `GRANT USAGE ON SCHEMA public TO ` + grantRole}, nil, []string{"grant_schema", "revoke_schema"}},
		{"reorder the roles", []string{table, `GRANT USAGE ON SCHEMA public TO ` + grantRole},
			[]string{table, `REVOKE ALL ON SCHEMA public FROM PUBLIC`, `GRANT USAGE ON SCHEMA public TO ` + grantRole, `GRANT ALL ON SCHEMA public TO PUBLIC`},
			nil, []string{"revoke_schema", "revoke_schema", "grant_schema", "grant_schema"}},
		{"another schema", []string{table, `CREATE SCHEMA app`, `CREATE TABLE app.a (id integer)`},
			[]string{table, `CREATE SCHEMA app`, `CREATE TABLE app.a (id integer)`, `GRANT USAGE ON SCHEMA app TO ` + grantRole},
			[]string{"app"}, []string{"grant_schema"}},
	}
	d := postgres.Postgres{}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want, db := dbtest.Postgres(t), dbtest.Postgres(t)
			dbtest.Exec(t, want, tc.to...)
			dbtest.Exec(t, db, tc.from...)
			dump := func(x *dbtest.DB) string { return dbtest.NativeDump(t, x, "retort_version") }
			before := dump(db)
			target := dialecttest.Inspect(t, d, want.DB, tc.schemas...)
			require.Empty(t, target.Warnings)
			cur := dialecttest.Inspect(t, d, db.DB, tc.schemas...).MetaData
			res, err := autogen.Compare(target.MetaData, cur, d, autogen.Options{})
			require.NoError(t, err)
			assert.Equal(t, tc.wantOps, opNames(res.Ops))
			down, err := autogen.Downgrade(res.Ops)
			require.NoError(t, err)
			dialecttest.PlanAndExec(t, d, db.DB, cur, res.Ops...)
			assert.Equal(t, dump(want), dump(db), "upgraded")
			dialecttest.PlanAndExec(t, d, db.DB, dialecttest.Inspect(t, d, db.DB, tc.schemas...).MetaData, down...)
			assert.Equal(t, before, dump(db), "downgraded")
			dialecttest.PlanAndExec(t, d, db.DB, dialecttest.Inspect(t, d, db.DB, tc.schemas...).MetaData, res.Ops...)
			assert.Equal(t, dump(want), dump(db), "upgraded again")
			res, err = autogen.Compare(target.MetaData, dialecttest.Inspect(t, d, db.DB, tc.schemas...).MetaData, d, autogen.Options{})
			require.NoError(t, err)
			assert.Empty(t, res.Ops, "check is clean afterwards")
		})
	}
}

func opNames(list []ops.Op) []string {
	var names []string
	for _, o := range list {
		names = append(names, o.Name())
	}
	return names
}

// TestSchemaGrantsStock: a new database's schemas have their stock
// privileges, which read as no grants (no schemas: entry, no warning),
// and compare clean with an empty model.
func TestSchemaGrantsStock(t *testing.T) {
	db := dbtest.Postgres(t)
	dbtest.Exec(t, db, `CREATE SCHEMA app`, `CREATE TABLE app.a (id integer)`)
	in := dialecttest.Inspect(t, postgres.Postgres{}, db.DB, "app")
	assert.Empty(t, in.MetaData.Schemas)
	assert.Empty(t, in.Warnings)
	empty := dialecttest.Inspect(t, postgres.Postgres{}, dbtest.Postgres(t).DB).MetaData
	res, err := autogen.Compare(empty, dialecttest.Inspect(t, postgres.Postgres{}, db.DB).MetaData, postgres.Postgres{}, autogen.Options{})
	require.NoError(t, err)
	assert.Empty(t, opNames(res.Ops))
}

// TestSchemaGrantsMissingRole: a grant to a role the server does not
// have fails before anything is granted, naming the role and saying to
// create it.
func TestSchemaGrantsMissingRole(t *testing.T) {
	db := dbtest.Postgres(t)
	d := postgres.Postgres{}
	stmts, err := d.Plan(dialecttest.Inspect(t, d, db.DB).MetaData,
		[]ops.Op{&ops.GrantSchema{SchemaName: "public", Role: "retort_no_such_role", Privileges: []string{"USAGE"}}})
	require.NoError(t, err)
	err = dialecttest.Exec(context.Background(), d, db.DB, stmts)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `role "retort_no_such_role" does not exist on this server; create it (CREATE ROLE "retort_no_such_role")`)
	assert.Contains(t, err.Error(), "grants of schema public")
}
