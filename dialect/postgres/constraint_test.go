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
	"github.com/retortdb/retort/ops"
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
	{"check not valid", []string{`INSERT INTO rooms (id, floor) VALUES (1, -1)`, `ALTER TABLE rooms ADD CONSTRAINT rooms_floor CHECK (floor >= 0) NOT VALID`},
		func(m *metadata.MetaData) any { return *m.Table("", "rooms").Check("rooms_floor") },
		metadata.Check{Name: "rooms_floor", Expression: "floor >= 0", NotValid: true}},
	{"foreign key not valid", []string{`ALTER TABLE rooms ADD PRIMARY KEY (id)`,
		`ALTER TABLE rooms ADD CONSTRAINT rooms_up FOREIGN KEY (floor) REFERENCES rooms (id) NOT VALID`},
		func(m *metadata.MetaData) any { return *m.Table("", "rooms").ForeignKey("rooms_up") },
		metadata.ForeignKey{Name: "rooms_up", Columns: []string{"floor"}, RefTable: "rooms", RefColumns: []string{"id"}, NotValid: true}},
	{"commented primary key", []string{`ALTER TABLE rooms ADD CONSTRAINT rooms_pk PRIMARY KEY (id)`, `COMMENT ON CONSTRAINT rooms_pk ON rooms IS 'the key'`},
		func(m *metadata.MetaData) any { return *m.Table("", "rooms").PrimaryKey },
		metadata.PrimaryKey{Name: "rooms_pk", Columns: []string{"id"}, Comment: "the key"}},
	{"commented unique", []string{`ALTER TABLE rooms ADD CONSTRAINT rooms_code UNIQUE (code)`, `COMMENT ON CONSTRAINT rooms_code ON rooms IS 'printed on the door'`},
		func(m *metadata.MetaData) any { return *m.Table("", "rooms").Unique("rooms_code") },
		metadata.Unique{Name: "rooms_code", Columns: []string{"code"}, Comment: "printed on the door"}},
	{"commented check not valid", []string{`ALTER TABLE rooms ADD CONSTRAINT rooms_floor CHECK (floor >= 0) NOT VALID`,
		`COMMENT ON CONSTRAINT rooms_floor ON rooms IS 'no basements'`},
		func(m *metadata.MetaData) any { return *m.Table("", "rooms").Check("rooms_floor") },
		metadata.Check{Name: "rooms_floor", Expression: "floor >= 0", NotValid: true, Comment: "no basements"}},
	{"commented foreign key", []string{`ALTER TABLE rooms ADD PRIMARY KEY (id)`,
		`ALTER TABLE rooms ADD CONSTRAINT rooms_up FOREIGN KEY (floor) REFERENCES rooms (id)`, `COMMENT ON CONSTRAINT rooms_up ON rooms IS 'the room above'`},
		func(m *metadata.MetaData) any { return *m.Table("", "rooms").ForeignKey("rooms_up") },
		metadata.ForeignKey{Name: "rooms_up", Columns: []string{"floor"}, RefTable: "rooms", RefColumns: []string{"id"}, Comment: "the room above"}},
	{"exclusion", []string{`ALTER TABLE rooms ADD CONSTRAINT rooms_booked EXCLUDE USING gist (during WITH &&)`},
		func(m *metadata.MetaData) any { return *m.Table("", "rooms").Exclusion("rooms_booked") },
		metadata.Exclusion{Name: "rooms_booked", Using: "gist", Elements: []metadata.ExclusionElement{{Column: "during", Operator: "&&"}}}},
	{"exclusion btree by default", []string{`ALTER TABLE rooms ADD CONSTRAINT rooms_code_x EXCLUDE (code WITH =, floor WITH =)`},
		func(m *metadata.MetaData) any { return *m.Table("", "rooms").Exclusion("rooms_code_x") },
		metadata.Exclusion{Name: "rooms_code_x", Using: "btree", Elements: []metadata.ExclusionElement{{Column: "code", Operator: "="}, {Column: "floor", Operator: "="}}}},
	{"exclusion in full", []string{`ALTER TABLE rooms ADD CONSTRAINT rooms_slot EXCLUDE USING gist (tsrange(lower(during), upper(during)) WITH &&)
			INCLUDE (code) WHERE (floor > 0 AND code <> 'x') DEFERRABLE INITIALLY DEFERRED`, `COMMENT ON CONSTRAINT rooms_slot ON rooms IS 'one booking a slot'`},
		func(m *metadata.MetaData) any { return *m.Table("", "rooms").Exclusion("rooms_slot") },
		metadata.Exclusion{Name: "rooms_slot", Using: "gist", Elements: []metadata.ExclusionElement{{Expression: "tsrange(lower(during), upper(during))", Operator: "&&"}},
			Include: []string{"code"}, Where: "(floor > 0) AND (code <> 'x'::text)", Deferrable: true, InitiallyDeferred: true, Comment: "one booking a slot"}},
	{"exclusion over an expression in parentheses", []string{`ALTER TABLE rooms ADD CONSTRAINT rooms_lower EXCLUDE ((lower(code) || 'x') WITH =)`},
		func(m *metadata.MetaData) any { return *m.Table("", "rooms").Exclusion("rooms_lower") },
		metadata.Exclusion{Name: "rooms_lower", Using: "btree", Elements: []metadata.ExclusionElement{{Expression: "((lower(code) || 'x'::text))", Operator: "="}}}},
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

// TestNotValidConstraintIsModelled: a foreign key or check the database
// holds NOT VALID, over a row that breaks it, is read as not_valid with no
// warning, and rebuilt NOT VALID (pg_dump equal); validating it, as a
// model that said valid would, is refused by the row it let through.
func TestNotValidConstraintIsModelled(t *testing.T) {
	cases := []struct {
		name, ddl, constraint string
		notValid              func(m *metadata.MetaData) bool
	}{
		{"check", `ALTER TABLE rooms ADD CONSTRAINT rooms_floor CHECK (floor >= 0) NOT VALID`, "rooms_floor",
			func(m *metadata.MetaData) bool { return m.Table("", "rooms").Check("rooms_floor").NotValid }},
		{"foreign key", `ALTER TABLE rooms ADD CONSTRAINT rooms_up FOREIGN KEY (floor) REFERENCES rooms (id) NOT VALID`, "rooms_up",
			func(m *metadata.MetaData) bool { return m.Table("", "rooms").ForeignKey("rooms_up").NotValid }},
	}
	d := postgres.Postgres{}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := dbtest.Postgres(t)
			dbtest.Exec(t, src, constraintBase, `ALTER TABLE rooms ADD PRIMARY KEY (id)`, `INSERT INTO rooms (id, floor) VALUES (1, -1)`, tc.ddl)
			in := dialecttest.Inspect(t, d, src.DB)
			assert.Empty(t, in.Warnings)
			require.True(t, tc.notValid(in.MetaData), "read as not_valid")

			dst := dbtest.Postgres(t)
			dialecttest.PlanAndExec(t, d, dst.DB, metadata.New(), dialect.CreateOps(in.MetaData)...)
			require.Equal(t, dbtest.SchemaDump(t, src), dbtest.SchemaDump(t, dst))
			dbtest.Exec(t, dst, `INSERT INTO rooms (id, floor) VALUES (1, 1)`)

			_, err := src.DB.Exec(`ALTER TABLE rooms VALIDATE CONSTRAINT ` + tc.constraint)
			require.Error(t, err, "the old row breaks it: a rebuild that validated would fail")
		})
	}
}

// TestConstraintOptionsAutogen: NOT VALID and comments on constraints
// through autogenerate: made valid is validate_constraint, made NOT VALID
// again is validate_constraint with invalidate (dropped and added back
// NOT VALID, keeping its comment), a NOT VALID or commented constraint
// dropped comes back as it was on the downgrade, a changed comment is
// comment_constraint (no rebuild), a renamed one (the primary key too)
// rename_constraint; each
// upgrade, downgrade and upgrade again gives the
// dumps it should.
func TestConstraintOptionsAutogen(t *testing.T) {
	base := []string{constraintBase, `ALTER TABLE rooms ADD PRIMARY KEY (id)`}
	with := func(ddl ...string) []string { return append(append([]string{}, base...), ddl...) }
	const (
		check        = `ALTER TABLE rooms ADD CONSTRAINT rooms_floor CHECK (floor >= 0)`
		checkNV      = check + ` NOT VALID`
		fk           = `ALTER TABLE rooms ADD CONSTRAINT rooms_up FOREIGN KEY (floor) REFERENCES rooms (id)`
		fkNV         = fk + ` NOT VALID`
		checkComment = `COMMENT ON CONSTRAINT rooms_floor ON rooms IS 'no basements'`
		fkComment    = `COMMENT ON CONSTRAINT rooms_up ON rooms IS 'the room above'`
	)
	dialecttest.RunChanges(t, postgres.Postgres{}, dbtest.Postgres, []dialecttest.Change{
		{Name: "validate check", From: with(checkNV), To: with(check), WantOps: []string{"validate_constraint"}},
		{Name: "invalidate check with comment", From: with(check, checkComment), To: with(checkNV, checkComment), WantOps: []string{"validate_constraint"}},
		{Name: "validate foreign key", From: with(fkNV, fkComment), To: with(fk, fkComment), WantOps: []string{"validate_constraint"}},
		{Name: "add check not valid", From: base, To: with(checkNV), WantOps: []string{"create_check_constraint"}},
		{Name: "drop foreign key not valid", From: with(fkNV), To: base, WantOps: []string{"drop_constraint"}},
		{Name: "drop commented check", From: with(checkNV, checkComment), To: base, WantOps: []string{"drop_constraint"}},
		{Name: "drop commented foreign key", From: with(fk, fkComment), To: base, WantOps: []string{"drop_constraint"}},
		{Name: "remove comment", From: with(check, checkComment), To: with(check), WantOps: []string{"comment_constraint"}},
		{Name: "change comment on a foreign key", From: with(fk, fkComment), To: with(fk, `COMMENT ON CONSTRAINT rooms_up ON rooms IS 'upstairs'`), WantOps: []string{"comment_constraint"}},
		{Name: "comment the primary key", From: base, To: with(`COMMENT ON CONSTRAINT rooms_pkey ON rooms IS 'the key'`), WantOps: []string{"comment_constraint"}},
		{Name: "invalidate and comment", From: with(check, checkComment), To: with(checkNV, `COMMENT ON CONSTRAINT rooms_floor ON rooms IS 'new'`),
			WantOps: []string{"validate_constraint", "comment_constraint"}},
		{Name: "rename check", From: with(checkNV, checkComment), To: with(`ALTER TABLE rooms ADD CONSTRAINT rooms_floor_ok CHECK (floor >= 0) NOT VALID`,
			`COMMENT ON CONSTRAINT rooms_floor_ok ON rooms IS 'no basements'`), WantOps: []string{"rename_constraint"}},
		{Name: "rename foreign key", From: with(fk), To: with(`ALTER TABLE rooms ADD CONSTRAINT rooms_above FOREIGN KEY (floor) REFERENCES rooms (id)`),
			WantOps: []string{"rename_constraint"}},
		{Name: "rename unique", From: with(`ALTER TABLE rooms ADD CONSTRAINT rooms_code UNIQUE (code)`), To: with(`ALTER TABLE rooms ADD CONSTRAINT rooms_code_key2 UNIQUE (code)`),
			WantOps: []string{"rename_constraint"}},
		{Name: "rename the primary key", From: base, To: []string{constraintBase, `ALTER TABLE rooms ADD CONSTRAINT rooms_key PRIMARY KEY (id)`},
			WantOps: []string{"rename_constraint"}},
		{Name: "rename a commented primary key", From: with(`COMMENT ON CONSTRAINT rooms_pkey ON rooms IS 'the key'`),
			To:      []string{constraintBase, `ALTER TABLE rooms ADD CONSTRAINT rooms_key PRIMARY KEY (id)`, `COMMENT ON CONSTRAINT rooms_key ON rooms IS 'the key'`},
			WantOps: []string{"rename_constraint"}},
		{Name: "create table with both", From: nil, To: with(fkNV, fkComment, checkNV, checkComment), WantOps: []string{"create_table"}},
		{Name: "drop table with both", From: with(fkNV, fkComment, checkNV, checkComment), To: nil, WantOps: []string{"drop_table"}},
	})
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

// TestConstraintCommentIsModelled: COMMENT ON CONSTRAINT is read as the
// constraint's comment, with no warning, and written back: after the
// commented constraint is dropped, the downgrade (its create) restores
// the comment; an uncommented one has none.
func TestConstraintCommentIsModelled(t *testing.T) {
	d := postgres.Postgres{}
	src := dbtest.Postgres(t)
	dbtest.Exec(t, src, constraintBase, `ALTER TABLE rooms ADD CONSTRAINT rooms_pk PRIMARY KEY (id)`,
		`ALTER TABLE rooms ADD CONSTRAINT rooms_floor CHECK (floor >= 0)`,
		`COMMENT ON CONSTRAINT rooms_floor ON rooms IS 'no basements'`)
	before := dbtest.SchemaDump(t, src)
	in := dialecttest.Inspect(t, d, src.DB)
	assert.Empty(t, in.Warnings)
	rooms := in.MetaData.Table("", "rooms")
	assert.Equal(t, metadata.Check{Name: "rooms_floor", Expression: "floor >= 0", Comment: "no basements"}, *rooms.Check("rooms_floor"))
	assert.Empty(t, rooms.PrimaryKey.Comment)

	drop := &ops.DropConstraint{TableRef: ops.TableRef{Table: "rooms"}, ConstraintName: "rooms_floor", Type: ops.ConstraintCheck, Check: rooms.Check("rooms_floor").Clone()}
	dialecttest.PlanAndExec(t, d, src.DB, in.MetaData, drop)
	require.NotContains(t, dbtest.SchemaDump(t, src), "no basements")
	down, err := drop.Reverse()
	require.NoError(t, err)
	dialecttest.PlanAndExec(t, d, src.DB, dialecttest.Inspect(t, d, src.DB).MetaData, down)
	require.Equal(t, before, dbtest.SchemaDump(t, src), "the downgrade brings the comment back")
}

// TestExclusionAutogen: an exclusion constraint added, dropped (it comes
// back with its comment on the downgrade) and changed (another predicate,
// another operator) is found by autogenerate; each upgrade, downgrade and
// upgrade again gives the dumps it should.
func TestExclusionAutogen(t *testing.T) {
	base := []string{constraintBase}
	with := func(ddl ...string) []string { return append(append([]string{}, base...), ddl...) }
	const (
		excl    = `ALTER TABLE rooms ADD CONSTRAINT rooms_booked EXCLUDE USING gist (during WITH &&) WHERE (floor > 0)`
		comment = `COMMENT ON CONSTRAINT rooms_booked ON rooms IS 'no double booking'`
	)
	dialecttest.RunChanges(t, postgres.Postgres{}, dbtest.Postgres, []dialecttest.Change{
		{Name: "add", From: base, To: with(excl, comment), WantOps: []string{"create_exclude_constraint"}},
		{Name: "comment", From: with(excl), To: with(excl, comment), WantOps: []string{"comment_constraint"}},
		{Name: "rename", From: with(excl), To: with(`ALTER TABLE rooms ADD CONSTRAINT rooms_one_booking EXCLUDE USING gist (during WITH &&) WHERE (floor > 0)`),
			WantOps: []string{"rename_constraint"}},
		{Name: "drop commented", From: with(excl, comment), To: base, WantOps: []string{"drop_constraint"}},
		{Name: "change predicate", From: with(excl), To: with(`ALTER TABLE rooms ADD CONSTRAINT rooms_booked EXCLUDE USING gist (during WITH &&) WHERE (floor > 1)`),
			WantOps: []string{"drop_constraint", "create_exclude_constraint"}},
		{Name: "change operator", From: with(excl), To: with(`ALTER TABLE rooms ADD CONSTRAINT rooms_booked EXCLUDE USING gist (during WITH =) WHERE (floor > 0)`),
			WantOps: []string{"drop_constraint", "create_exclude_constraint"}},
		{Name: "create table with it", From: nil, To: with(excl, comment), WantOps: []string{"create_table"}},
	})
}

// TestExclusionRefusesOverlap: the rebuilt constraint behaves as the
// original, refusing a second booking that overlaps the first.
func TestExclusionRefusesOverlap(t *testing.T) {
	d := postgres.Postgres{}
	src := dbtest.Postgres(t)
	dbtest.Exec(t, src, constraintBase, `ALTER TABLE rooms ADD CONSTRAINT rooms_booked EXCLUDE USING gist (during WITH &&)`)
	dst := dbtest.Postgres(t)
	dialecttest.PlanAndExec(t, d, dst.DB, metadata.New(), dialect.CreateOps(dialecttest.Inspect(t, d, src.DB).MetaData)...)
	dbtest.Exec(t, dst, `INSERT INTO rooms (id, during) VALUES (1, '[2026-01-01,2026-01-03)')`)
	_, err := dst.DB.Exec(`INSERT INTO rooms (id, during) VALUES (2, '[2026-01-02,2026-01-04)')`)
	require.Error(t, err, "an overlapping booking is refused")
	assert.Contains(t, err.Error(), "rooms_booked")
}

// TestNotValidPlan: NOT VALID, said by the op or by the constraint, is
// planned for a named and an unnamed constraint alike, and a new table's
// NOT VALID check comes after its CREATE TABLE.
func TestNotValidPlan(t *testing.T) {
	rooms := &metadata.Table{Name: "rooms", Columns: []*metadata.Column{{Name: "id", Type: metadata.IntegerType}, {Name: "floor", Type: metadata.IntegerType}}}
	state := &metadata.MetaData{Tables: []*metadata.Table{rooms}}
	r := ops.TableRef{Table: "rooms"}
	withCheck := rooms.Clone()
	withCheck.Checks = []*metadata.Check{{Name: "rooms_floor", Expression: "floor >= 0", NotValid: true, Comment: "no basements"}}
	cases := []struct {
		name string
		op   ops.Op
		want []string
	}{
		{"op flag, named", &ops.CreateCheckConstraint{TableRef: r, NotValid: true, Check: &metadata.Check{Name: "rooms_floor", Expression: "floor >= 0"}},
			[]string{`ALTER TABLE "rooms" ADD CONSTRAINT "rooms_floor" CHECK (floor >= 0) NOT VALID`}},
		{"model flag, unnamed", &ops.CreateCheckConstraint{TableRef: r, Check: &metadata.Check{Expression: "floor >= 0", NotValid: true}},
			[]string{`ALTER TABLE "rooms" ADD CHECK (floor >= 0) NOT VALID`}},
		{"foreign key named by the convention", &ops.CreateForeignKey{TableRef: r, ForeignKey: &metadata.ForeignKey{Columns: []string{"floor"}, RefTable: "rooms", RefColumns: []string{"id"}, NotValid: true}},
			[]string{`ALTER TABLE "rooms" ADD CONSTRAINT "fk_rooms_floor_rooms" FOREIGN KEY ("floor") REFERENCES "rooms" ("id") NOT VALID`}},
		{"new table", &ops.CreateTable{Table: withCheck}, []string{
			"CREATE TABLE \"rooms\" (\n    \"id\" integer NOT NULL,\n    \"floor\" integer NOT NULL\n)",
			`ALTER TABLE "rooms" ADD CONSTRAINT "rooms_floor" CHECK (floor >= 0) NOT VALID`,
			`COMMENT ON CONSTRAINT "rooms_floor" ON "rooms" IS 'no basements'`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st := state
			if _, ok := tc.op.(*ops.CreateTable); ok {
				st = metadata.New()
			}
			assert.Equal(t, tc.want, planSQL(t, postgres.Postgres{}, st, tc.op))
		})
	}
}
