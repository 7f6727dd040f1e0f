// Package jsonschema describes Retort's three YAML files as JSON Schemas
// (draft 2020-12), so that editors complete and check them, and validates
// YAML against those schemas with line numbers.
//
// [Generate] returns the schemas of schema.yaml ([SchemaFile]), of a
// revision file ([RevisionFile]) and of migrate.yaml ([ConfigFile]);
// "migrate json-schema" writes them with [WriteDir]. VS Code (with the
// Red Hat YAML extension) and other editors using yaml-language-server
// pick a schema up from a file's first line:
//
//	# yaml-language-server: $schema=jsonschema/schema.json
//
// which "migrate init" and "migrate revision" write ([ModelineFor]).
//
// The schemas describe shape: which keys exist where, and what kind of
// value each takes. What needs the whole file (a foreign key's table
// exists, a type name is known, a revision's parent exists) is checked by
// Retort's readers as before. The schemas are generated from the same key
// lists the readers use where those are exported (metadata.Keys, the
// operation names, retort.ConfigKeys), so a key that the reader accepts and
// the schema does not know is still accepted: the schema never rejects a
// file that Retort reads.
//
// [Validate] checks a YAML document against one of these schemas. It
// implements the subset of JSON Schema that [Generate] emits: type,
// properties, additionalProperties, required, items, enum, anyOf, $ref to
// $defs, minProperties and maxProperties; the annotation keywords are
// ignored. It is here so that the schemas are tested against every fixture
// without a new dependency; it is not a general validator.
package jsonschema
