package ops_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

func TestReverseIrreversible(t *testing.T) {
	users := ops.TableRef{Table: "users"}
	for _, tc := range []struct {
		op   ops.Op
		want string
	}{
		{&ops.DropColumn{TableRef: users, ColumnName: "email"},
			"drop_column users.email: reverse needs the full column (column: {name, type, ...})"},
		{&ops.DropTable{TableRef: ops.TableRef{Schema: "auth", Table: "users"}},
			"drop_table auth.users: reverse needs the full table (its columns, constraints and indexes, as in create_table)"},
		{&ops.AlterColumn{TableRef: users, ColumnName: "email", Type: ptr(metadata.TextType), Nullable: ptr(true), ExistingDefault: ptr("")},
			"alter_column users.email: reverse needs existing_type, existing_nullable (the column as it was)"},
		{&ops.CreateIndex{TableRef: users, Index: &metadata.Index{Columns: []string{"email"}}},
			"create_index on users: reverse needs the index's name (name: ...)"},
		{&ops.DropIndex{TableRef: users, IndexName: "ix_users_email"},
			"drop_index ix_users_email: reverse needs the index's definition (columns: [...], and unique, where, using, expressions when set)"},
		{&ops.CreateCheckConstraint{TableRef: users, Check: &metadata.Check{Expression: "id > 0"}},
			"create_check_constraint on users: reverse needs the constraint's name (name: ...)"},
		{&ops.DropConstraint{TableRef: users, ConstraintName: "uq_users_email", Type: ops.ConstraintUnique},
			"drop_constraint uq_users_email on users: reverse needs the constraint's definition (type: unique|foreignkey|check|primary, with its columns, ref_table and ref_columns, or expression)"},
		{&ops.DropEnum{EnumName: "mood"}, "drop_enum mood: reverse needs its values (values: [...])"},
		{&ops.SetTableComment{TableRef: users, Comment: "people"},
			"set_table_comment users: reverse needs the comment it replaces (existing_comment: ..., or null for none)"},
		{&ops.Call{Function: "backfill"},
			"call backfill: reverse needs the name of the function that undoes it (call: {function: ..., reverse: ...})"},
		{&ops.Execute{SQL: "VACUUM"}, "execute: raw SQL has no automatic reverse; write the downgrade's execute by hand"},
	} {
		t.Run(tc.op.Name(), func(t *testing.T) {
			_, err := tc.op.Reverse()
			require.ErrorIs(t, err, ops.ErrIrreversible)
			require.EqualError(t, err, tc.want)
		})
	}
}

func TestApplyErrors(t *testing.T) {
	customers := ops.TableRef{Table: "customers"}
	for _, tc := range []struct {
		op   ops.Op
		want string
	}{
		{&ops.AddColumn{TableRef: customers, Column: &metadata.Column{Name: "email", Type: metadata.TextType}},
			"add_column customers.email: table customers has a column email already"},
		{&ops.AddColumn{TableRef: ops.TableRef{Table: "nope"}, Column: &metadata.Column{Name: "x", Type: metadata.TextType}},
			"add_column nope.x: there is no table nope"},
		{&ops.DropColumn{TableRef: customers, ColumnName: "created_at"},
			"drop_column customers.created_at: index ix_customers_created_at uses it; drop that first"},
		{&ops.CreateExclusionConstraint{TableRef: customers, Exclusion: &metadata.Exclusion{Name: "ex_customers",
			Elements: []metadata.ExclusionElement{{Column: "nope", Operator: "="}}}},
			"create_exclude_constraint ex_customers on customers: table customers has no column nope"},
		{&ops.ValidateConstraint{TableRef: customers, ConstraintName: "nope", Type: ops.ConstraintCheck},
			"validate_constraint nope on customers: table customers has no check nope"},
		{&ops.DropColumn{TableRef: customers, ColumnName: "nope"},
			"drop_column customers.nope: table customers has no column nope"},
		{&ops.DropTable{TableRef: customers},
			"drop_table customers: foreign key user_customer_fk of table user refers to it; drop that first"},
		{&ops.RenameTable{TableRef: customers, NewName: "order"},
			"rename_table customers: table order exists already"},
		{&ops.AlterColumn{TableRef: customers, ColumnName: "email", NewName: "id"},
			"alter_column customers.email: table customers has a column id already"},
		{&ops.AlterColumn{TableRef: customers, ColumnName: "id", Nullable: ptr(true)},
			"alter_column customers.id: a column of the primary key cannot be nullable"},
		{&ops.CreateIndex{TableRef: customers, Index: &metadata.Index{Columns: []string{"email"}, Name: "uq_customers_email"}},
			"create_index uq_customers_email: table customers has a unique constraint named uq_customers_email already"},
		{&ops.CreateIndex{TableRef: customers, Index: &metadata.Index{Columns: []string{"emial"}}},
			"create_index on customers: table customers has no column emial"},
		{&ops.DropIndex{TableRef: customers, IndexName: "ix_nope"},
			"drop_index ix_nope: table customers has no index ix_nope"},
		{&ops.CreatePrimaryKey{TableRef: customers, PrimaryKey: &metadata.PrimaryKey{Columns: []string{"email"}}},
			"create_primary_key on customers: table customers has a primary key already"},
		{&ops.DropConstraint{TableRef: customers, ConstraintName: "uq_nope", Type: ops.ConstraintUnique},
			"drop_constraint uq_nope on customers: table customers has no unique constraint uq_nope"},
		{&ops.DropEnum{EnumName: "order_status"},
			"drop_enum order_status: column order.status uses it; drop or alter that first"},
		{&ops.DropEnum{Schema: "billing", EnumName: "currency"},
			"drop_enum billing.currency: column billing.invoices.currency uses it; drop or alter that first"},
		{&ops.CreateEnum{Enum: &metadata.Enum{Name: "order_status", Values: []string{"a"}}},
			"create_enum order_status: enum order_status exists already"},
		{&ops.AlterEnumAddValue{EnumName: "order_status", Value: "paid"},
			`alter_enum_add_value order_status "paid": enum order_status has that value already`},
		{&ops.AlterEnumAddValue{EnumName: "order_status", Value: "lost", After: "gone"},
			`alter_enum_add_value order_status "lost": enum order_status has no value "gone" to place it next to`},
		{&ops.AlterEnumDropValue{EnumName: "nope", Value: "x"},
			`alter_enum_drop_value nope "x": there is no enum nope`},
		{&ops.CreateTable{Table: &metadata.Table{Name: "order", Columns: []*metadata.Column{{Name: "id", Type: metadata.BigIntType}}}},
			"create_table order: table order exists already"},
		{&ops.CreateTable{Table: &metadata.Table{Name: "t", Columns: []*metadata.Column{{Name: "id", Type: metadata.BigIntType}},
			Indexes: []*metadata.Index{{Columns: []string{"nope"}}}}},
			"create_table t: table t has no column nope"},
		{&ops.AddColumn{TableRef: customers, Column: &metadata.Column{Name: "x"}},
			"add_column customers.x: column x: no type"},
	} {
		t.Run(tc.op.Name(), func(t *testing.T) {
			m := fixture(t)
			before := m.Clone()
			err := ops.Apply(m, tc.op)
			require.EqualError(t, err, tc.want)
			require.Equal(t, before, m, "a failed Apply leaves the model as it was")
		})
	}
}

func TestExecuteNotFoldable(t *testing.T) {
	m := fixture(t)
	before := m.Clone()
	exec := &ops.Execute{PerDialect: map[string]string{"postgresql": "VACUUM"}}
	add := &ops.AddColumn{TableRef: ops.TableRef{Table: "group"}, Column: &metadata.Column{Name: "x", Type: metadata.TextType, Nullable: true}}

	err := ops.Apply(m, exec)
	require.ErrorIs(t, err, ops.ErrNotFoldable)
	require.Equal(t, before, m)

	err = ops.ApplyAll(m, []ops.Op{exec, add})
	require.ErrorIs(t, err, ops.ErrNotFoldable, "skipped ops are reported")
	require.EqualError(t, err, "op 1: execute: raw SQL cannot be folded onto the model; offline mode does not see what it changes")
	require.NotNil(t, m.Table("", "group").Column("x"), "ops after a skipped execute are applied")

	err = ops.ApplyAll(m, []ops.Op{exec, add})
	require.EqualError(t, err, "op 2: add_column group.x: table group has a column x already")
	require.False(t, errors.Is(err, ops.ErrNotFoldable), "a real failure is not mistaken for a warning")
}
