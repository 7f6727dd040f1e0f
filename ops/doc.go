// Package ops holds Retort's migration operations: typed values, one struct
// per operation of docs/design.md (Alembic's names), their YAML codec (the body of
// a revision file), Reverse, validation, and Apply, which folds an operation
// onto a [metadata.MetaData] so a history can be replayed without a database.
//
// [Op] is a closed sum type: every operation has the unexported op method, so
// a type switch over the structs of this package is exhaustive.
//
// Every operation that autogenerate emits carries what its reverse needs
// (a DropColumn carries the dropped column, an AlterColumn its Existing*
// fields), so Reverse is exact. An operation written by hand without that
// information reverses with an error that says which field to add.
//
// # Revision file form
//
// [DecodeList] reads, and [EncodeList] writes, a list of single-key
// mappings, the key naming the op. Every op takes schema: next to its
// table (or enum) name; it is left out for the default schema.
//
//	upgrade:
//	  - create_table: {name, schema, comment, columns, indexes, unique, checks, foreign_keys, primary_key}
//	  - drop_table: {name, schema}                     # or the whole table, as in create_table
//	  - rename_table: {table, new_name}
//	  - set_table_comment: {table, comment, existing_comment}   # null: no comment
//	  - add_column: {table, column: {name, type, nullable, default, autoincrement, comment}}
//	  - drop_column: {table, column: name}             # or column: {the whole column}
//	  - alter_column: {table, column, new_name, type, nullable, default, comment, autoincrement,
//	      charset, collation, existing_type, existing_nullable, existing_default, existing_comment,
//	      existing_autoincrement, existing_charset, existing_collation}
//	  - alter_table: {table, charset, collation, row_format,
//	      existing_charset, existing_collation, existing_row_format}   # MySQL/MariaDB
//	  - create_index: {name, table, columns, expressions, unique, where, using}
//	  - drop_index: {name, table}                      # plus columns, ... for the reverse
//	  - create_unique_constraint: {name, table, columns}
//	  - create_foreign_key: {name, table, columns, ref_table, ref_schema, ref_columns,
//	      on_delete, on_update, deferrable, initially_deferred}
//	  - create_check_constraint: {name, table, expression}
//	  - create_primary_key: {name, table, columns}
//	  - drop_constraint: {name, table, type}           # unique|foreignkey|check|primary, plus
//	                                                   # the create op's keys for the reverse
//	  - create_enum: {name, values}
//	  - drop_enum: {name}                              # plus values for the reverse
//	  - alter_enum_add_value: {name, value, before | after}
//	  - alter_enum_drop_value: {name, value, before | after}   # its place, for the reverse
//	  - execute: {sql} or {postgresql, mysql, sqlite}  # or execute: "SQL text"
//	  - bulk_insert: {table, rows: [{col: value, ...}], on_conflict: skip|update, key}
//	  - bulk_insert: {table, file: seeds/countries.csv}
//	  - bulk_delete: {table, rows | file, key}
//	  - call: name                                     # or {function, reverse}
//
// Tables and columns are written as in schema.yaml (type: or native:, and
// variants:). In create_table (and a drop_table carrying its table) the
// column shorthands primary_key, unique, index and references are read as
// in schema.yaml, and written in long form. In add_column they are refused:
// a constraint has an op of its own.
//
// A drop op carries its reverse's definition in the keys of the matching
// create op: drop_table holds the whole table when it has columns:,
// drop_index the index when it has columns: or expressions:,
// drop_constraint the constraint when it has columns:, expression: or
// ref_table:, drop_enum the enum when it has values:.
//
// In alter_column a key left out is left as it is; default: null (and
// comment: null) removes the default (comment); existing_default: null says
// there was none. type: is a type's text, or a mapping {type | native,
// variants} when it needs one.
//
// A row's values are read by their YAML tag: null, true/false, integers
// (int64), floats (float64) and text (string; a quoted scalar is always
// text, and so is a timestamp). Every row has the keys of the first, whose
// order gives [BulkInsert.Columns].
//
// Decoding reports every problem as a [metadata.ErrorList] of
// [*metadata.Error], file:line:column with a message naming the op, and a
// "did you mean" for misspelt op names, keys and values.
//
// # Folding
//
// [Apply] mirrors what the databases do; see it for the rules. Execute
// cannot be folded ([ErrNotFoldable]); [ApplyAll] skips it and reports it,
// so offline mode can warn and go on.
package ops
