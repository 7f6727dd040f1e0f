package postgres_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
)

const constraintBase = `CREATE TABLE rooms (id integer NOT NULL, code text, floor integer, during tsrange)`

// constraintShapes are constraints with their options as people write
// them by hand: each is created by plain SQL, reflected (read gives what
// the model holds of it), rebuilt into an empty database and
// compared by pg_dump.
var constraintShapes = []struct {
	name string
	ddl  []string
	read func(m *metadata.MetaData) any
	want any
}{
	{"deferrable primary key", []string{`ALTER TABLE rooms ADD CONSTRAINT rooms_pk PRIMARY KEY (id) DEFERRABLE`},
		func(m *metadata.MetaData) any { return *m.Table("", "rooms").PrimaryKey },
		metadata.PrimaryKey{Name: "rooms_pk", Columns: []string{"id"}, Deferrable: true}},
	{"unique initially deferred", []string{`ALTER TABLE rooms ADD CONSTRAINT rooms_code UNIQUE (code, floor) DEFERRABLE INITIALLY DEFERRED`},
		func(m *metadata.MetaData) any { return *m.Table("", "rooms").Unique("rooms_code") },
		metadata.Unique{Name: "rooms_code", Columns: []string{"code", "floor"}, Deferrable: true, InitiallyDeferred: true}},
	{"unique nulls not distinct", []string{`ALTER TABLE rooms ADD CONSTRAINT rooms_code UNIQUE NULLS NOT DISTINCT (code, floor)`},
		func(m *metadata.MetaData) any { return *m.Table("", "rooms").Unique("rooms_code") },
		metadata.Unique{Name: "rooms_code", Columns: []string{"code", "floor"}, NullsNotDistinct: true}},
	{"check no inherit", []string{`ALTER TABLE rooms ADD CONSTRAINT rooms_floor CHECK (floor >= 0) NO INHERIT`},
		func(m *metadata.MetaData) any { return *m.Table("", "rooms").Check("rooms_floor") },
		metadata.Check{Name: "rooms_floor", Expression: "floor >= 0", NoInherit: true}},
	{"foreign key initially deferred", []string{`ALTER TABLE rooms ADD PRIMARY KEY (id)`,
		`CREATE TABLE beds (id integer PRIMARY KEY, room integer CONSTRAINT beds_room REFERENCES rooms DEFERRABLE INITIALLY DEFERRED)`},
		func(m *metadata.MetaData) any { return *m.Table("", "beds").ForeignKey("beds_room") },
		metadata.ForeignKey{Name: "beds_room", Columns: []string{"room"}, RefTable: "rooms", RefColumns: []string{"id"}, Deferrable: true, InitiallyDeferred: true}},
}

// TestConstraintShapesRoundTrip: each shape reads back without a warning
// as want, builds the same database (pg_dump equal), and then compares
// equal with both databases.
func TestConstraintShapesRoundTrip(t *testing.T) {
	d := postgres.Postgres{}
	for _, tc := range constraintShapes {
		t.Run(tc.name, func(t *testing.T) {
			src := dbtest.Postgres(t)
			dbtest.Exec(t, src, append([]string{constraintBase}, tc.ddl...)...)
			in := dialecttest.Inspect(t, d, src.DB)
			assert.Empty(t, in.Warnings)
			assert.Equal(t, tc.want, tc.read(in.MetaData))

			dst := dbtest.Postgres(t)
			dialecttest.PlanAndExec(t, d, dst.DB, metadata.New(), dialect.CreateOps(in.MetaData)...)
			require.Equal(t, dbtest.SchemaDump(t, src), dbtest.SchemaDump(t, dst))

			res, err := autogen.Compare(in.MetaData, dialecttest.Inspect(t, d, dst.DB).MetaData, d, autogen.Options{})
			require.NoError(t, err)
			assert.Empty(t, res.Ops)
			dialecttest.PlanAndExec(t, d, dst.DB, dialecttest.Inspect(t, d, dst.DB).MetaData, dialect.DropOps(in.MetaData)...)
			assert.Empty(t, dialecttest.Inspect(t, d, dst.DB).MetaData.Tables, "dropped")
			dialecttest.PlanAndExec(t, d, dst.DB, metadata.New(), dialect.CreateOps(in.MetaData)...)
			require.Equal(t, dbtest.SchemaDump(t, src), dbtest.SchemaDump(t, dst), "created again")
		})
	}
}

// TestNullsNotDistinctRefusesNulls: the rebuilt constraint behaves as the
// original, refusing a second row of NULLs, and its plan carries the
// version guard for servers older than 15.
func TestNullsNotDistinctRefusesNulls(t *testing.T) {
	d := postgres.Postgres{}
	src := dbtest.Postgres(t)
	dbtest.Exec(t, src, constraintBase, `ALTER TABLE rooms ADD CONSTRAINT rooms_code UNIQUE NULLS NOT DISTINCT (code)`)
	m := dialecttest.Inspect(t, d, src.DB).MetaData
	st, err := d.Plan(metadata.New(), dialect.CreateOps(m))
	require.NoError(t, err)
	require.Contains(t, st[0].SQL, "server_version_num')::int < 150000", "the guard comes first")
	dst := dbtest.Postgres(t)
	dialecttest.PlanAndExec(t, d, dst.DB, metadata.New(), dialect.CreateOps(m)...)
	dbtest.Exec(t, dst, `INSERT INTO rooms (id) VALUES (1)`)
	_, err = dst.DB.Exec(`INSERT INTO rooms (id) VALUES (2)`)
	require.Error(t, err, "a second NULL code collides")
	assert.Contains(t, err.Error(), "rooms_code")
}

// TestNotValidConstraintIsReported: a foreign key or check the database
// holds NOT VALID is read as valid (the model has no NOT VALID yet), and
// the inspection says so by name, instead of a rebuild silently checking
// the rows the constraint let through.
func TestNotValidConstraintIsReported(t *testing.T) {
	cases := []struct {
		name, ddl, want string
	}{
		{"check", `ALTER TABLE rooms ADD CONSTRAINT rooms_floor CHECK (floor >= 0) NOT VALID`, "check rooms_floor on rooms is NOT VALID"},
		{"foreign key", `ALTER TABLE rooms ADD CONSTRAINT rooms_up FOREIGN KEY (floor) REFERENCES rooms (id) NOT VALID`, "foreign key rooms_up on rooms is NOT VALID"},
	}
	d := postgres.Postgres{}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := dbtest.Postgres(t)
			dbtest.Exec(t, src, constraintBase, `ALTER TABLE rooms ADD PRIMARY KEY (id)`, `INSERT INTO rooms (id, floor) VALUES (1, -1)`, tc.ddl)
			in := dialecttest.Inspect(t, d, src.DB)
			require.Len(t, in.Warnings, 1)
			assert.Contains(t, in.Warnings[0], tc.want)
			assert.Contains(t, in.Warnings[0], "VALIDATE CONSTRAINT")
		})
	}
}

// TestValidConstraintsAreNotReported: a validated constraint, and one
// validated after being added NOT VALID, give no warning.
func TestValidConstraintsAreNotReported(t *testing.T) {
	d := postgres.Postgres{}
	src := dbtest.Postgres(t)
	dbtest.Exec(t, src, constraintBase, `ALTER TABLE rooms ADD CONSTRAINT rooms_floor CHECK (floor >= 0) NOT VALID`,
		`ALTER TABLE rooms VALIDATE CONSTRAINT rooms_floor`, `ALTER TABLE rooms ADD CONSTRAINT rooms_id CHECK (id > 0)`)
	in := dialecttest.Inspect(t, d, src.DB)
	assert.Empty(t, in.Warnings)
	assert.Len(t, in.MetaData.Table("", "rooms").Checks, 2)
}

// TestConstraintCommentIsReported: COMMENT ON CONSTRAINT is not modelled
// yet, so inspection names the commented constraint instead of dropping
// the comment without a word; an uncommented one gives no warning.
func TestConstraintCommentIsReported(t *testing.T) {
	d := postgres.Postgres{}
	src := dbtest.Postgres(t)
	dbtest.Exec(t, src, constraintBase, `ALTER TABLE rooms ADD CONSTRAINT rooms_pk PRIMARY KEY (id)`,
		`ALTER TABLE rooms ADD CONSTRAINT rooms_floor CHECK (floor >= 0)`,
		`COMMENT ON CONSTRAINT rooms_floor ON rooms IS 'no basements'`)
	in := dialecttest.Inspect(t, d, src.DB)
	require.Len(t, in.Warnings, 1)
	assert.Contains(t, in.Warnings[0], "comment on constraint rooms_floor on rooms is not modelled")
	assert.Equal(t, "floor >= 0", in.MetaData.Table("", "rooms").Check("rooms_floor").Expression, "the constraint itself is read")
}
