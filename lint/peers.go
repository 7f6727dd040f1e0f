package lint

// PeerRule maps one rule of another migration linter to a Retort rule, or
// says why none applies. docs/lint.md is this table; TestPeerRules runs
// every Example (an upgrade list after a base of tables t and p) and checks
// Rule fires.
type PeerRule struct {
	Tool, ID string
	Rule     string // Retort rule id; "" when Reason says why none applies
	Reason   string
	Example  string // YAML upgrade ops
	Dialect  string // "postgresql" (default) or "mysql"
}

// Peers are squawk's rules (crates/squawk_linter/src/lib.rs), the checks of
// strong_migrations' README, and Atlas's analyzers.
var Peers = []PeerRule{
	{Tool: "squawk", ID: "adding-field-with-default", Rule: TableRewrite, Reason: "measured: only a volatile default rewrites on PostgreSQL 11+", Example: `[{execute: "ALTER TABLE t ADD COLUMN r float DEFAULT random()"}]`},
	{Tool: "squawk", ID: "adding-foreign-key-constraint", Rule: ForeignKeyExisting, Example: `[{create_foreign_key: {name: fk_t_p, table: t, columns: [a], ref_table: p, ref_columns: [id]}}]`},
	{Tool: "squawk", ID: "adding-not-nullable-field", Rule: NotNullExistingRows, Example: `[{alter_column: {table: t, column: a, nullable: false}}]`},
	{Tool: "squawk", ID: "adding-primary-key-constraint", Rule: UniqueExistingRows, Example: `[{drop_constraint: {name: pk_p, table: p, type: primary}}, {create_primary_key: {name: pk_p2, table: p, columns: [id]}}]`},
	{Tool: "squawk", ID: "adding-required-field", Rule: RequiredColumn, Example: `[{add_column: {table: t, column: {name: r, type: integer, nullable: false}}}]`},
	{Tool: "squawk", ID: "ban-char-field", Reason: "a type choice, not a migration hazard; schema.yaml review covers it"},
	{Tool: "squawk", ID: "ban-concurrent-index-creation-in-transaction", Rule: ConcurrentlyInTx, Example: `[{execute: "CREATE INDEX CONCURRENTLY ix ON t (a)"}]`},
	{Tool: "squawk", ID: "ban-drop-column", Rule: DropColumn, Example: `[{drop_column: {table: t, column: s}}]`},
	{Tool: "squawk", ID: "ban-drop-database", Rule: DropSchema, Example: `[{execute: "DROP DATABASE x"}]`},
	{Tool: "squawk", ID: "ban-drop-not-null", Reason: "dropping NOT NULL only widens what the column accepts; the old application is unaffected"},
	{Tool: "squawk", ID: "ban-drop-table", Rule: DropTable, Example: `[{drop_table: {name: p}}]`},
	{Tool: "squawk", ID: "changing-column-type", Rule: ChangeColumnType, Example: `[{alter_column: {table: t, column: a, type: bigint, existing_type: integer}}]`},
	{Tool: "squawk", ID: "constraint-missing-not-valid", Rule: ValidationScan, Example: `[{create_check_constraint: {name: ck_a, table: t, expression: "a > 0"}}]`},
	{Tool: "squawk", ID: "disallowed-unique-constraint", Rule: UniqueExistingRows, Example: `[{create_unique_constraint: {name: uq_a, table: t, columns: [a]}}]`},
	{Tool: "squawk", ID: "prefer-big-int", Rule: IntPrimaryKey, Example: `[{create_table: {name: n, columns: [{name: id, type: integer, primary_key: true}]}}]`},
	{Tool: "squawk", ID: "prefer-bigint-over-int", Rule: IntPrimaryKey, Example: `[{create_table: {name: n, columns: [{name: id, type: integer, primary_key: true}]}}]`},
	{Tool: "squawk", ID: "prefer-bigint-over-smallint", Rule: IntPrimaryKey, Example: `[{create_table: {name: n, columns: [{name: id, type: smallint, primary_key: true}]}}]`},
	{Tool: "squawk", ID: "prefer-identity", Reason: "autoincrement is always an identity column in Retort's PostgreSQL dialect"},
	{Tool: "squawk", ID: "prefer-robust-stmts", Reason: "a revision runs in one transaction and is recorded in the version table; IF NOT EXISTS is not needed to retry"},
	{Tool: "squawk", ID: "prefer-text-field", Reason: "widening varchar is measured as no rewrite on PostgreSQL 15 (dialect/postgres/lintprobe_test.go), so the hazard is gone"},
	{Tool: "squawk", ID: "prefer-timestamptz", Rule: TimestampWithoutZone, Example: `[{add_column: {table: t, column: {name: at, type: timestamp}}}]`},
	{Tool: "squawk", ID: "renaming-column", Rule: RenameColumn, Example: `[{alter_column: {table: t, column: s, new_name: s2}}]`},
	{Tool: "squawk", ID: "renaming-table", Rule: RenameTable, Example: `[{rename_table: {table: p, new_name: p2}}]`},
	{Tool: "squawk", ID: "require-concurrent-index-creation", Rule: IndexBlocksWrites, Example: `[{create_index: {name: ix_a, table: t, columns: [a]}}]`},
	{Tool: "squawk", ID: "require-concurrent-index-deletion", Rule: BlockingLock, Example: `[{create_index: {name: ix_a, table: t, columns: [a]}}, {drop_index: {name: ix_a, table: t}}]`},
	{Tool: "squawk", ID: "transaction-nesting", Reason: "the runner owns the transaction; an execute with BEGIN/COMMIT is refused by review, not a lock hazard"},
	{Tool: "squawk", ID: "ban-create-domain-with-constraint", Reason: "schema.yaml has no domains (reflection warns about them)"},
	{Tool: "squawk", ID: "ban-alter-domain-with-add-constraint", Reason: "schema.yaml has no domains"},
	{Tool: "squawk", ID: "ban-truncate-cascade", Rule: TruncateTable, Example: `[{execute: "TRUNCATE p CASCADE"}]`},
	{Tool: "squawk", ID: "require-timeout-settings", Rule: MissingLockTimeout, Example: `[{add_column: {table: t, column: {name: r, type: integer}}}]`},
	{Tool: "squawk", ID: "ban-uncommitted-transaction", Reason: "the runner commits each revision"},

	{Tool: "strong_migrations", ID: "removing a column", Rule: DropColumn, Example: `[{drop_column: {table: t, column: s}}]`},
	{Tool: "strong_migrations", ID: "changing the type of a column", Rule: TableRewrite, Example: `[{alter_column: {table: t, column: a, type: bigint, existing_type: integer}}]`},
	{Tool: "strong_migrations", ID: "renaming a column", Rule: RenameColumn, Example: `[{alter_column: {table: t, column: s, new_name: s2}}]`},
	{Tool: "strong_migrations", ID: "renaming a table", Rule: RenameTable, Example: `[{rename_table: {table: p, new_name: p2}}]`},
	{Tool: "strong_migrations", ID: "creating a table with the force option", Reason: "create_table never drops an existing table"},
	{Tool: "strong_migrations", ID: "adding an auto-incrementing column", Rule: TableRewrite, Example: `[{execute: "ALTER TABLE t ADD COLUMN n bigserial"}]`},
	{Tool: "strong_migrations", ID: "adding a stored generated column", Rule: TableRewrite, Example: `[{execute: "ALTER TABLE t ADD COLUMN g bigint GENERATED ALWAYS AS (a * 2) STORED"}]`},
	{Tool: "strong_migrations", ID: "adding a check constraint", Rule: CheckExistingRows, Example: `[{create_check_constraint: {name: ck_a, table: t, expression: "a > 0"}}]`},
	{Tool: "strong_migrations", ID: "executing SQL directly", Rule: UnmeasuredStatement, Reason: "execute is measured like any op when a scratch database is given; a statement it refuses is reported", Example: `[{execute: "ALTER TABLE nosuch ADD COLUMN x int"}]`},
	{Tool: "strong_migrations", ID: "backfilling data", Rule: UpdateWithoutWhere, Example: `[{execute: "UPDATE t SET a = 0"}]`},
	{Tool: "strong_migrations", ID: "adding an index non-concurrently", Rule: IndexBlocksWrites, Example: `[{create_index: {name: ix_a, table: t, columns: [a]}}]`},
	{Tool: "strong_migrations", ID: "adding a reference", Rule: ForeignKeyExisting, Example: `[{create_foreign_key: {name: fk_t_p, table: t, columns: [a], ref_table: p, ref_columns: [id]}}]`},
	{Tool: "strong_migrations", ID: "adding a foreign key", Rule: ValidationScan, Example: `[{create_foreign_key: {name: fk_t_p, table: t, columns: [a], ref_table: p, ref_columns: [id]}}]`},
	{Tool: "strong_migrations", ID: "adding a unique constraint", Rule: UniqueExistingRows, Example: `[{create_unique_constraint: {name: uq_a, table: t, columns: [a]}}]`},
	{Tool: "strong_migrations", ID: "adding an exclusion constraint", Reason: "no rule of its own yet: `create_exclude_constraint` is measured like any op when a scratch database is given (AccessExclusiveLock, scan)"},
	{Tool: "strong_migrations", ID: "adding a json column", Reason: "the json equality-operator problem is Rails' DISTINCT queries, not a migration hazard"},
	{Tool: "strong_migrations", ID: "setting NOT NULL on an existing column", Rule: NotNullExistingRows, Example: `[{alter_column: {table: t, column: a, nullable: false}}]`},
	{Tool: "strong_migrations", ID: "adding a column with a volatile default value", Rule: TableRewrite, Example: `[{execute: "ALTER TABLE t ADD COLUMN r float DEFAULT random()"}]`},
	{Tool: "strong_migrations", ID: "keeping non-unique indexes to three columns", Reason: "index design advice, not a migration hazard"},

	{Tool: "atlas", ID: "DS101 (drop schema)", Rule: DropSchema, Example: `[{execute: "DROP SCHEMA s CASCADE"}]`},
	{Tool: "atlas", ID: "DS102 (drop table)", Rule: DropTable, Example: `[{drop_table: {name: p}}]`},
	{Tool: "atlas", ID: "DS103 (drop column)", Rule: DropColumn, Example: `[{drop_column: {table: t, column: s}}]`},
	{Tool: "atlas", ID: "MF101 (unique index on existing column)", Rule: UniqueExistingRows, Example: `[{create_index: {name: ux_a, table: t, columns: [a], unique: true}}]`},
	{Tool: "atlas", ID: "MF102 (index made unique)", Rule: UniqueExistingRows, Example: `[{create_index: {name: ix_a, table: t, columns: [a]}}, {drop_index: {name: ix_a, table: t}}, {create_index: {name: ix_a, table: t, columns: [a], unique: true}}]`},
	{Tool: "atlas", ID: "MF103 (non-nullable column without default)", Rule: RequiredColumn, Example: `[{add_column: {table: t, column: {name: r, type: integer, nullable: false}}}]`},
	{Tool: "atlas", ID: "MF104 (nullable to non-nullable)", Rule: NotNullExistingRows, Example: `[{alter_column: {table: t, column: a, nullable: false}}]`},
	{Tool: "atlas", ID: "BC101 (rename table)", Rule: RenameTable, Example: `[{rename_table: {table: p, new_name: p2}}]`},
	{Tool: "atlas", ID: "BC102 (rename column)", Rule: RenameColumn, Example: `[{alter_column: {table: t, column: s, new_name: s2}}]`},
	{Tool: "atlas", ID: "CD101 (constraint deletion)", Rule: NoPrimaryKey, Reason: "dropping a foreign key or check loses no data; dropping a primary key is table-without-primary-key", Example: `[{drop_constraint: {name: pk_p, table: p, type: primary}}]`},
	{Tool: "atlas", ID: "PG101 (index without CONCURRENTLY)", Rule: IndexBlocksWrites, Example: `[{create_index: {name: ix_a, table: t, columns: [a]}}]`},
	{Tool: "atlas", ID: "PG102 (drop index without CONCURRENTLY)", Rule: BlockingLock, Example: `[{create_index: {name: ix_a, table: t, columns: [a]}}, {drop_index: {name: ix_a, table: t}}]`},
	{Tool: "atlas", ID: "PG103 (CONCURRENTLY in a transaction)", Rule: ConcurrentlyInTx, Example: `[{execute: "DROP INDEX CONCURRENTLY ix"}]`},
	{Tool: "atlas", ID: "PG301 (column type change rewrites the table)", Rule: TableRewrite, Example: `[{alter_column: {table: t, column: a, type: bigint, existing_type: integer}}]`},
	{Tool: "atlas", ID: "PG302 (volatile default rewrites the table)", Rule: TableRewrite, Example: `[{execute: "ALTER TABLE t ADD COLUMN r float DEFAULT random()"}]`},
	{Tool: "atlas", ID: "PG303 (modify column type)", Rule: ChangeColumnType, Example: `[{alter_column: {table: t, column: a, type: bigint, existing_type: integer}}]`},
	{Tool: "atlas", ID: "PG304 (primary key without an index)", Rule: UniqueExistingRows, Example: `[{drop_constraint: {name: pk_p, table: p, type: primary}}, {create_primary_key: {name: pk_p2, table: p, columns: [id]}}]`},
	{Tool: "atlas", ID: "PG305 (add check / FK validation scan)", Rule: ValidationScan, Example: `[{create_check_constraint: {name: ck_a, table: t, expression: "a > 0"}}]`},
	{Tool: "atlas", ID: "MY101 (non-nullable column without default)", Rule: RequiredColumn, Dialect: "mysql", Example: `[{add_column: {table: t, column: {name: r, type: integer, nullable: false}}}]`},
	{Tool: "atlas", ID: "MY102 (copy algorithm)", Rule: TableRewrite, Dialect: "mysql", Example: `[{alter_column: {table: t, column: a, type: bigint, existing_type: integer}}]`},
	{Tool: "atlas", ID: "MY110/MY111 (enum values removed or reordered)", Rule: DropEnumValue, Example: `[{create_enum: {name: mood, values: [a, b]}}, {alter_enum_drop_value: {name: mood, value: b}}]`},
	{Tool: "atlas", ID: "LT101 (lint: missing lock timeout)", Rule: MissingLockTimeout, Example: `[{add_column: {table: t, column: {name: r, type: integer}}}]`},
}
