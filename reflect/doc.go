// Package reflect reads a live database into a [metadata.MetaData]: the
// dialect-neutral driver around [dialect.Dialect.Inspect]. It adds what
// every database shares: include and exclude filters (schemas, table
// globs), leaving out the version table, warnings for foreign keys that
// point outside what was read, a deterministic order, and dumping the
// result as schema.yaml, JSON or DDL.
//
// The catalog reading itself lives in each dialect (dialect/postgres,
// dialect/mysql, dialect/sqlite), which reads it in a fixed number of bulk
// queries whatever the number of tables. Filters are applied to what the
// dialect read, so they never add queries.
//
// Order: tables and enums are sorted by schema, then name (byte order), and
// within a table the primary key's columns, the columns, the indexes and
// the unique, check and foreign key constraints keep the order the
// dialect reads, which each dialect makes deterministic: PostgreSQL by
// name, MySQL/MariaDB the server's key order (what SHOW CREATE TABLE
// prints), SQLite as the table declares them. Two inspections of the same
// schema therefore dump the same bytes, whatever order the tables were
// created in, and a dump diffs cleanly against the previous one; the key
// order a database keeps is schema (its dump prints it) and survives the
// round trip through schema.yaml. The sql format
// reorders tables by foreign key dependency (see [dialect.CreateOps]),
// since DDL must create a referred table first.
package reflect
