package autogen_test

import (
	"testing"
)

const roomsBase = `CREATE TABLE rooms (id integer NOT NULL, code text, floor integer, during tsrange)`

// constraintCases are PostgreSQL's constraint options added, changed and
// dropped (issue 15).
var constraintCases = []viewCase{
	{name: "make a unique deferrable",
		from:    map[string][]string{"postgres": {roomsBase, `ALTER TABLE rooms ADD CONSTRAINT rooms_code UNIQUE (code)`}},
		to:      map[string][]string{"postgres": {roomsBase, `ALTER TABLE rooms ADD CONSTRAINT rooms_code UNIQUE (code) DEFERRABLE INITIALLY DEFERRED`}},
		wantOps: map[string][]string{"postgres": {"drop_constraint", "create_unique_constraint"}}},
	{name: "make a primary key deferrable",
		from:    map[string][]string{"postgres": {roomsBase, `ALTER TABLE rooms ADD CONSTRAINT rooms_pk PRIMARY KEY (id)`}},
		to:      map[string][]string{"postgres": {roomsBase, `ALTER TABLE rooms ADD CONSTRAINT rooms_pk PRIMARY KEY (id) DEFERRABLE`}},
		wantOps: map[string][]string{"postgres": {"drop_constraint", "create_primary_key"}}},
	{name: "add a deferrable unique",
		from:    map[string][]string{"postgres": {roomsBase}},
		to:      map[string][]string{"postgres": {roomsBase, `ALTER TABLE rooms ADD CONSTRAINT rooms_code UNIQUE (code) DEFERRABLE`}},
		wantOps: map[string][]string{"postgres": {"create_unique_constraint"}}},
	{name: "make a unique nulls not distinct",
		from:    map[string][]string{"postgres": {roomsBase, `ALTER TABLE rooms ADD CONSTRAINT rooms_code UNIQUE (code, floor)`}},
		to:      map[string][]string{"postgres": {roomsBase, `ALTER TABLE rooms ADD CONSTRAINT rooms_code UNIQUE NULLS NOT DISTINCT (code, floor)`}},
		wantOps: map[string][]string{"postgres": {"drop_constraint", "create_unique_constraint"}}},
	{name: "add and drop nulls not distinct uniques",
		from:    map[string][]string{"postgres": {roomsBase, `ALTER TABLE rooms ADD CONSTRAINT rooms_floor UNIQUE NULLS NOT DISTINCT (floor)`}},
		to:      map[string][]string{"postgres": {roomsBase, `ALTER TABLE rooms ADD CONSTRAINT rooms_code UNIQUE NULLS NOT DISTINCT (code)`}},
		wantOps: map[string][]string{"postgres": {"drop_constraint", "create_unique_constraint"}}},
	{name: "make a check no inherit",
		from:    map[string][]string{"postgres": {roomsBase, `ALTER TABLE rooms ADD CONSTRAINT rooms_floor CHECK (floor >= 0)`}},
		to:      map[string][]string{"postgres": {roomsBase, `ALTER TABLE rooms ADD CONSTRAINT rooms_floor CHECK (floor >= 0) NO INHERIT`}},
		wantOps: map[string][]string{"postgres": {"drop_constraint", "create_check_constraint"}}},
	{name: "add a no inherit check, drop another",
		from:    map[string][]string{"postgres": {roomsBase, `ALTER TABLE rooms ADD CONSTRAINT rooms_id CHECK (id > 0) NO INHERIT`}},
		to:      map[string][]string{"postgres": {roomsBase, `ALTER TABLE rooms ADD CONSTRAINT rooms_floor CHECK (floor >= 0) NO INHERIT`}},
		wantOps: map[string][]string{"postgres": {"drop_constraint", "create_check_constraint"}}},
	{name: "drop a deferred unique",
		from:    map[string][]string{"postgres": {roomsBase, `ALTER TABLE rooms ADD CONSTRAINT rooms_code UNIQUE (code) DEFERRABLE INITIALLY DEFERRED`}},
		to:      map[string][]string{"postgres": {roomsBase}},
		wantOps: map[string][]string{"postgres": {"drop_constraint"}}},
}

// TestAutogenerateConstraints: for each PostgreSQL constraint option,
// autogenerate's ops upgrade, downgrade and upgrade again with equal
// pg_dumps at each step.
func TestAutogenerateConstraints(t *testing.T) {
	runSchemaCases(t, constraintCases)
}
