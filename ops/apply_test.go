package ops_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// TestApplyEffects checks what the trickier ops do to the fixture, beyond
// being undone by their reverse.
func TestApplyEffects(t *testing.T) {
	customers := ops.TableRef{Table: "customers"}

	t.Run("rename_table repoints foreign keys, self-references too", func(t *testing.T) {
		m := fixture(t)
		require.NoError(t, ops.Apply(m, &ops.RenameTable{TableRef: customers, NewName: "clients"}))
		require.Nil(t, m.Table("", "customers"))
		require.Equal(t, "clients", m.Table("", "user").ForeignKey("user_customer_fk").RefTable)
		require.Equal(t, "clients", m.Table("", "clients").ForeignKey("fk_customers_referred_by_customers").RefTable)
	})

	t.Run("renaming a column renames it in keys, indexes and referring foreign keys", func(t *testing.T) {
		m := fixture(t)
		require.NoError(t, ops.Apply(m, &ops.AlterColumn{TableRef: ops.TableRef{Table: "order_lines"}, ColumnName: "order_id", NewName: "oid"}))
		lines := m.Table("", "order_lines")
		require.Equal(t, []string{"oid", "line_no"}, lines.PrimaryKey.Columns)
		require.Equal(t, []string{"oid", "product_sku"}, lines.Uniques[0].Columns)
		require.Equal(t, []string{"oid"}, lines.ForeignKey("fk_order_lines_order_id_order").Columns)
		require.Equal(t, []string{"oid", "line_no"}, m.Table("", "shipments").ForeignKeys[0].RefColumns)
	})

	t.Run("alter_enum_add_value places the value", func(t *testing.T) {
		m := fixture(t)
		require.NoError(t, ops.ApplyAll(m, []ops.Op{
			&ops.AlterEnumAddValue{EnumName: "order_status", Value: "new", Before: "pending"},
			&ops.AlterEnumAddValue{EnumName: "order_status", Value: "refunded", After: "paid"},
			&ops.AlterEnumAddValue{EnumName: "order_status", Value: "lost"},
		}))
		require.Equal(t, []string{"new", "pending", "paid", "refunded", "shipped", "cancelled", "lost"}, m.Enum("", "order_status").Values)
	})

	t.Run("created objects come last and unnamed ones get the convention's name", func(t *testing.T) {
		m := fixture(t)
		require.NoError(t, ops.ApplyAll(m, []ops.Op{
			&ops.AddColumn{TableRef: customers, Column: &metadata.Column{Name: "nick", Type: metadata.TextType, Nullable: true}},
			&ops.CreateIndex{TableRef: customers, Index: &metadata.Index{Columns: []string{"nick"}}},
			&ops.CreateUniqueConstraint{TableRef: customers, Unique: &metadata.Unique{Columns: []string{"nick"}}},
			&ops.CreateTable{Table: &metadata.Table{Name: "tags", Columns: []*metadata.Column{{Name: "id", Type: metadata.BigIntType}},
				PrimaryKey: &metadata.PrimaryKey{Columns: []string{"id"}}}},
		}))
		c := m.Table("", "customers")
		require.Equal(t, "nick", c.Columns[len(c.Columns)-1].Name)
		require.Equal(t, "ix_customers_nick", c.Indexes[len(c.Indexes)-1].Name)
		require.Equal(t, "uq_customers_nick", c.Uniques[len(c.Uniques)-1].Name)
		require.Equal(t, "pk_tags", m.Tables[len(m.Tables)-1].PrimaryKey.Name)
	})

	t.Run("create_primary_key makes its columns NOT NULL", func(t *testing.T) {
		m := fixture(t)
		require.NoError(t, ops.ApplyAll(m, []ops.Op{
			&ops.DropConstraint{TableRef: ops.TableRef{Table: "products"}, ConstraintName: "pk_products", Type: ops.ConstraintPrimary},
			&ops.CreatePrimaryKey{TableRef: ops.TableRef{Table: "products"}, PrimaryKey: &metadata.PrimaryKey{Name: "pk", Columns: []string{"sku", "café_origin"}}},
		}))
		require.False(t, m.Table("", "products").Column("café_origin").Nullable)
	})

	t.Run("drop_constraint without a type finds the constraint by name", func(t *testing.T) {
		m := fixture(t)
		require.NoError(t, ops.Apply(m, &ops.DropConstraint{TableRef: customers, ConstraintName: "fk_customers_group_id_group"}))
		require.Nil(t, m.Table("", "customers").ForeignKey("fk_customers_group_id_group"))
	})
}
