package sqlite

import (
	"path/filepath"
	"sort"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/metadata"
	"github.com/stretchr/testify/require"
)

// TestRealWorld is issue 4's must-show 5 for SQLite: each real-world
// schema is loaded, inspected, written as schema.yaml and read back,
// created from that in a second database, and inspected again: the two
// inspections are the same schema.yaml. What the model does not hold is
// warned about.
func TestRealWorld(t *testing.T) {
	t.Parallel()
	dir := dbtest.RealWorldDir(t)
	for _, name := range []string{"chinook.sqlite.sql", "chinook-autoincrement.sqlite.sql", "sakila.sqlite.sql", "synapse.sqlite.sql"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src := dbtest.SQLite(t)
			if name == "synapse.sqlite.sql" {
				if _, err := src.Exec(`CREATE VIRTUAL TABLE probe USING fts4(x)`); err != nil {
					t.Skipf("this SQLite build lacks what the schema needs: %v", err)
				}
				_, _ = src.Exec(`DROP TABLE probe`)
			}
			dbtest.LoadSQLFile(t, src, filepath.Join(dir, name))
			first := inspect(t, src.DB)
			require.NotEmpty(t, first.MetaData.Tables)
			for _, w := range first.Warnings {
				t.Logf("warning: %s", w)
			}

			yaml, err := metadata.Write(first.MetaData)
			require.NoError(t, err)
			model, err := metadata.Read("schema.yaml", yaml)
			require.NoError(t, err, "%s", yaml)

			dst := freshDB(t)
			apply(t, dst, metadata.New(), dialect.CreateOpsFor(sqliteDialect, model)...)
			second := inspect(t, dst)
			// schema.yaml leaves out the names the naming convention
			// gives: the second database has them where the first had
			// none, which is the same schema.yaml.
			again, err := metadata.Write(sortedTables(second.MetaData))
			require.NoError(t, err)
			yaml, err = metadata.Write(sortedTables(first.MetaData))
			require.NoError(t, err)
			require.Equal(t, string(yaml), string(again))
		})
	}
}

// sortedTables returns m with its tables in name order: a recreate from a
// model creates them in foreign key order, not the original one.
func sortedTables(m *metadata.MetaData) *metadata.MetaData {
	c := m.Clone()
	byName := map[string]*metadata.Table{}
	var names []string
	for _, t := range c.Tables {
		byName[t.Name] = t
		names = append(names, t.Name)
	}
	sort.Strings(names)
	c.Tables = c.Tables[:0]
	for _, n := range names {
		c.Tables = append(c.Tables, byName[n])
	}
	return c
}
