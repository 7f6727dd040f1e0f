package retort_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort/internal/dbtest"
)

// modeHistory: r1 makes parents and children (one child per parent, and
// an orphan when orphan); r2 is the one op given.
func modeHistory(op string, orphan bool) fstest.MapFS {
	rows := "(1, 1, 'a')"
	if orphan {
		rows += ", (2, 99, 'b')"
	}
	return fstest.MapFS{
		"versions/r1_t.yaml": {Data: []byte(`revision: r1
down_revision: null
upgrade:
  - create_table: {name: parents, columns: [{name: id, type: bigint, primary_key: true}]}
  - create_table: {name: children, columns: [{name: id, type: bigint, primary_key: true}, {name: parent_id, type: bigint}, {name: v, type: varchar(10)}, {name: n, type: integer}]}
  - execute: "INSERT INTO parents (id) VALUES (1)"
  - execute: "INSERT INTO children (id, parent_id, v) VALUES ` + rows + `"
downgrade:
  - drop_table: {name: children}
  - drop_table: {name: parents}
`)},
		"versions/r2_t.yaml": {Data: []byte(`revision: r2
down_revision: r1
upgrade:
  - ` + op + `
downgrade: []
`)},
	}
}

// TestAlterModes (MariaDB): algorithm: and lock: reach the server as
// ALGORITHM= and LOCK= clauses; a change the server cannot make so is
// refused with the server's reason and the revision is not recorded, so
// nothing degrades to a copy under a lock. A foreign key added INPLACE
// runs with foreign_key_checks off for its statement and then checks the
// old rows.
func TestAlterModes(t *testing.T) {
	cases := []struct {
		name, op string
		orphan   bool
		sql      string // a statement the upgrade runs
		refused  string // the error's text when the server refuses
	}{
		{name: "add column instant", op: `add_column: {table: children, column: {name: x, type: integer}, algorithm: INSTANT}`,
			sql: "ALTER TABLE `children` ADD COLUMN `x` int, ALGORITHM=INSTANT"},
		{name: "widen varchar inplace", op: `alter_column: {table: children, column: v, type: varchar(20), existing_type: varchar(10), algorithm: inplace, lock: none}`,
			sql: "ALTER TABLE `children` MODIFY COLUMN `v` varchar(20), ALGORITHM=INPLACE, LOCK=NONE"},
		{name: "int to bigint instant refused", op: `alter_column: {table: children, column: n, type: bigint, existing_type: integer, algorithm: INSTANT}`,
			refused: "ALGORITHM=INSTANT is not supported"},
		{name: "index lock none", op: `create_index: {name: ix_children_v, table: children, columns: [v], algorithm: INPLACE, lock: NONE}`,
			sql: "CREATE INDEX `ix_children_v` ON `children` (`v`) ALGORITHM=INPLACE LOCK=NONE"},
		{name: "drop column copy", op: `drop_column: {table: children, column: n, algorithm: COPY, lock: SHARED}`,
			sql: "ALTER TABLE `children` DROP COLUMN `n`, ALGORITHM=COPY, LOCK=SHARED"},
		{name: "foreign key inplace", op: `create_foreign_key: {name: fk_children_parent, table: children, columns: [parent_id], ref_table: parents, ref_columns: [id], algorithm: INPLACE, lock: NONE}`,
			sql: "/*M!100301 SET STATEMENT foreign_key_checks=0 FOR */ ALTER TABLE `children` ADD CONSTRAINT `fk_children_parent` FOREIGN KEY (`parent_id`) REFERENCES `parents` (`id`), ALGORITHM=INPLACE, LOCK=NONE"},
		{name: "foreign key inplace over an orphan", op: `create_foreign_key: {name: fk_children_parent, table: children, columns: [parent_id], ref_table: parents, ref_columns: [id], algorithm: INPLACE, lock: NONE}`,
			orphan: true, refused: "a row references no parent row"},
		{name: "check lock none refused", op: `create_check_constraint: {name: ck_n, table: children, expression: n > 0, algorithm: INPLACE, lock: NONE}`,
			refused: "is not supported"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := dbtest.MySQL(t)
			sqls, log := statementLog()
			r := newRunner(t, db, modeHistory(tc.op, tc.orphan), log)
			if err := r.Upgrade(ctx(t), "r1"); err != nil {
				t.Fatal(err)
			}
			err := r.Upgrade(ctx(t), "r2")
			if tc.refused != "" {
				if err == nil || !strings.Contains(err.Error(), tc.refused) {
					t.Fatalf("error %v, want one saying %q", err, tc.refused)
				}
				if got := heads(t, r); got != "r1" {
					t.Errorf("heads %s after the refusal, want r1", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(*sqls, "\n"); !strings.Contains(got, tc.sql) {
				t.Errorf("statements:\n%s\nwant them to hold:\n%s", got, tc.sql)
			}
		})
	}
}

// TestAlterModesRefused: PostgreSQL and SQLite have no ALGORITHM= or
// LOCK=; a revision that asks for them is refused before it runs.
func TestAlterModesRefused(t *testing.T) {
	for _, name := range []string{dbtest.DialectPostgres, dbtest.DialectSQLite} {
		t.Run(name, func(t *testing.T) {
			db := dbtest.Open(t, name)
			r := newRunner(t, db, modeHistory(`add_column: {table: children, column: {name: x, type: integer}, algorithm: INSTANT}`, false))
			if err := r.Upgrade(ctx(t), "r1"); err != nil {
				t.Fatal(err)
			}
			err := r.Upgrade(ctx(t), "r2")
			if err == nil || !strings.Contains(err.Error(), "algorithm: and lock: are MySQL/MariaDB's") {
				t.Fatalf("error %v", err)
			}
			if got := heads(t, r); got != "r1" {
				t.Errorf("heads %s", got)
			}
		})
	}
}
