package jsonschema

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// revisionKeys are a YAML revision file's keys (versions.ParseYAML's).
var revisionKeys = []string{"revision", "down_revision", "branch_labels", "depends_on", "message", "created",
	"transactional", "lock_timeout", "statement_timeout", "lock_retries", "retry_backoff", "upgrade", "downgrade"}

// onlineKeys describe the online keys of a revision header and of
// migrate.yaml's revisions: mapping (versions.Timeouts).
func onlineKeys() obj {
	return obj{
		"lock_timeout":      str("how long one statement may wait for a lock before it gives up and is retried: a Go duration such as 500ms (MySQL: whole seconds, rounded up)"),
		"statement_timeout": str("how long one statement may run: a Go duration such as 10m"),
		"lock_retries":      typed("integer", "how often a statement that gave up waiting for its lock runs again (its transaction, rolled back, on PostgreSQL)"),
		"retry_backoff":     str("the wait before the first retry, doubled for each next one: a Go duration (default 100ms)"),
	}
}

// revisionRoot is a revision file's top level.
func revisionRoot() obj {
	id := typed([]string{"string", "integer"}, "a revision id")
	ids := anyOf("revision ids", obj{"type": "null"}, id, obj{"type": "array", "items": id})
	return closed("", revisionKeys, merge(onlineKeys(), obj{
		"revision":      typed([]string{"string", "integer"}, "this revision's id: 12 hex digits, or any id without white space and @ - + :"),
		"down_revision": anyOf("the revision this one follows: null for a base, a list for a merge point", obj{"type": "null"}, id, obj{"type": "array", "items": id}),
		"branch_labels": anyOf("labels naming the branch this revision starts", obj{"type": "null"}, obj{"type": "string"}, strings_("")),
		"depends_on":    ids,
		"message":       typed([]string{"string", "null"}, "what the revision does, one line"),
		"created":       typed([]string{"string", "null"}, "when it was written, RFC 3339"),
		"transactional": boolean("false: run outside a transaction (CREATE INDEX CONCURRENTLY)"),
		"upgrade":       opList("the operations that apply the revision, in order"),
		"downgrade":     opList("the operations that revert it; leave the key out to use the exact reverse of upgrade, [] for none"),
	}), "revision")
}

func opList(desc string) obj {
	return obj{"type": []string{"array", "null"}, "items": ref("op"), "description": desc}
}

// opDefs adds the operations to defs: "op" is a mapping with one key, the
// operation's name.
func opDefs(defs obj) obj {
	tableRef := obj{"table": str("the table"), "schema": str("the table's schema")}
	with := func(extra obj) obj {
		p := obj{}
		for k, v := range tableRef {
			p[k] = v
		}
		for k, v := range extra {
			p[k] = v
		}
		return p
	}
	withRef := func(keys ...string) []string { return append([]string{"table", "schema"}, keys...) }
	idx := metadata.Keys(metadata.KindIndex)
	fk := metadata.Keys(metadata.KindForeignKey)
	element := func(def string, keys []string) obj {
		s := defs[def].(obj)
		return closed("", withRef(keys...), with(s["properties"].(obj)))
	}
	alter := with(obj{
		"column": str("the column to alter"), "new_name": str("rename it"), "type": ref("type"),
		"nullable": boolean("NULL allowed"), "default": typed(append([]string{"null"}, scalar...), "the new server default; null drops it"),
		"comment": typed([]string{"string", "null"}, "the new comment"), "autoincrement": boolean(""),
		"existing_type": ref("type"), "existing_nullable": boolean(""), "existing_default": typed(append([]string{"null"}, scalar...), ""),
		"existing_comment": typed([]string{"string", "null"}, ""), "existing_autoincrement": boolean(""),
		"charset":          typed([]string{"string", "null"}, "MySQL/MariaDB: the new CHARACTER SET; null: the table's"),
		"collation":        typed([]string{"string", "null"}, "MySQL/MariaDB: the new COLLATE; null: the charset's or table's"),
		"existing_charset": typed([]string{"string", "null"}, ""), "existing_collation": typed([]string{"string", "null"}, ""),
		"identity":          typed([]string{"string", "null"}, "PostgreSQL: by default, always or serial"),
		"existing_identity": typed([]string{"string", "null"}, ""),
		"sequence":          ref("sequence"), "existing_sequence": ref("sequence"),
		"generated": ref("generated"), "existing_generated": ref("generated"),
		"attributes": ref("attributes"), "existing_attributes": ref("attributes"),
	})
	tableOptions := with(obj{
		"charset":          typed([]string{"string", "null"}, "the new DEFAULT CHARSET; null: utf8mb4"),
		"collation":        typed([]string{"string", "null"}, "the new COLLATE; null: the charset's default"),
		"row_format":       typed([]string{"string", "null"}, "the new ROW_FORMAT; null: the server's default"),
		"existing_charset": typed([]string{"string", "null"}, ""), "existing_collation": typed([]string{"string", "null"}, ""),
		"existing_row_format": typed([]string{"string", "null"}, ""),
	})
	enum := obj{"name": str("the enum"), "schema": str("its schema"), "values": strings_("its values")}
	enumValue := obj{"name": str("the enum"), "schema": str("its schema"), "value": str("the value"),
		"before": str("insert before this value"), "after": str("insert after this value")}
	rows := obj{"type": "array", "items": obj{"type": "object"}, "description": "the rows, each a mapping of column to value"}
	known := obj{
		"create_table":              ref("table"),
		"drop_table":                ref("table"),
		"rename_table":              closed("", withRef("new_name"), with(obj{"new_name": str("the new name")})),
		"set_table_comment":         closed("", withRef("comment", "existing_comment"), with(obj{"comment": typed([]string{"string", "null"}, ""), "existing_comment": typed([]string{"string", "null"}, "")})),
		"add_column":                moded(closed("", withRef("column"), with(obj{"column": ref("column_alone")}))),
		"drop_column":               moded(closed("", withRef("column"), with(obj{"column": anyOf("the column's name, or the whole column (for an exact reverse)", str(""), ref("column_alone"))}))),
		"alter_column":              prop(moded(closed("", withRef("column", "new_name", "type", "nullable", "default", "comment", "autoincrement", "existing_type", "existing_nullable", "existing_default", "existing_comment", "existing_autoincrement", "charset", "collation", "existing_charset", "existing_collation", "identity", "sequence", "existing_identity", "existing_sequence", "generated", "existing_generated", "attributes", "existing_attributes"), alter)), "online", boolean("the safe SET NOT NULL: PostgreSQL 12+ a NOT VALID check validated outside the transaction, then SET NOT NULL; MySQL/MariaDB ALGORITHM=INPLACE, LOCK=NONE; SQLite refuses it")),
		"alter_table":               closed("", withRef("charset", "collation", "row_format", "existing_charset", "existing_collation", "existing_row_format"), tableOptions),
		"create_index":              moded(concurrent(element("index", idx))),
		"drop_index":                moded(concurrent(element("index", idx))),
		"create_unique_constraint":  moded(element("unique", metadata.Keys(metadata.KindUnique))),
		"create_foreign_key":        moded(prop(element("foreign_key", fk), "not_valid", notValid)),
		"create_check_constraint":   moded(prop(element("check", metadata.Keys(metadata.KindCheck)), "not_valid", notValid)),
		"create_primary_key":        element("primary_key", metadata.Keys(metadata.KindPrimaryKey)),
		"create_exclude_constraint": element("exclusion", metadata.Keys("exclusion")),
		"rename_constraint": closed("PostgreSQL: RENAME CONSTRAINT, keeping the constraint", withRef("name", "new_name"), with(obj{
			"name": str("the constraint"), "new_name": str("its new name")})),
		"comment_constraint": closed("PostgreSQL: COMMENT ON CONSTRAINT, without rebuilding it", withRef("name", "comment", "existing"), with(obj{
			"name": str("the constraint"), "comment": typed([]string{"string", "null"}, "the comment; empty removes it"),
			"existing": typed([]string{"string", "null"}, "the comment before, for the reverse")})),
		"drop_constraint": moded(closed("", append(withRef("name", "type", "not_valid", "expression", "nulls_not_distinct", "no_inherit", "comment", "using", "elements", "include", "where"), fk[1:]...),
			with(merge(merge(defs["exclusion"].(obj)["properties"].(obj), defs["foreign_key"].(obj)["properties"].(obj)), obj{"name": str("the constraint"),
				"type": str("unique, foreignkey, check, primary or exclude"), "expression": typed(scalar, "a check's condition"),
				"nulls_not_distinct": boolean("a unique constraint's NULLS NOT DISTINCT"),
				"no_inherit":         boolean("a check's NO INHERIT"),
				"not_valid":          boolean("the dropped foreign key or check was NOT VALID: its reverse adds it back so")})))),
		"validate_constraint": closed("PostgreSQL: check the old rows of a NOT VALID foreign key or check, without blocking writes", append(withRef("name", "type", "invalidate", "expression", "no_inherit", "comment"), slices.DeleteFunc(slices.Clone(fk[1:]), func(k string) bool { return k == "not_valid" })...),
			with(merge(defs["foreign_key"].(obj)["properties"].(obj), obj{"name": str("the constraint"),
				"type": str("foreignkey or check"), "expression": typed(scalar, "a check's condition, for the reverse"),
				"no_inherit": boolean("a check's NO INHERIT, for the reverse"),
				"invalidate": boolean("the reverse: make it NOT VALID again (dropped and added back NOT VALID)")}))),
		"create_domain": ref("domain"),
		"drop_domain":   ref("domain"),
		"alter_domain": closed("", []string{"name", "schema", "default", "not_null", "add_checks", "drop_checks", "existing_default", "existing_not_null"}, obj{
			"name": str("the domain"), "schema": str("its schema"),
			"default": typed([]string{"string", "null"}, "the new default; null: none"), "existing_default": typed([]string{"string", "null"}, ""),
			"not_null": boolean("NOT NULL"), "existing_not_null": boolean(""),
			"add_checks": listOf("check", "checks added"), "drop_checks": listOf("check", "checks dropped, whole for an exact reverse"),
		}),
		"create_extension": closed("", []string{"name", "schema", "version"}, obj{
			"name": str("the extension"), "schema": str("its schema"), "version": typed(scalar, "its version")}),
		"drop_extension": closed("", []string{"name", "schema", "version", "carried"}, obj{
			"name": str("the extension"), "schema": str("its schema"), "version": typed(scalar, "its version"),
			"carried": boolean("the extension is carried for an exact reverse")}),
		"create_sequence": ref("sequence"),
		"create_view":     ref("view"),
		"drop_view":       anyOf("the view's name and schema, or the whole view (for an exact reverse)", closed("", []string{"name", "schema", "materialized"}, obj{"name": str("the view"), "schema": str("its schema"), "materialized": boolean("a materialized view")}), ref("view")),
		"replace_view": closed("the view as it becomes; existing: the view as it was, for the downgrade", append(metadata.Keys("view"), "existing"),
			merge(defs["view"].(obj)["properties"].(obj), obj{"existing": ref("view")}), "name", "definition"),
		"drop_sequence":         ref("sequence"),
		"rename_index":          closed("", withRef("name", "new_name"), with(obj{"name": str("the index"), "new_name": str("the new name")})),
		"rename_sequence":       closed("", []string{"name", "schema", "new_name"}, obj{"name": str("the sequence"), "schema": str("its schema"), "new_name": str("the new name")}),
		"create_enum":           closed("", []string{"name", "schema", "values"}, enum),
		"drop_enum":             closed("", []string{"name", "schema", "values"}, enum),
		"alter_enum_add_value":  closed("", []string{"name", "schema", "value", "before", "after"}, enumValue),
		"alter_enum_drop_value": closed("", []string{"name", "schema", "value", "before", "after"}, enumValue),
		"execute": anyOf("SQL to run: text, or one text per dialect", str("the SQL"),
			closed("", []string{"sql", "postgresql", "mysql", "sqlite"}, obj{"sql": str("for every dialect"),
				"postgresql": str("for PostgreSQL"), "mysql": str("for MySQL/MariaDB"), "sqlite": str("for SQLite")})),
		"bulk_insert": closed("", withRef("rows", "file", "on_conflict", "key"), with(obj{"rows": rows,
			"file": str("a CSV or JSON file, relative to the revision file"), "on_conflict": obj{"enum": []string{ops.OnConflictSkip, ops.OnConflictUpdate}},
			"key": str("the columns that identify a row")})),
		"bulk_delete": closed("", withRef("rows", "file", "key"), with(obj{"rows": rows,
			"file": str("a CSV or JSON file, relative to the revision file"), "key": str("the columns that identify a row")})),
		"batch_update": closed("a backfill in batches of primary key ranges, each its own transaction; resumes after a crash", withRef("set", "where", "batch_size", "sleep"),
			with(obj{"set": str("the SET clause: n = n + 1"), "where": str("an SQL condition; every row when left out"),
				"batch_size": typed("integer", "rows per batch (default 10000)"), "sleep": str("the pause between batches: a Go duration such as 50ms")}), "table", "set"),
		"batch_delete": closed("a DELETE in batches of primary key ranges, each its own transaction; resumes after a crash", withRef("where", "batch_size", "sleep"),
			with(obj{"where": str("an SQL condition; every row when left out"),
				"batch_size": typed("integer", "rows per batch (default 10000)"), "sleep": str("the pause between batches: a Go duration such as 50ms")}), "table"),
		"call": anyOf("a Go function registered with retort.Register", str("its name"),
			closed("", []string{"function", "reverse"}, obj{"function": str("its name"), "reverse": str("the function that reverts it")})),
	}
	routineOps(known, defs)
	ruleOps(known, defs)
	policyOps(known, defs)
	eventOps(known, defs)
	props := obj{}
	for _, name := range ops.Names() {
		if s, ok := known[name]; ok {
			props[name] = s
		} else {
			props[name] = obj{} // an operation this schema does not describe yet
		}
	}
	defs["op"] = obj{"type": "object", "description": "an operation: a mapping with one key, its name",
		"properties": props, "additionalProperties": false, "minProperties": 1, "maxProperties": 1}
	return defs
}

// concurrent adds concurrently: to an index op's schema.
func concurrent(s obj) obj {
	return prop(s, "concurrently", boolean("build or drop it without blocking writes: PostgreSQL CONCURRENTLY (outside the revision's transaction), MySQL/MariaDB ALGORITHM=INPLACE, LOCK=NONE; SQLite refuses it"))
}

// moded adds algorithm: and lock: (MySQL/MariaDB's ALGORITHM= and LOCK=)
// to an alter op's schema.
func moded(s obj) obj {
	s = prop(s, "algorithm", obj{"enum": bothCases(ops.Algorithms), "description": "MySQL/MariaDB: ALGORITHM=, refused by the server rather than degraded; PostgreSQL and SQLite refuse it"})
	return prop(s, "lock", obj{"enum": bothCases(ops.Locks), "description": "MySQL/MariaDB: LOCK=, refused by the server rather than degraded; PostgreSQL and SQLite refuse it"})
}

// bothCases is the upper-case words and their lower-case spellings, which
// the reader takes as the same.
func bothCases(words []string) []string {
	out := slices.Clone(words)
	for _, w := range words {
		out = append(out, strings.ToLower(w))
	}
	return out
}

// notValid describes a constraint op's not_valid key.
var notValid = boolean("PostgreSQL: add it without checking the rows already there (NOT VALID); validate_constraint checks them later")

// prop adds the property key to the object schema s.
func prop(s obj, key string, v obj) obj {
	s["properties"].(obj)[key] = v
	return s
}

func merge(a, b obj) obj {
	out := obj{}
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}
