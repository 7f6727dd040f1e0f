package ops_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// reversible lists one case or more for every op kind, each valid against
// the fixture after setup.
func reversible(t testing.TB, m *metadata.MetaData) []struct {
	name  string
	setup []ops.Op
	op    ops.Op
} {
	customers := ops.TableRef{Table: "customers"}
	products := ops.TableRef{Table: "products"}
	giftCards := m.Table("", "GiftCards").Clone()
	pending := m.Table("", "order").Index("ix_order_pending").Clone()
	fullIndex := &metadata.Index{Name: "ix_products_full", Include: []string{"sku"}, With: []string{"fillfactor=70"}, Comment: "by name, newest first"}
	fullIndex.SetKeys([]metadata.IndexKey{{Expression: "lower(name)", OpClass: "text_pattern_ops"}, {Column: "launched_on", Desc: true, Nulls: metadata.NullsLast}})
	mood := &ops.CreateEnum{Enum: &metadata.Enum{Name: "mood", Values: []string{"happy", "sad"}}}
	start := int64(1000)
	userIDs := &ops.CreateSequence{Sequence: &metadata.Sequence{Name: "user_ids", Type: "integer", Increment: 2, Start: &start, Cache: 10, Cycle: true}}
	bigOrders := &ops.CreateView{View: &metadata.View{Name: "big_orders", Definition: "SELECT id, total\nFROM \"order\"\nWHERE total > 100",
		CheckOption: metadata.CheckLocal, Comment: "orders over 100", Reads: []string{"order"}}}
	orderStats := &ops.CreateView{View: &metadata.View{Schema: "billing", Name: "order_stats", Materialized: true,
		Definition: "SELECT count(*) AS n FROM big_orders", Reads: []string{"big_orders"},
		Indexes: []*metadata.Index{{Name: "order_stats_n", Columns: []string{"n"}, Unique: true}}}}
	year := &ops.CreateDomain{Domain: &metadata.Domain{Name: "year", Type: metadata.IntegerType, Default: "2000", NotNull: true,
		Checks: []*metadata.Check{{Name: "year_check", Expression: "VALUE >= 1901"}}, Comment: "a year"}}
	touch, cat, catAgg, fillTotals, touchOrders := routineOps()
	citext := &ops.CreateExtension{Extension: &metadata.Extension{Name: "citext", Schema: "ext", Version: "1.6"}}
	double := &ops.AddColumn{TableRef: products, Column: &metadata.Column{Name: "double_price", Type: metadata.NumericType(12, 2),
		Nullable: true, Generated: &metadata.Generated{Expression: "price * 2", Stored: true}}}
	noKey := &ops.DropConstraint{TableRef: products, ConstraintName: "pk_products", Type: ops.ConstraintPrimary,
		PrimaryKey: &metadata.PrimaryKey{Name: "pk_products", Columns: []string{"sku"}}}
	return []struct {
		name  string
		setup []ops.Op
		op    ops.Op
	}{
		{name: "create_table", op: &ops.CreateTable{Table: coupons()}},
		{name: "drop_table", op: &ops.DropTable{TableRef: ops.TableRef{Table: "GiftCards"}, Table: giftCards}},
		{name: "rename_table referenced by foreign keys", op: &ops.RenameTable{TableRef: customers, NewName: "clients"}},
		{name: "rename_table in a schema", op: &ops.RenameTable{TableRef: ops.TableRef{Schema: "billing", Table: "invoices"}, NewName: "bills"}},
		{name: "set_table_comment", op: &ops.SetTableComment{TableRef: ops.TableRef{Table: "group"}, Comment: "", ExistingComment: ptr("customer groups, for prices and newsletters")}},
		{name: "add_column", op: &ops.AddColumn{TableRef: customers, Column: &metadata.Column{Name: "nickname", Type: metadata.VarcharType(40), Nullable: true, Comment: "shown in the shop"}}},
		{name: "drop_column", op: &ops.DropColumn{TableRef: ops.TableRef{Table: "user"}, ColumnName: "shift_start", Column: m.Table("", "user").Column("shift_start").Clone()}},
		{name: "alter_column type, nullable, default, comment", op: &ops.AlterColumn{TableRef: customers, ColumnName: "LoyaltyTier",
			Type: ptr(metadata.IntegerType), Nullable: ptr(true), Default: ptr(""), Comment: ptr("tier"), AutoIncrement: ptr(false),
			ExistingType: ptr(metadata.SmallIntType), ExistingNullable: ptr(false), ExistingDefault: ptr("0"),
			ExistingComment: ptr("0 = none, 3 = gold"), ExistingAutoIncrement: ptr(false)}},
		{name: "alter_column charset and collation", op: &ops.AlterColumn{TableRef: products, ColumnName: "name",
			Charset: ptr("ascii"), Collation: ptr("ascii_bin"), ExistingCharset: ptr(""), ExistingCollation: ptr("")}},
		{name: "alter_table charset, collation, row format", op: &ops.AlterTable{TableRef: products,
			Charset: ptr("utf8mb3"), Collation: ptr(""), RowFormat: ptr("COMPACT"),
			ExistingCharset: ptr(""), ExistingCollation: ptr(""), ExistingRowFormat: ptr("")}},
		{name: "alter_column attributes", op: &ops.AlterColumn{TableRef: products, ColumnName: "name",
			Attributes:         &metadata.ColumnAttributes{Storage: "external", Compression: "pglz", Statistics: ptr(500), Options: []string{"n_distinct=-0.5"}},
			ExistingAttributes: &metadata.ColumnAttributes{}}},
		{name: "add_column with attributes", op: &ops.AddColumn{TableRef: customers, Column: &metadata.Column{Name: "notes", Type: metadata.Type{Kind: metadata.Text},
			Nullable: true, Attributes: metadata.ColumnAttributes{Storage: "main", Statistics: ptr(0)}}}},
		{name: "alter_column rename of a referenced key", op: &ops.AlterColumn{TableRef: customers, ColumnName: "id", NewName: "customer_id"}},
		{name: "alter_column rename in a composite key", op: &ops.AlterColumn{TableRef: ops.TableRef{Table: "order_lines"}, ColumnName: "line_no", NewName: "position"}},
		{name: "create_index", op: &ops.CreateIndex{TableRef: products, Index: &metadata.Index{Name: "ix_products_launched", Columns: []string{"launched_on", "name"}, Where: "launched_on IS NOT NULL"}}},
		{name: "drop_index", op: &ops.DropIndex{TableRef: ops.TableRef{Table: "order"}, IndexName: "ix_order_pending", Index: pending}},
		{name: "add_column algorithm instant", op: &ops.AddColumn{TableRef: customers, AlterMode: ops.AlterMode{Algorithm: "INSTANT"}, Column: &metadata.Column{Name: "nickname", Type: metadata.VarcharType(40), Nullable: true}}},
		{name: "alter_column online set not null, inplace", op: &ops.AlterColumn{TableRef: customers, ColumnName: "full name", Online: true,
			AlterMode: ops.AlterMode{Algorithm: "INPLACE", Lock: "NONE"}, Nullable: ptr(false), ExistingNullable: ptr(true)}},
		{name: "create_index lock none", op: &ops.CreateIndex{TableRef: products, AlterMode: ops.AlterMode{Algorithm: "INPLACE", Lock: "NONE"}, Index: &metadata.Index{Name: "ix_products_name", Columns: []string{"name"}}}},
		{name: "create_foreign_key inplace", op: &ops.CreateForeignKey{TableRef: ops.TableRef{Table: "user"}, AlterMode: ops.AlterMode{Algorithm: "INPLACE", Lock: "NONE"}, ForeignKey: &metadata.ForeignKey{Name: "fk_user_customer",
			Columns: []string{"customer_id"}, RefTable: "customers", RefColumns: []string{"id"}}}},
		{name: "create_check_constraint lock shared", op: &ops.CreateCheckConstraint{TableRef: products, AlterMode: ops.AlterMode{Lock: "SHARED"}, Check: &metadata.Check{Name: "weight_small", Expression: "weight_kg < 1000"}}},
		{name: "create_unique_constraint copy", op: &ops.CreateUniqueConstraint{TableRef: products, AlterMode: ops.AlterMode{Algorithm: "COPY", Lock: "EXCLUSIVE"}, Unique: &metadata.Unique{Name: "uq_products_name", Columns: []string{"name"}}}},
		{name: "create_index concurrently", op: &ops.CreateIndex{TableRef: products, Index: &metadata.Index{Name: "ix_products_name", Columns: []string{"name"}}, Concurrently: true}},
		{name: "rename_index", op: &ops.RenameIndex{TableRef: ops.TableRef{Table: "order"}, IndexName: "ix_order_pending", NewName: "ix_order_open"}},
		{name: "create_index in full, commented", op: &ops.CreateIndex{TableRef: products, Index: fullIndex}},
		{name: "drop_index in full carries its comment", setup: []ops.Op{&ops.CreateIndex{TableRef: products, Index: fullIndex}},
			op: &ops.DropIndex{TableRef: products, IndexName: fullIndex.Name, Index: fullIndex.Clone()}},
		{name: "drop_index concurrently", op: &ops.DropIndex{TableRef: ops.TableRef{Table: "order"}, IndexName: "ix_order_pending", Index: pending, Concurrently: true}},
		{name: "create_unique_constraint", op: &ops.CreateUniqueConstraint{TableRef: products, Unique: &metadata.Unique{Name: "uq_products_name", Columns: []string{"name"}}}},
		{name: "create_foreign_key", op: &ops.CreateForeignKey{TableRef: ops.TableRef{Table: "user"}, ForeignKey: &metadata.ForeignKey{Name: "fk_user_self",
			Columns: []string{"customer_id"}, RefTable: "customers", RefColumns: []string{"id"}, OnDelete: metadata.SetNull, Deferrable: true}}},
		{name: "create_foreign_key not valid", op: &ops.CreateForeignKey{TableRef: ops.TableRef{Table: "user"}, NotValid: true, ForeignKey: &metadata.ForeignKey{Name: "fk_user_customer",
			Columns: []string{"customer_id"}, RefTable: "customers", RefColumns: []string{"id"}}}},
		{name: "create_check_constraint not valid", op: &ops.CreateCheckConstraint{TableRef: products, NotValid: true, Check: &metadata.Check{Name: "weight_small", Expression: "weight_kg < 1000"}}},
		{name: "validate_constraint check", setup: []ops.Op{&ops.ValidateConstraint{TableRef: products, ConstraintName: "price_not_negative", Check: &metadata.Check{Name: "price_not_negative", Expression: "price >= 0"}, Invalidate: true}},
			op: &ops.ValidateConstraint{TableRef: products, ConstraintName: "price_not_negative", Check: &metadata.Check{Name: "price_not_negative", Expression: "price >= 0"}}},
		{name: "drop_constraint of a NOT VALID check with a comment", setup: []ops.Op{&ops.CreateCheckConstraint{TableRef: products, NotValid: true, Check: &metadata.Check{Name: "weight_small", Expression: "weight_kg < 1000", Comment: "kept"}}},
			op: &ops.DropConstraint{TableRef: products, ConstraintName: "weight_small", Type: ops.ConstraintCheck, NotValid: true, Check: &metadata.Check{Name: "weight_small", Expression: "weight_kg < 1000", Comment: "kept"}}},
		{name: "validate_constraint foreign key, invalidate", op: &ops.ValidateConstraint{TableRef: ops.TableRef{Table: "shipments"}, ConstraintName: "fk_shipments_order_id_order_lines", Type: ops.ConstraintForeignKey,
			ForeignKey: m.Table("", "shipments").ForeignKeys[0].Clone(), Invalidate: true}},
		{name: "create_check_constraint", op: &ops.CreateCheckConstraint{TableRef: products, Check: &metadata.Check{Name: "weight_positive", Expression: "weight_kg > 0"}}},
		{name: "rename_constraint", op: &ops.RenameConstraint{TableRef: products, ConstraintName: "price_not_negative", NewName: "price_ok"}},
		{name: "comment_constraint", op: &ops.CommentConstraint{TableRef: products, ConstraintName: "price_not_negative", Comment: "never below zero", Known: true}},
		{name: "create_exclude_constraint", op: &ops.CreateExclusionConstraint{TableRef: products, Exclusion: exclusion()}},
		{name: "drop_constraint exclusion", setup: []ops.Op{&ops.CreateExclusionConstraint{TableRef: products, Exclusion: exclusion()}},
			op: &ops.DropConstraint{TableRef: products, ConstraintName: "ex_products_launch", Type: ops.ConstraintExclude, Exclusion: exclusion()}},
		{name: "create_primary_key", setup: []ops.Op{noKey}, op: &ops.CreatePrimaryKey{TableRef: products, PrimaryKey: &metadata.PrimaryKey{Name: "pk_products", Columns: []string{"sku", "name"}}}},
		{name: "drop_constraint unique", op: &ops.DropConstraint{TableRef: ops.TableRef{Table: "group"}, ConstraintName: "uq_group_name", Type: ops.ConstraintUnique, Unique: &metadata.Unique{Name: "uq_group_name", Columns: []string{"name"}}}},
		{name: "drop_constraint foreignkey", op: &ops.DropConstraint{TableRef: ops.TableRef{Table: "shipments"}, ConstraintName: "fk_shipments_order_id_order_lines", Type: ops.ConstraintForeignKey,
			ForeignKey: m.Table("", "shipments").ForeignKeys[0].Clone()}},
		{name: "drop_constraint check", op: &ops.DropConstraint{TableRef: products, ConstraintName: "price_not_negative", Type: ops.ConstraintCheck, Check: &metadata.Check{Name: "price_not_negative", Expression: "price >= 0"}}},
		{name: "drop_constraint primary", op: noKey},
		{name: "create_enum", op: mood},
		{name: "drop_enum", setup: []ops.Op{mood}, op: &ops.DropEnum{EnumName: "mood", Enum: &metadata.Enum{Name: "mood", Values: []string{"happy", "sad"}}}},
		{name: "alter_enum_add_value after", op: &ops.AlterEnumAddValue{EnumName: "order_status", Value: "refunded", After: "paid"}},
		{name: "alter_enum_add_value before, in a schema", op: &ops.AlterEnumAddValue{Schema: "billing", EnumName: "currency", Value: "JPY", Before: "EUR"}},
		{name: "alter_enum_drop_value", op: &ops.AlterEnumDropValue{EnumName: "order_status", Value: "shipped", Before: "cancelled"}},
		{name: "create_sequence", op: userIDs},
		{name: "drop_sequence", setup: []ops.Op{userIDs}, op: &ops.DropSequence{SequenceName: "user_ids", Sequence: userIDs.Sequence.Clone()}},
		{name: "rename_sequence", setup: []ops.Op{userIDs}, op: &ops.RenameSequence{SequenceName: "user_ids", NewName: "users_seq"}},
		{name: "create_view", op: bigOrders},
		{name: "create_view materialized with an index", setup: []ops.Op{bigOrders}, op: orderStats},
		{name: "drop_view", setup: []ops.Op{bigOrders}, op: &ops.DropView{ViewName: "big_orders", View: bigOrders.View.Clone()}},
		{name: "drop_view materialized", setup: []ops.Op{bigOrders, orderStats}, op: &ops.DropView{Schema: "billing", ViewName: "order_stats",
			Materialized: true, View: orderStats.View.Clone()}},
		{name: "replace_view", setup: []ops.Op{bigOrders}, op: &ops.ReplaceView{
			View:     &metadata.View{Name: "big_orders", Definition: "SELECT id FROM \"order\"", SecurityInvoker: true, Security: "invoker", Algorithm: "merge", Definer: "app@%"},
			Existing: bigOrders.View.Clone()}},
		{name: "alter_column identity always", op: &ops.AlterColumn{TableRef: customers, ColumnName: "id",
			Identity: ptr(metadata.IdentityAlways), ExistingIdentity: ptr("")}},
		{name: "alter_column identity to serial with its sequence", op: &ops.AlterColumn{TableRef: customers, ColumnName: "id",
			Identity: ptr(metadata.IdentitySerial), ExistingIdentity: ptr(""),
			Sequence: &metadata.Sequence{Name: "customers_seq", Type: "bigint"}, ExistingSequence: &metadata.Sequence{}}},
		{name: "create_domain", op: year},
		{name: "drop_domain", setup: []ops.Op{year}, op: &ops.DropDomain{DomainName: "year", Domain: year.Domain.Clone()}},
		{name: "alter_domain", setup: []ops.Op{year}, op: &ops.AlterDomain{DomainName: "year", Default: ptr(""), ExistingDefault: ptr("2000"),
			NotNull: ptr(false), ExistingNotNull: ptr(true), AddChecks: []*metadata.Check{{Name: "year_max", Expression: "VALUE <= 2155"}},
			DropChecks: []*metadata.Check{{Name: "year_check", Expression: "VALUE >= 1901"}}}},
		{name: "create_extension", op: citext},
		{name: "drop_extension", setup: []ops.Op{citext}, op: &ops.DropExtension{ExtensionName: "citext", Extension: citext.Extension.Clone()}},
		{name: "add_column generated", op: double},
		{name: "alter_column generation expression", setup: []ops.Op{double}, op: &ops.AlterColumn{TableRef: products, ColumnName: "double_price",
			Generated: &metadata.Generated{Expression: "price * 3", Stored: true}, ExistingGenerated: &metadata.Generated{Expression: "price * 2", Stored: true}}},
		{name: "bulk_insert", op: &ops.BulkInsert{TableRef: ops.TableRef{Table: "group"}, Columns: []string{"id", "name"}, Rows: [][]any{{int64(1), "retail"}}}},
		{name: "bulk_delete", op: &ops.BulkDelete{TableRef: ops.TableRef{Table: "group"}, File: "seeds/groups.csv"}},
		{name: "call", op: &ops.Call{Function: "backfill_tiers", ReverseName: "clear_tiers"}},
		{name: "create_function", op: touch},
		{name: "drop_function", setup: []ops.Op{touch}, op: ops.DropRoutineOf(touch.Routine)},
		{name: "replace_function", setup: []ops.Op{touch}, op: &ops.ReplaceRoutine{Routine: withDefinition(touch.Routine,
			"CREATE OR REPLACE FUNCTION public.touch()\n RETURNS trigger\n LANGUAGE plpgsql\n STABLE\nAS $function$BEGIN RETURN NEW; END$function$"), Existing: touch.Routine}},
		{name: "create_aggregate", setup: []ops.Op{cat}, op: catAgg},
		{name: "drop_aggregate", setup: []ops.Op{cat, catAgg}, op: ops.DropRoutineOf(catAgg.Routine)},
		{name: "replace_aggregate", setup: []ops.Op{cat, catAgg}, op: &ops.ReplaceRoutine{Routine: withDefinition(catAgg.Routine,
			"CREATE OR REPLACE AGGREGATE billing.cat(text) (SFUNC = _cat, STYPE = text, INITCOND = '')"), Existing: catAgg.Routine}},
		{name: "create_procedure", op: fillTotals},
		{name: "drop_procedure", setup: []ops.Op{fillTotals}, op: ops.DropRoutineOf(fillTotals.Routine)},
		{name: "replace_procedure", setup: []ops.Op{fillTotals}, op: &ops.ReplaceRoutine{Routine: withDefinition(fillTotals.Routine, "CREATE PROCEDURE fill_totals() BEGIN END"), Existing: fillTotals.Routine}},
		{name: "create_trigger", setup: []ops.Op{touch}, op: touchOrders},
		{name: "drop_trigger", setup: []ops.Op{touch, touchOrders}, op: ops.DropTriggerOf(touchOrders.Trigger)},
		{name: "replace_trigger", setup: []ops.Op{touch, touchOrders}, op: &ops.ReplaceTrigger{Trigger: &metadata.Trigger{Table: "order", Name: "order_touch",
			Definition: "CREATE TRIGGER order_touch BEFORE INSERT OR UPDATE ON public.\"order\" FOR EACH ROW EXECUTE FUNCTION touch()", Function: "touch()"},
			Existing: touchOrders.Trigger}},
		{name: "comment_schema", op: &ops.CommentSchema{SchemaName: "billing", Comment: "invoices", Known: true}},
		{name: "grant_schema", op: &ops.GrantSchema{SchemaName: "billing", Role: "reporting", Privileges: []string{"USAGE"}}},
		{name: "revoke_schema", op: &ops.RevokeSchema{SchemaName: "public", Role: "PUBLIC", Privileges: []string{"USAGE"}}},
		{name: "create_rule", op: &ops.CreateRule{Rule: orderRule()}},
		{name: "drop_rule", setup: []ops.Op{&ops.CreateRule{Rule: orderRule()}}, op: ops.DropRuleOf(orderRule())},
		{name: "replace_rule", setup: []ops.Op{&ops.CreateRule{Rule: orderRule()}}, op: &ops.ReplaceRule{Rule: &metadata.RewriteRule{
			Table: "order", Name: "order_archive", Event: "INSERT", Comment: "archives",
			Definition: "CREATE RULE order_archive AS\n    ON INSERT TO \"order\" DO ALSO NOTIFY orders"}, Existing: orderRule()}},
		{name: "create_policy", op: &ops.CreatePolicy{Policy: orderPolicy()}},
		{name: "drop_policy", setup: []ops.Op{&ops.CreatePolicy{Policy: orderPolicy()}}, op: ops.DropPolicyOf(orderPolicy())},
		{name: "drop_policy of a bare policy", setup: []ops.Op{&ops.CreatePolicy{Policy: &metadata.Policy{Table: "order", Name: "bare"}}},
			op: ops.DropPolicyOf(&metadata.Policy{Table: "order", Name: "bare"})},
		{name: "replace_policy", setup: []ops.Op{&ops.CreatePolicy{Policy: orderPolicy()}}, op: &ops.ReplacePolicy{Policy: &metadata.Policy{
			Table: "order", Name: "order_owner", Restrictive: true, Command: "UPDATE", Using: "true", WithCheck: "total > 0"}, Existing: orderPolicy()}},
		{name: "alter_row_security enable and force", op: &ops.AlterRowSecurity{TableRef: ops.TableRef{Table: "order"},
			RowSecurity: metadata.RowSecurity{Enabled: true, Forced: true}, Existing: &metadata.RowSecurity{}}},
		{name: "create_event", op: &ops.CreateEvent{Event: purgeEvent()}},
		{name: "drop_event", setup: []ops.Op{&ops.CreateEvent{Event: purgeEvent()}}, op: ops.DropEventOf(purgeEvent())},
		{name: "replace_event", setup: []ops.Op{&ops.CreateEvent{Event: purgeEvent()}}, op: &ops.ReplaceEvent{Event: &metadata.Event{
			Name: "purge", Schedule: "EVERY 1 HOUR", Status: "disabled", Body: "DELETE FROM coupons WHERE percent = 0"}, Existing: purgeEvent()}},
	}
}

// orderPolicy is the row-level security policy fixture of the reverse
// cases.
func orderPolicy() *metadata.Policy {
	return &metadata.Policy{Table: "order", Name: "order_owner", Command: "SELECT", Roles: []string{"clerk", "public"},
		Using: "(customer_id = (current_setting('app.customer'::text))::bigint)", Comment: "a customer sees their orders"}
}

// purgeEvent is the MySQL event fixture of the reverse cases.
func purgeEvent() *metadata.Event {
	return &metadata.Event{Name: "purge", Schedule: "EVERY 1 DAY STARTS '2030-01-01 00:00:00'", Preserve: true,
		Body: "DELETE FROM coupons WHERE percent < 0", Comment: "nightly", SQLMode: "STRICT_TRANS_TABLES", TimeZone: "+00:00"}
}

// exclusion is the exclusion constraint fixture of the reverse cases: one
// of everything it can say.
func exclusion() *metadata.Exclusion {
	return &metadata.Exclusion{Name: "ex_products_launch", Using: "gist",
		Elements: []metadata.ExclusionElement{{Column: "name", Operator: "="}, {Expression: "daterange(launched_on, launched_on, '[]')", Operator: "&&"}},
		Include:  []string{"sku"}, Where: "price > 0", Deferrable: true, InitiallyDeferred: true, Comment: "one launch a day"}
}

// orderRule is the rewrite rule fixture of the reverse cases.
func orderRule() *metadata.RewriteRule {
	return &metadata.RewriteRule{Table: "order", Name: "order_archive", Event: "INSERT",
		Definition: "CREATE RULE order_archive AS\n    ON INSERT TO \"order\" DO INSTEAD NOTHING"}
}

// coupons is a table with one of everything.
func coupons() *metadata.Table {
	return &metadata.Table{
		Name:    "coupons",
		Comment: "discount codes",
		Columns: []*metadata.Column{
			{Name: "id", Type: metadata.BigIntType, AutoIncrement: true},
			{Name: "code", Type: metadata.VarcharType(20)},
			{Name: "customer_id", Type: metadata.BigIntType, Nullable: true},
			{Name: "percent", Type: metadata.NumericType(5, 2), Default: "0"},
			{Name: "status", Type: metadata.EnumType("order_status"), Nullable: true},
		},
		PrimaryKey:  &metadata.PrimaryKey{Name: "pk_coupons", Columns: []string{"id"}},
		ForeignKeys: []*metadata.ForeignKey{{Name: "fk_coupons_customer", Columns: []string{"customer_id"}, RefTable: "customers", RefColumns: []string{"id"}, OnDelete: metadata.Cascade}},
		Uniques:     []*metadata.Unique{{Name: "uq_coupons_code", Columns: []string{"code"}}},
		Checks:      []*metadata.Check{{Name: "percent_range", Expression: "percent BETWEEN 0 AND 100"}},
		Indexes:     []*metadata.Index{{Name: "ix_coupons_lower_code", Expressions: []string{"lower(code)"}}},
	}
}

// TestReverse checks, for every op kind, that the reverse undoes the op on
// the fixture and that reversing twice gives the op back.
func TestReverse(t *testing.T) {
	base := fixture(t)
	for _, tc := range reversible(t, base) {
		t.Run(tc.name, func(t *testing.T) {
			before := base.Clone()
			require.NoError(t, ops.ApplyAll(before, tc.setup))
			m := before.Clone()
			require.NoError(t, ops.Apply(m, tc.op))
			rev, err := tc.op.Reverse()
			require.NoError(t, err)
			require.NoError(t, ops.Apply(m, rev))
			requireSameModel(t, before, m)

			again, err := rev.Reverse()
			require.NoError(t, err)
			require.Equal(t, tc.op, again, "reversing twice gives the op back")
		})
	}
}

// TestApplyChanges checks that each schema op changes the model, so that
// TestReverse does not pass on ops that do nothing.
func TestApplyChanges(t *testing.T) {
	base := fixture(t)
	for _, tc := range reversible(t, base) {
		switch tc.op.(type) {
		case *ops.BulkInsert, *ops.BulkDelete, *ops.Call, *ops.ValidateConstraint: // the model holds no data nor validity
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			before := base.Clone()
			require.NoError(t, ops.ApplyAll(before, tc.setup))
			m := before.Clone()
			require.NoError(t, ops.Apply(m, tc.op))
			require.NotEqual(t, canonical(before), canonical(m))
		})
	}
}

// routineOps are the routine and trigger fixtures of the reverse cases.
func routineOps() (touch, cat, catAgg, fillTotals *ops.CreateRoutine, touchOrders *ops.CreateTrigger) {
	touch = &ops.CreateRoutine{Routine: &metadata.Routine{Kind: metadata.KindFunction, Name: "touch", Returns: "trigger",
		Definition: "CREATE OR REPLACE FUNCTION public.touch()\n RETURNS trigger\n LANGUAGE plpgsql\nAS $function$BEGIN NEW.updated := now(); RETURN NEW; END$function$",
		Comment:    "stamps a row"}}
	cat = &ops.CreateRoutine{Routine: &metadata.Routine{Kind: metadata.KindFunction, Name: "_cat", Arguments: "text, text", Returns: "text",
		Definition: "CREATE OR REPLACE FUNCTION public._cat(text, text) RETURNS text LANGUAGE sql AS $$SELECT $1 || $2$$"}}
	catAgg = &ops.CreateRoutine{Routine: &metadata.Routine{Kind: metadata.KindAggregate, Schema: "billing", Name: "cat", Arguments: "text", Returns: "text",
		Definition: "CREATE AGGREGATE billing.cat(text) (SFUNC = _cat, STYPE = text)", Uses: []string{"_cat(text, text)"}}}
	fillTotals = &ops.CreateRoutine{Routine: &metadata.Routine{Kind: metadata.KindProcedure, Name: "fill_totals",
		Definition: "CREATE PROCEDURE `fill_totals`()\nBEGIN\n  UPDATE `order` SET total = 0;\nEND", Definer: "app@%"}}
	touchOrders = &ops.CreateTrigger{Trigger: &metadata.Trigger{Table: "order", Name: "order_touch", Function: "touch()",
		Definition: "CREATE TRIGGER order_touch BEFORE UPDATE ON public.\"order\" FOR EACH ROW EXECUTE FUNCTION touch()"}}
	return touch, cat, catAgg, fillTotals, touchOrders
}

// withDefinition returns a copy of r with another definition.
func withDefinition(r *metadata.Routine, def string) *metadata.Routine {
	c := r.Clone()
	c.Definition = def
	return c
}
