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
// # schema.yaml
//
// [Read] decodes the format of docs/design.md and reports every problem at its
// file:line:column, as an [ErrorList] of [*Error]. [Write] renders a model
// as canonical text: Write then Read gives the model back, and a canonical
// file survives Read then Write byte for byte. [WriteJSON] gives the same
// structure spelled out in full, for programs. Some rules the format
// leaves open:
//
//   - A default is SQL text taken as written: default: 0, default: false and
//     default: "'ok'" are the SQL 0, false and 'ok'. A null default is no
//     default.
//   - Keys expanded from column flags come first in the model, in column
//     order, then those of the long lists; Write folds a key into a flag
//     only where reading it back gives the same order.
//   - A column in the primary key is not nullable unless it says
//     nullable: true, which [MetaData.Validate] then refuses.
//   - primary_key: true on columns and a primary_key entry may both be
//     given if they name the same columns.
//   - A naming_convention replaces the default one entirely; spelled out
//     equal to [DefaultNamingConvention], it reads as nil (the default).
//   - references: a.b is table a, column b; a.b.c is schema a. Names with
//     dots need the foreign_keys form. enum(s.e) names the enum e of
//     schema s, declared under enums as s.e.
//   - ON DELETE and ON UPDATE actions are read in any case and stored in
//     lower case.
//
// Files that embed schema.yaml's elements (the ops of a revision file)
// read them one YAML node at a time with [DecodeTable], [DecodeColumn],
// [DecodeType] and the Decode functions of keys and indexes, with the same
// keys ([Keys]), meaning and positioned errors as [Read]; [EncodeTable]
// and the other Encode functions write them back in long form.
//
// [MetaData.Validate] checks a model, however it was built: names given and
// unique in their table, types known, enums declared, keys and indexes over
// columns that exist, foreign keys to existing tables and columns of the
// same type that are a primary key or unique there.
//
// This package imports nothing else of Retort's and does no database work.
package metadata
