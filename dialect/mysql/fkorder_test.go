package mysql

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// TestForeignKeyIndexReplaced is issue 22's Kanboard ordering case: the
// index a foreign key relies on is replaced by another key whose columns
// start with the key's (a primary key, an index, a unique constraint), or
// the other way round. Autogenerate drops keys before it creates them; the
// planner puts the replacing key first, in the drop's ALTER TABLE, so the
// foreign key is never without an index (MariaDB would refuse the drop, or
// make an index of its own named after the key), and no foreign key is
// dropped and added again (but to have the server make its own index
// again, where A had one). The ops and their exact reverse run on the
// server and give each side back as it reads.
func TestForeignKeyIndexReplaced(t *testing.T) {
	const parent = "CREATE TABLE p (id INT PRIMARY KEY)"
	tests := []struct {
		name, a, b  string
		serverIndex bool // A's key has the server's index: the downgrade drops the key and adds it again, for the server to make one
	}{
		{"index to primary key",
			"CREATE TABLE c (t INT NOT NULL, g INT NOT NULL, KEY t (t), CONSTRAINT c_ibfk_1 FOREIGN KEY (t) REFERENCES p (id))",
			"CREATE TABLE c (t INT NOT NULL, g INT NOT NULL, PRIMARY KEY (t, g), CONSTRAINT c_ibfk_1 FOREIGN KEY (t) REFERENCES p (id))", false},
		{"index to wider index",
			"CREATE TABLE c (t INT NOT NULL, g INT NOT NULL, KEY t (t), CONSTRAINT c_ibfk_1 FOREIGN KEY (t) REFERENCES p (id))",
			"CREATE TABLE c (t INT NOT NULL, g INT NOT NULL, KEY tg (t, g), CONSTRAINT c_ibfk_1 FOREIGN KEY (t) REFERENCES p (id))", false},
		{"index to unique",
			"CREATE TABLE c (t INT NOT NULL, g INT NOT NULL, KEY t (t), CONSTRAINT c_ibfk_1 FOREIGN KEY (t) REFERENCES p (id))",
			"CREATE TABLE c (t INT NOT NULL, g INT NOT NULL, UNIQUE KEY tg (t, g), CONSTRAINT c_ibfk_1 FOREIGN KEY (t) REFERENCES p (id))", false},
		{"server's index to index",
			"CREATE TABLE c (t INT NOT NULL, g INT NOT NULL, CONSTRAINT fk_t FOREIGN KEY (t) REFERENCES p (id))",
			"CREATE TABLE c (t INT NOT NULL, g INT NOT NULL, KEY tg (t, g), CONSTRAINT fk_t FOREIGN KEY (t) REFERENCES p (id))", true},
		{"primary key to another",
			"CREATE TABLE c (t INT NOT NULL, g INT NOT NULL, PRIMARY KEY (t, g), CONSTRAINT c_ibfk_1 FOREIGN KEY (t) REFERENCES p (id))",
			"CREATE TABLE c (t INT NOT NULL, g INT NOT NULL, PRIMARY KEY (t), KEY g (g), CONSTRAINT c_ibfk_1 FOREIGN KEY (t) REFERENCES p (id))", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := dbtest.MySQL(t), dbtest.MySQL(t)
			dbtest.Exec(t, a, parent, tc.a)
			dbtest.Exec(t, b, parent, tc.b)
			before, want := inspect(t, a).MetaData, inspect(t, b).MetaData
			res, err := autogen.Compare(want, before, testDialect, autogen.Options{})
			require.NoError(t, err)
			noForeignKeyDropped(t, run(t, a, before, res.Ops...))
			requireSameSchema(t, want, inspect(t, a).MetaData)
			requireSameSchema(t, want, testDialect.Normalize(foldOps(t, before, res.Ops)))
			var down []ops.Op
			for i := len(res.Ops) - 1; i >= 0; i-- {
				r, err := res.Ops[i].Reverse()
				require.NoError(t, err)
				down = append(down, r)
			}
			stmts := run(t, a, want, down...)
			if !tc.serverIndex {
				noForeignKeyDropped(t, stmts)
			}
			requireSameSchema(t, before, inspect(t, a).MetaData)
		})
	}
}

// foldOps applies list to a copy of m.
func foldOps(t *testing.T, m *metadata.MetaData, list []ops.Op) *metadata.MetaData {
	t.Helper()
	c := m.Clone()
	for _, o := range list {
		require.NoError(t, ops.Apply(c, o), o.Name())
	}
	return c
}

func noForeignKeyDropped(t *testing.T, stmts []dialect.Statement) {
	t.Helper()
	for _, s := range stmts {
		require.NotContains(t, s.SQL, "DROP FOREIGN KEY", "the replacing key comes first")
	}
}
