// Package lint is "migrate lint": what a pending revision will do to
// production, measured on a scratch database rather than guessed.
//
// [Run] plans each op of each selected revision (the revisions not yet
// applied on Options.URL, those after Options.Base, or a list), and reports
// per statement, at the file:line of its op:
//   - destructive: drop-table, drop-column, drop-enum, drop-enum-value,
//     drop-schema, narrow-type, bulk-delete, delete-without-where,
//     update-without-where, truncate-table;
//   - blocking: table-rewrite, validation-scan, index-blocks-writes,
//     blocking-lock (and unmeasured-statement when the scratch refused one);
//   - data-dependent: unique-on-existing-rows, not-null-on-existing-rows,
//     check-on-existing-rows, foreign-key-on-existing-rows,
//     required-column-without-default (with CountRows, the offending rows
//     on the real database are counted with SELECTs only: >0 makes the
//     finding an error, 0 an info);
//   - backward-incompatible: rename-column, rename-table,
//     change-column-type (drop-table and drop-column say so too);
//   - hygiene: table-without-primary-key, mixed-ddl-and-data,
//     concurrently-in-transaction, missing-lock-timeout, int-primary-key,
//     timestamp-without-time-zone.
//
// The rule ids are stable (constants in rules.go): revision files silence
// them with lint: {ignore: [RULE, ...]} for the whole revision or a
// "# lint: ignore RULE" comment on an op, and the online operations of
// issue 17 name the rule each avoids.
//
// Measuring: with a scratch database (Options.DevURL, or SQLite in memory)
// the folded history up to the first linted revision is created there with
// three rows per table, and every statement runs through the dialect's
// [dialect.LockProber]: PostgreSQL samples pg_locks from a second
// connection while the statement's transaction is open and compares
// relfilenode and the transaction's sequential scans; MySQL/MariaDB tries
// ALGORITHM=INSTANT, then INPLACE with LOCK=NONE, and so on, keeping the
// first the server accepts. Without one, the dialect's documented rules are
// used and the report says so (Report.Note). Tables created by the same
// revision are exempt from blocking and data rules: nobody uses them yet.
//
// Decisions where the issue is silent: destructive and backward-incompatible
// findings are warnings (they are often meant; ignore them per op), a table
// rewrite and SQL that deletes or updates every row are errors, a brief
// exclusive lock is an info. docs/lint.md maps squawk, strong_migrations and
// Atlas rules to these.
package lint
