package dialect_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

func TestDDLPieces(t *testing.T) {
	fk := &metadata.ForeignKey{Name: "fk", Columns: []string{"a", "b"}, RefTable: `we"ird`, RefColumns: []string{"x", "y"},
		OnDelete: metadata.Cascade, OnUpdate: metadata.SetNull, Deferrable: true, InitiallyDeferred: true}
	got, err := dialect.ForeignKeyClause(pgLike, "s", fk)
	require.NoError(t, err)
	assert.Equal(t, `CONSTRAINT "fk" FOREIGN KEY ("a", "b") REFERENCES "s"."we""ird" ("x", "y") ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED`, got)

	_, err = dialect.ForeignKeyClause(pgLike, "", &metadata.ForeignKey{Columns: []string{"a"}, RefTable: "t", RefColumns: []string{"a"}, OnDelete: "explode"})
	assert.ErrorContains(t, err, `unknown referential action "explode"`)

	assert.Equal(t, `PRIMARY KEY ("a")`, dialect.PrimaryKeyClause(pgLike, &metadata.PrimaryKey{Columns: []string{"a"}}))
	assert.Equal(t, "CONSTRAINT `u` UNIQUE (`a`, `b`)", dialect.UniqueClause(mysqlLike, &metadata.Unique{Name: "u", Columns: []string{"a", "b"}}))
	assert.Equal(t, `CONSTRAINT "c" CHECK (a > 0)`, dialect.CheckClause(pgLike, &metadata.Check{Name: "c", Expression: "a > 0"}))

	ix := &metadata.Index{Name: "ix", Columns: []string{"a"}, Expressions: []string{"lower(b)"}, Unique: true, Where: "a > 0", Using: "btree"}
	assert.Equal(t, `CREATE UNIQUE INDEX "ix" ON "s"."t" USING btree ("a", (lower(b))) WHERE a > 0`,
		dialect.CreateIndexSQL(pgLike, dialect.TableRef{Schema: "s", Table: "t"}, ix))
}
