package mysql

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// TestAddAutoIncrementKey is issue 22's reproduction: adding an
// AUTO_INCREMENT primary key (or unique key) to a table that has rows is
// one ALTER TABLE (MariaDB refuses the column alone, Error 1075), and the
// reverse drops key and column together; both run on the server and the
// rows get their ids.
func TestAddAutoIncrementKey(t *testing.T) {
	for _, key := range []string{"primary", "unique"} {
		t.Run(key, func(t *testing.T) {
			db := dbtest.MySQL(t)
			ctx := context.Background()
			_, err := db.ExecContext(ctx, "CREATE TABLE t (x int)")
			require.NoError(t, err)
			_, err = db.ExecContext(ctx, "INSERT INTO t VALUES (10), (20), (30)")
			require.NoError(t, err)
			state := inspect(t, db).MetaData
			ref := ops.TableRef{Table: "t"}
			col := &metadata.Column{Name: "id", Type: metadata.NativeType("int unsigned"), AutoIncrement: true}
			var keyOp ops.Op = &ops.CreatePrimaryKey{TableRef: ref, PrimaryKey: &metadata.PrimaryKey{Name: "PRIMARY", Columns: []string{"id"}}} // as autogenerate writes it
			if key == "unique" {
				keyOp = &ops.CreateUniqueConstraint{TableRef: ref, Unique: &metadata.Unique{Name: "uq_t_id", Columns: []string{"id"}}}
			}
			up := []ops.Op{&ops.AddColumn{TableRef: ref, Column: col}, keyOp}
			stmts := run(t, db, state, up...)
			require.Len(t, stmts, 1, "one ALTER TABLE")
			require.True(t, strings.Contains(stmts[0].SQL, "AUTO_INCREMENT, ADD "), stmts[0].SQL)
			require.Equal(t, 0, stmts[0].Op, "the statement carries the column's op: when it fails, neither op ran")
			var n int
			require.NoError(t, db.QueryRowContext(ctx, "SELECT COUNT(DISTINCT id) FROM t WHERE id > 0").Scan(&n))
			require.Equal(t, 3, n, "every row got an id")

			after := inspect(t, db).MetaData
			var down []ops.Op
			for i := len(up) - 1; i >= 0; i-- {
				r, err := up[i].Reverse()
				require.NoError(t, err)
				down = append(down, r)
			}
			run(t, db, after, down...)
			got := inspect(t, db).MetaData.Table("", "t")
			require.Len(t, got.Columns, 1, "the column is gone")
			require.Nil(t, got.PrimaryKey)
			require.Empty(t, got.Uniques)
		})
	}
}

// TestAddAutoIncrementKeyApart is issue 22's Roundcube reproduction
// (1.2.0 -> 1.3.0, dictionary.id): the AUTO_INCREMENT column and the key
// over it are ops apart, with ops on this and other tables between, as
// autogenerate orders them (columns added, then keys created). The key is
// planned into the column's ALTER TABLE and the later op plans nothing;
// the exact reverse, where dropping the key and the column are apart too,
// runs as well and gives the table back.
func TestAddAutoIncrementKeyApart(t *testing.T) {
	ref := ops.TableRef{Table: "t"}
	other := ops.TableRef{Table: "o"}
	keys := []struct {
		name string
		op   ops.Op
	}{
		{"primary", &ops.CreatePrimaryKey{TableRef: ref, PrimaryKey: &metadata.PrimaryKey{Name: "PRIMARY", Columns: []string{"id"}}}},
		{"unique", &ops.CreateUniqueConstraint{TableRef: ref, Unique: &metadata.Unique{Name: "uq_t_id", Columns: []string{"id"}}}},
		{"index", &ops.CreateIndex{TableRef: ref, Index: &metadata.Index{Name: "ix_t_id", Columns: []string{"id"}}}},
	}
	for _, key := range keys {
		t.Run(key.name, func(t *testing.T) {
			db := dbtest.MySQL(t)
			ctx := context.Background()
			for _, s := range []string{"CREATE TABLE t (y int, x int)", "CREATE TABLE o (x int)",
				"INSERT INTO t VALUES (1, 10), (2, 20), (3, 30)"} {
				_, err := db.ExecContext(ctx, s)
				require.NoError(t, err, s)
			}
			before := inspect(t, db).MetaData
			up := []ops.Op{
				&ops.AddColumn{TableRef: ref, Column: &metadata.Column{Name: "id", Type: metadata.NativeType("int unsigned"), AutoIncrement: true}},
				&ops.AddColumn{TableRef: other, Column: &metadata.Column{Name: "z", Type: metadata.IntegerType, Nullable: true}},
				&ops.CreateIndex{TableRef: ref, Index: &metadata.Index{Name: "ix_t_y", Columns: []string{"y"}}},
				key.op,
				&ops.DropColumn{TableRef: ref, ColumnName: "x", Column: &metadata.Column{Name: "x", Type: metadata.NativeType("int"), Nullable: true}},
			}
			stmts := run(t, db, before, up...)
			require.Len(t, stmts, 4, "the key is in the column's statement")
			require.Contains(t, stmts[0].SQL, "AUTO_INCREMENT, ADD ")
			require.Equal(t, 0, stmts[0].Op)
			var n int
			require.NoError(t, db.QueryRowContext(ctx, "SELECT COUNT(DISTINCT id) FROM t WHERE id > 0").Scan(&n))
			require.Equal(t, 3, n, "every row got an id")

			after := inspect(t, db).MetaData
			var down []ops.Op
			for i := len(up) - 1; i >= 0; i-- {
				r, err := up[i].Reverse()
				require.NoError(t, err)
				down = append(down, r)
			}
			stmts = run(t, db, after, down...)
			require.Len(t, stmts, 4, "the column is dropped in the key's statement")
			requireSameSchema(t, before, inspect(t, db).MetaData)
		})
	}
}
