package sqlite

import (
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
	"github.com/stretchr/testify/require"
)

// TestSpellingRoundTrip: a table written in one of the spellings SQLite
// keeps in its CREATE TABLE text is reflected, created from the model in
// an empty database, and the two schema dumps are equal; the second
// database reflects as the normalised model.
func TestSpellingRoundTrip(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		ddl  []string
	}{
		{"unnamed table primary key", []string{`CREATE TABLE a (id INTEGER NOT NULL, x TEXT, PRIMARY KEY (id))`}},
		{"named and unnamed foreign keys", []string{`CREATE TABLE p (id INTEGER NOT NULL, k INT, PRIMARY KEY (id), CONSTRAINT uk UNIQUE (k))`,
			`CREATE TABLE c (id INTEGER NOT NULL, p INT, q INT, CONSTRAINT pk_c PRIMARY KEY (id), FOREIGN KEY (p) REFERENCES p (id), ` +
				`CONSTRAINT fk_named FOREIGN KEY (q) REFERENCES p (k) ON UPDATE CASCADE)`}},
		{"inline autoincrement key, NOT NULL last", []string{`CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, x TEXT)`}},
		{"named inline autoincrement key", []string{`CREATE TABLE a (id INTEGER CONSTRAINT pk_x PRIMARY KEY AUTOINCREMENT NOT NULL)`}},
		{"DEFAULT before NOT NULL", []string{`CREATE TABLE a (id INTEGER NOT NULL, flag CHAR(1) DEFAULT 'Y' NOT NULL, ` +
			`n SMALLINT NOT NULL DEFAULT 1, r DECIMAL(4,2) DEFAULT 4.99 NOT NULL, PRIMARY KEY (id))`}},
		{"foreign key cycle, forward reference declared first", []string{
			`CREATE TABLE staff (id INTEGER NOT NULL, store INT, boss INT, PRIMARY KEY (id), ` +
				`CONSTRAINT fk_staff_store FOREIGN KEY (store) REFERENCES store (id), FOREIGN KEY (boss) REFERENCES staff (id))`,
			`CREATE TABLE store (id INTEGER NOT NULL, manager INT, PRIMARY KEY (id), ` +
				`CONSTRAINT fk_store_staff FOREIGN KEY (manager) REFERENCES staff (id))`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			src, dst := dbtest.SQLite(t), dbtest.SQLite(t)
			for _, ddl := range tc.ddl {
				_, err := src.DB.Exec(ddl)
				require.NoError(t, err, ddl)
			}
			in := inspect(t, src.DB)
			require.Empty(t, in.Warnings)
			create(t, dst.DB, in.MetaData)
			require.Equal(t, dbtest.NativeDump(t, src, "none"), dbtest.NativeDump(t, dst, "none"))
			requireSameModel(t, sqliteDialect.Normalize(in.MetaData), inspect(t, dst.DB).MetaData)
		})
	}
}

// TestCreateOpsKeepsCycleInline: SQLite takes forward references, so the
// keys of a cycle stay in their CREATE TABLE, in declared order, where
// other dialects add one after its table.
func TestCreateOpsKeepsCycleInline(t *testing.T) {
	t.Parallel()
	a := metadata.NewTable("a", &metadata.Column{Name: "id", Type: metadata.IntegerType}, metadata.NewColumn("b", metadata.IntegerType))
	b := metadata.NewTable("b", &metadata.Column{Name: "id", Type: metadata.IntegerType}, metadata.NewColumn("a", metadata.IntegerType))
	a.SetPrimaryKey("id")
	b.SetPrimaryKey("id")
	a.ForeignKeys = []*metadata.ForeignKey{{Name: "fk_a_b", Columns: []string{"b"}, RefTable: "b", RefColumns: []string{"id"}},
		{Name: "fk_a_a", Columns: []string{"id"}, RefTable: "a", RefColumns: []string{"id"}}}
	b.ForeignKeys = []*metadata.ForeignKey{{Name: "fk_b_a", Columns: []string{"a"}, RefTable: "a", RefColumns: []string{"id"}}}
	m := &metadata.MetaData{Tables: []*metadata.Table{a, b}}
	cases := []struct {
		name     string
		d        dialect.Dialect
		deferred int
	}{{"no dialect: the cycle's key is added after", nil, 1}, {"sqlite: none deferred", sqliteDialect, 0}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fks, keys := 0, map[string][]string{}
			for _, o := range dialect.CreateOpsFor(tc.d, m) {
				switch o := o.(type) {
				case *ops.CreateForeignKey:
					fks++
				case *ops.CreateTable:
					for _, fk := range o.Table.ForeignKeys {
						keys[o.Table.Name] = append(keys[o.Table.Name], fk.Name)
					}
				}
			}
			require.Equal(t, tc.deferred, fks)
			if tc.deferred == 0 {
				require.Equal(t, map[string][]string{"a": {"fk_a_b", "fk_a_a"}, "b": {"fk_b_a"}}, keys)
			}
		})
	}
}
