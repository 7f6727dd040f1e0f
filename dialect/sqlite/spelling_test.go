package sqlite

import (
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
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
