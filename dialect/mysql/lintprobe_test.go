package mysql_test

import (
	"context"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/internal/dbtest"
)

const probeSetup = `
CREATE TABLE parent (id int PRIMARY KEY, code varchar(10));
CREATE TABLE t (id int PRIMARY KEY, a int, v varchar(10), s text, p int, c int, d int NOT NULL DEFAULT 0, KEY ix_t_a (a));
INSERT INTO parent VALUES (1,'a'),(2,'b'),(3,'c');
INSERT INTO t VALUES (1,1,'x','s',1,1,0),(2,2,'y','s',2,2,0),(3,3,'z','s',3,3,0);
`

// TestProbeStatementKinds runs each ALTER on a populated table: the
// algorithm and lock level reported are the first the server accepted,
// and a rebuild (new InnoDB table id) is reported as a rewrite.
func TestProbeStatementKinds(t *testing.T) {
	cases := []struct {
		name, sql       string
		algorithm, lock string
		rewrite         bool
	}{
		{"add column last", "ALTER TABLE t ADD COLUMN x int", "INSTANT", "NONE", false},
		{"add column default", "ALTER TABLE t ADD COLUMN x int NOT NULL DEFAULT 7", "INSTANT", "NONE", false},
		{"add column first", "ALTER TABLE t ADD COLUMN x int FIRST", "INSTANT", "NONE", false},
		{"drop column", "ALTER TABLE t DROP COLUMN s", "INSTANT", "NONE", false},
		{"rename column", "ALTER TABLE t RENAME COLUMN s TO s2", "INSTANT", "NONE", false},
		{"set default", "ALTER TABLE t ALTER COLUMN a SET DEFAULT 1", "INSTANT", "NONE", false},
		{"varchar widen", "ALTER TABLE t MODIFY v varchar(20)", "INSTANT", "NONE", false},
		{"varchar widen past 255", "ALTER TABLE t MODIFY v varchar(300)", "INSTANT", "NONE", false},
		{"int to bigint", "ALTER TABLE t MODIFY a bigint", "COPY", "SHARED", true},
		{"set not null", "ALTER TABLE t MODIFY a int NOT NULL", "INPLACE", "NONE", true},
		{"drop not null", "ALTER TABLE t MODIFY d int NULL", "INPLACE", "NONE", true},
		{"add index", "ALTER TABLE t ADD INDEX ix_v (v)", "INPLACE", "NONE", false},
		{"create index", "CREATE INDEX ix_v ON t (v)", "INPLACE", "NONE", false},
		{"add unique", "ALTER TABLE t ADD UNIQUE KEY ux_a (a)", "INPLACE", "NONE", false},
		{"drop index", "ALTER TABLE t DROP INDEX ix_t_a", "INPLACE", "NONE", false},
		{"rename index", "ALTER TABLE t RENAME INDEX ix_t_a TO ix_t_a2", "INSTANT", "NONE", false},
		{"add foreign key", "ALTER TABLE t ADD CONSTRAINT fk_p FOREIGN KEY (p) REFERENCES parent (id)", "COPY", "SHARED", true},
		{"add check", "ALTER TABLE t ADD CONSTRAINT ck_a CHECK (a > 0)", "COPY", "SHARED", true},
		{"drop primary key add new", "ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (id, a)", "INPLACE", "NONE", true},
		{"table comment", "ALTER TABLE t COMMENT = 'x'", "INSTANT", "NONE", false},
		{"column comment", "ALTER TABLE t MODIFY c int COMMENT 'x'", "INSTANT", "NONE", false},
		{"rename table", "ALTER TABLE t RENAME TO t2", "INSTANT", "NONE", false},
		{"force rebuild", "ALTER TABLE t FORCE", "INPLACE", "NONE", true},
		{"change engine row format", "ALTER TABLE t ROW_FORMAT=COMPACT", "INPLACE", "NONE", true},
		{"convert charset", "ALTER TABLE t CONVERT TO CHARACTER SET latin1", "COPY", "SHARED", true},
	}
	ctx := context.Background()
	var d dialect.LockProber = &mysql.Dialect{}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := dbtest.MySQL(t)
			dbtest.Exec(t, db, probeSetup)
			p, err := d.ProbeStatement(ctx, db.DB, dialect.Statement{SQL: tc.sql})
			if err != nil {
				t.Fatalf("%s: %v", tc.sql, err)
			}
			if p.Algorithm != tc.algorithm || p.LockLevel != tc.lock {
				t.Errorf("%s: ALGORITHM=%s LOCK=%s, want %s %s", tc.sql, p.Algorithm, p.LockLevel, tc.algorithm, tc.lock)
			}
			if got := len(p.Rewritten) > 0; got != tc.rewrite {
				t.Errorf("%s: rewritten %v, want rewrite=%v", tc.sql, p.Rewritten, tc.rewrite)
			}
		})
	}
}
