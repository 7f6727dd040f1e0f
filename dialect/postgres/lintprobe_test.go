package postgres_test

import (
	"context"
	"slices"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/dbtest"
)

// probeSetup is the populated schema every probe case starts from.
const probeSetup = `
CREATE TABLE parent (id int PRIMARY KEY, code text);
CREATE TABLE t (id int PRIMARY KEY, a int, v varchar(10), n numeric(10,2), s text, p int,
  c int);
ALTER TABLE t ADD CONSTRAINT c_pos CHECK (c > 0) NOT VALID;
ALTER TABLE t ADD CONSTRAINT fk_nv FOREIGN KEY (p) REFERENCES parent(id) NOT VALID;
CREATE INDEX ix_t_a ON t (a);
CREATE TABLE part (id int, k int) PARTITION BY RANGE (k);
CREATE TABLE part_1 (id int, k int);
CREATE TYPE mood AS ENUM ('ok');
INSERT INTO parent SELECT g, 'c' || g FROM generate_series(1, 50) g;
INSERT INTO t SELECT g, g, 'x', g, 's', g, g FROM generate_series(1, 50) g;
INSERT INTO part_1 SELECT g, 5 FROM generate_series(1, 5) g;
`

// TestProbeStatementKinds runs each statement on a populated table and
// checks the lock mode read from pg_locks by a second connection and the
// rewrite (relfilenode changed) and scan flags against PostgreSQL 15's
// behaviour.
func TestProbeStatementKinds(t *testing.T) {
	cases := []struct {
		name, sql string
		noTx      bool
		rel, mode string
		rewrite   bool
		scan      bool
	}{
		{"add column no default", "ALTER TABLE t ADD COLUMN x int", false, "t", "AccessExclusiveLock", false, false},
		{"add column constant default", "ALTER TABLE t ADD COLUMN x int DEFAULT 7", false, "t", "AccessExclusiveLock", false, false},
		{"add column volatile default", "ALTER TABLE t ADD COLUMN x double precision DEFAULT random()", false, "t", "AccessExclusiveLock", true, false},
		{"add column not null default", "ALTER TABLE t ADD COLUMN x int NOT NULL DEFAULT 0", false, "t", "AccessExclusiveLock", false, false},
		{"add column generated stored", "ALTER TABLE t ADD COLUMN x int GENERATED ALWAYS AS (a * 2) STORED", false, "t", "AccessExclusiveLock", true, false},
		{"drop column", "ALTER TABLE t DROP COLUMN s", false, "t", "AccessExclusiveLock", false, false},
		{"set not null", "ALTER TABLE t ALTER COLUMN a SET NOT NULL", false, "t", "AccessExclusiveLock", false, true},
		{"drop not null", "ALTER TABLE t ALTER COLUMN v DROP NOT NULL", false, "t", "AccessExclusiveLock", false, false},
		{"int to bigint", "ALTER TABLE t ALTER COLUMN a TYPE bigint", false, "t", "AccessExclusiveLock", true, false},
		{"varchar widen", "ALTER TABLE t ALTER COLUMN v TYPE varchar(20)", false, "t", "AccessExclusiveLock", false, false},
		{"varchar to text", "ALTER TABLE t ALTER COLUMN v TYPE text", false, "t", "AccessExclusiveLock", false, false},
		{"varchar narrow", "ALTER TABLE t ALTER COLUMN v TYPE varchar(5)", false, "t", "AccessExclusiveLock", true, false},
		{"numeric widen precision", "ALTER TABLE t ALTER COLUMN n TYPE numeric(12,2)", false, "t", "AccessExclusiveLock", false, false},
		{"set default", "ALTER TABLE t ALTER COLUMN a SET DEFAULT 1", false, "t", "AccessExclusiveLock", false, false},
		{"create index", "CREATE INDEX ix_t_v ON t (v)", false, "t", "ShareLock", false, true},
		{"create unique index", "CREATE UNIQUE INDEX ux_t_a ON t (a)", false, "t", "ShareLock", false, true},
		{"create index concurrently", "CREATE INDEX CONCURRENTLY ix_t_c ON t (c)", true, "t", "ShareUpdateExclusiveLock", false, false},
		{"drop index", "DROP INDEX ix_t_a", false, "ix_t_a", "AccessExclusiveLock", false, false},
		{"add foreign key", "ALTER TABLE t ADD CONSTRAINT fk_p FOREIGN KEY (p) REFERENCES parent(id)", false, "t", "ShareRowExclusiveLock", false, true},
		{"add foreign key not valid", "ALTER TABLE t ADD CONSTRAINT fk_p FOREIGN KEY (p) REFERENCES parent(id) NOT VALID", false, "t", "ShareRowExclusiveLock", false, false},
		{"validate foreign key", "ALTER TABLE t VALIDATE CONSTRAINT fk_nv", false, "t", "ShareUpdateExclusiveLock", false, true},
		{"add check", "ALTER TABLE t ADD CONSTRAINT ck_a CHECK (a > 0)", false, "t", "AccessExclusiveLock", false, true},
		{"add check not valid", "ALTER TABLE t ADD CONSTRAINT ck_a CHECK (a > 0) NOT VALID", false, "t", "AccessExclusiveLock", false, false},
		{"validate check", "ALTER TABLE t VALIDATE CONSTRAINT c_pos", false, "t", "ShareUpdateExclusiveLock", false, true},
		{"add unique constraint", "ALTER TABLE t ADD CONSTRAINT uq_a UNIQUE (a)", false, "t", "AccessExclusiveLock", false, true},
		{"add primary key using index", "ALTER TABLE parent DROP CONSTRAINT parent_pkey CASCADE", false, "parent", "AccessExclusiveLock", false, false},
		{"drop constraint", "ALTER TABLE t DROP CONSTRAINT c_pos", false, "t", "AccessExclusiveLock", false, false},
		{"rename column", "ALTER TABLE t RENAME COLUMN s TO s2", false, "t", "AccessExclusiveLock", false, false},
		{"rename table", "ALTER TABLE t RENAME TO t2", false, "t", "AccessExclusiveLock", false, false},
		{"set comment", "COMMENT ON TABLE t IS 'x'", false, "t", "ShareUpdateExclusiveLock", false, false},
		{"attach partition", "ALTER TABLE part ATTACH PARTITION part_1 FOR VALUES FROM (0) TO (10)", false, "part", "ShareUpdateExclusiveLock", false, true},
		{"set statistics", "ALTER TABLE t ALTER COLUMN a SET STATISTICS 200", false, "t", "ShareUpdateExclusiveLock", false, false},
		{"vacuum full", "VACUUM FULL t", true, "t", "AccessExclusiveLock", true, false},
		{"cluster", "CLUSTER t USING t_pkey", false, "t", "AccessExclusiveLock", true, false},
		{"truncate", "TRUNCATE t CASCADE", false, "t", "AccessExclusiveLock", true, false},
		{"update all rows", "UPDATE t SET a = a + 1", false, "t", "RowExclusiveLock", false, true},
		{"set logged off", "ALTER TABLE t SET UNLOGGED", false, "t", "AccessExclusiveLock", true, false},
		{"add enum value", "ALTER TYPE mood ADD VALUE 'sad'", false, "", "", false, false},
	}
	ctx := context.Background()
	var d dialect.LockProber = postgres.Postgres{}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := dbtest.Postgres(t)
			dbtest.Exec(t, db, probeSetup)
			p, err := d.ProbeStatement(ctx, db.DB, dialect.Statement{SQL: tc.sql, NoTransaction: tc.noTx})
			if err != nil {
				t.Fatalf("%s: %v", tc.sql, err)
			}
			if !p.Measured {
				t.Fatalf("not measured: %+v", p)
			}
			if tc.rel != "" {
				i := slices.IndexFunc(p.Locks, func(l dialect.RelationLock) bool { return l.Relation == tc.rel })
				if i < 0 || p.Locks[i].Mode != tc.mode {
					t.Errorf("%s: locks %v, want %s on %s", tc.sql, p.Locks, tc.mode, tc.rel)
				}
			} else if len(p.Locks) != 0 {
				t.Errorf("%s: locks %v, want none on a table", tc.sql, p.Locks)
			}
			if got := len(p.Rewritten) > 0; got != tc.rewrite {
				t.Errorf("%s: rewritten %v, want rewrite=%v", tc.sql, p.Rewritten, tc.rewrite)
			}
			if got := len(p.Scanned) > 0; got != tc.scan && !tc.noTx {
				t.Errorf("%s: scanned %v, want scan=%v", tc.sql, p.Scanned, tc.scan)
			}
		})
	}
}
