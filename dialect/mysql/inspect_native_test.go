package mysql

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/metadata"
)

// TestInspectNativeSpellings creates columns with MySQL's own spellings by
// hand and checks the canonical type and default reflection gives them.
func TestInspectNativeSpellings(t *testing.T) {
	cases := []struct {
		ddl      string // column definition after the column name
		typ      string // canonical type, as metadata.Type.String
		def      string // canonical default
		nullable bool
	}{
		{"INT(11) NOT NULL", "integer", "", false},
		{"INTEGER DEFAULT 7", "integer", "7", true},
		{"INT(10) UNSIGNED", "int unsigned", "", true},
		{"BIGINT(20) NOT NULL DEFAULT '0'", "bigint", "0", false},
		{"BIGINT UNSIGNED", "bigint unsigned", "", true},
		{"SMALLINT(6) DEFAULT -1", "smallint", "-1", true},
		{"MEDIUMINT", "mediumint", "", true},
		{"TINYINT(1) NOT NULL DEFAULT 1", "boolean", "true", false},
		{"BOOL DEFAULT FALSE", "boolean", "false", true},
		{"BOOLEAN DEFAULT '0'", "boolean", "false", true},
		{"TINYINT(4)", "tinyint", "", true},
		{"TINYINT UNSIGNED", "tinyint unsigned", "", true},
		{"DECIMAL(10,2) NOT NULL DEFAULT 0", "numeric(10,2)", "0", false},
		{"DECIMAL(10,2) DEFAULT 1.50", "numeric(10,2)", "1.5", true},
		{"NUMERIC", "numeric(10)", "", true},
		{"DECIMAL(65,30)", "numeric", "", true},
		{"FLOAT", "real", "", true},
		{"FLOAT(30)", "double", "", true},
		{"DOUBLE DEFAULT 0", "double", "0", true},
		{"DOUBLE PRECISION", "double", "", true},
		{"REAL", "double", "", true},
		{"VARCHAR(255) NOT NULL DEFAULT ''", "varchar(255)", "''", false},
		{"VARCHAR(20) DEFAULT 'it''s'", "varchar(20)", `'it''s'`, true},
		{`VARCHAR(20) DEFAULT 'back\\slash'`, "varchar(20)", `'back\\slash'`, true},
		{"CHARACTER VARYING(20)", "varchar(20)", "", true},
		{"CHAR(36)", "char(36)", "", true},
		{"CHAR", "char(1)", "", true},
		{"TEXT", "text", "", true},
		{"LONGTEXT", "text", "", true},
		{"MEDIUMTEXT", "mediumtext", "", true},
		{"TINYTEXT", "tinytext", "", true},
		{"BLOB", "blob", "", true},
		{"LONGBLOB", "blob", "", true},
		{"MEDIUMBLOB", "mediumblob", "", true},
		{"VARBINARY(16)", "varbinary(16)", "", true},
		{"BINARY(16)", "binary(16)", "", true},
		{"DATE DEFAULT '2020-01-02'", "date", "'2020-01-02'", true},
		{"TIME", "time", "", true},
		{"TIME(6)", "time", "", true},
		{"DATETIME", "datetime", "", true},
		{"DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)", "timestamp", "CURRENT_TIMESTAMP", false},
		{"DATETIME DEFAULT now()", "datetime", "CURRENT_TIMESTAMP", true},
		{"DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)", "datetime(3)", "CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP", true},
		{"TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP", "timestamp", "CURRENT_TIMESTAMP", false},
		{"YEAR", "year", "", true},
		{"JSON", "json", "", true},
		{"CHAR(36) DEFAULT (uuid())", "char(36)", "uuid()", true},
		{"INT DEFAULT NULL", "integer", "", true},
		{"SET('a','b') DEFAULT 'a'", "set('a','b')", "'a'", true},
	}
	db := dbtest.MySQL(t)
	var cols []string
	for i, c := range cases {
		cols = append(cols, fmt.Sprintf("c%d %s", i, c.ddl))
	}
	ddl := "CREATE TABLE native (" + strings.Join(cols, ",\n") + ")"
	_, err := db.ExecContext(context.Background(), ddl)
	require.NoError(t, err)
	got := inspect(t, db).MetaData.Table("", "native")
	require.NotNil(t, got)
	for i, c := range cases {
		t.Run(c.ddl, func(t *testing.T) {
			col := got.Columns[i]
			assert.Equal(t, c.typ, col.Type.String(), "type")
			assert.Equal(t, c.def, col.Default, "default")
			assert.Equal(t, c.nullable, col.Nullable, "nullable")
		})
	}
}

// TestInspectNativeKeys checks AUTO_INCREMENT, the index the server made
// behind a named foreign key (hidden, named after the key), the one it
// made behind an unnamed key (named after the column: read as the user's,
// since a dump's KEY cannot be told from it) and MariaDB's JSON check
// (hidden).
func TestInspectNativeKeys(t *testing.T) {
	db := dbtest.MySQL(t)
	for _, s := range []string{
		"CREATE TABLE parent (id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY, doc JSON) ENGINE=InnoDB",
		"CREATE TABLE child (id BIGINT AUTO_INCREMENT, parent_id INT(11), KEY ix_other (id), PRIMARY KEY (id), FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE) ENGINE=InnoDB",
		"CREATE TABLE named (id INT PRIMARY KEY, parent_id INT(11), CONSTRAINT fk_named_parent FOREIGN KEY (parent_id) REFERENCES parent (id)) ENGINE=InnoDB",
	} {
		_, err := db.ExecContext(context.Background(), s)
		require.NoError(t, err, s)
	}
	m := inspect(t, db).MetaData
	parent := m.Table("", "parent")
	assert.True(t, parent.Columns[0].AutoIncrement)
	assert.Equal(t, metadata.JSONType, parent.Columns[1].Type)
	assert.Empty(t, parent.Checks, "the json_valid check of MariaDB's JSON is hidden")
	child := m.Table("", "child")
	require.Len(t, child.ForeignKeys, 1)
	fk := child.ForeignKeys[0]
	assert.Equal(t, "child_ibfk_1", fk.Name)
	assert.Equal(t, metadata.Cascade, fk.OnDelete)
	assert.Equal(t, []string{"ix_other", "parent_id"}, indexNames(child), "the index named after the column is the model's")
	named := m.Table("", "named")
	require.Len(t, named.ForeignKeys, 1)
	assert.Empty(t, indexNames(named), "the index MySQL made behind fk_named_parent, under its name, is hidden")
}

func indexNames(t *metadata.Table) []string {
	var out []string
	for _, ix := range t.Indexes {
		out = append(out, ix.Name)
	}
	return out
}

// TestMySQLCatalogQueries runs the queries written for MySQL 8 where the
// server can take them (MariaDB has no STATISTICS.EXPRESSION), so at least
// their syntax is checked here; FlavorOf tells the servers apart.
func TestMySQLCatalogQueries(t *testing.T) {
	db := dbtest.MySQL(t)
	in := &inspector{q: db.DB, tables: map[tableKey]*metadata.Table{}}
	require.NoError(t, in.server(context.Background()))
	in.setSchemas(nil)
	q := catalogQuery{what: "checks", text: checksQueryMySQL, repeat: 1, apply: func(scanner) error { return nil }}
	require.NoError(t, in.query(context.Background(), db.DB, q, q.apply))
	if in.flavor == MySQL {
		q.text = indexesQueryMySQL
		require.NoError(t, in.query(context.Background(), db.DB, q, q.apply))
	}
	assert.Equal(t, MariaDB, FlavorOf("10.11.6-MariaDB-0+deb12u1"))
	assert.Equal(t, MySQL, FlavorOf("8.0.36"))
}
