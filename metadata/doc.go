// Package metadata is Retort's schema model: the tables, columns, types,
// constraints, indexes and enums a team wants, independent of any database.
//
// A [MetaData] is built in Go (struct literals and the small helpers in this
// package) or read from schema.yaml (see [Read]); the same model comes back
// from reflecting a live database, so the two can be diffed. The model only
// holds long forms: the schema.yaml column shorthands (unique, index,
// references, primary_key) are expanded on reading and folded back on writing.
//
// Names are stored as the database will hold them. A constraint or index
// without a name gets one from the naming convention (SQLAlchemy's tokens, see
// [NamingConvention]); unlike SQLAlchemy, an explicit name is never rewritten,
// so what schema.yaml says is what the catalog shows.
//
// This package imports nothing else of Retort's and does no database work.
package metadata
