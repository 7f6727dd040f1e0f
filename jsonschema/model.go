package jsonschema

import "github.com/retortdb/retort/metadata"

// scalar is any YAML scalar but null: a default or an expression may be
// written as a number or a boolean as well as a string.
var scalar = []string{"string", "number", "boolean"}

// unnamedDoc describes a key's unnamed flag.
const unnamedDoc = "SQLite: written without CONSTRAINT name, as the database keeps it; elsewhere the server names it (by the naming convention)"

// columnTypeKeys are the type keys a column carries itself.
var columnShorthands = []string{"primary_key", "unique", "index", "references", "on_delete", "on_update"}

// modelDefs are the definitions schema.yaml and revision files share.
// constraintComment and constraintNotValid describe a constraint's comment
// and not_valid keys.
var (
	constraintComment  = str("PostgreSQL: the constraint's comment (COMMENT ON CONSTRAINT)")
	constraintNotValid = boolean("PostgreSQL: NOT VALID, the rows there when it was added are not checked yet (validate_constraint checks them)")
)

func modelDefs() obj {
	constraintCols := strings_("the columns, in order")
	defs := obj{
		"table": closed("a table: its columns, keys, indexes and checks", metadata.Keys("table"), obj{
			"schema":       str("the schema (PostgreSQL, MySQL database) the table is in; empty: the default one"),
			"name":         str("the table's name"),
			"comment":      typed([]string{"string", "null"}, "the table's comment"),
			"charset":      typed([]string{"string", "null"}, "MySQL/MariaDB: the table's DEFAULT CHARSET; empty: utf8mb4"),
			"collation":    typed([]string{"string", "null"}, "MySQL/MariaDB: the table's COLLATE; empty: its charset's default"),
			"row_format":   typed([]string{"string", "null"}, "MySQL/MariaDB: the table's ROW_FORMAT (DYNAMIC, COMPACT, ...); empty: the server's default"),
			"partition_by": typed([]string{"string", "null"}, "PostgreSQL: the table is partitioned: RANGE (col), LIST (col) or HASH (col), as pg_get_partkeydef prints it"),
			"partition_of": closed("PostgreSQL: the table is a partition of another; it has that table's columns (give none)", []string{"schema", "table", "bound"}, obj{
				"schema": str("the parent's schema; empty: this table's"),
				"table":  str("the partitioned table"),
				"bound":  str("FOR VALUES FROM (...) TO (...), FOR VALUES IN (...), FOR VALUES WITH (MODULUS m, REMAINDER r), or DEFAULT, as pg_get_expr(relpartbound) prints it"),
			}, "table", "bound"),
			"inherits": map[string]any{"type": "array", "description": "PostgreSQL: the tables this one inherits from (INHERITS), in order; " +
				"it has their columns, and columns: lists only its own",
				"items": closed("a parent table", []string{"schema", "table"}, obj{
					"schema": str("the parent's schema; empty: this table's"),
					"table":  str("the parent table"),
				}, "table")},
			"columns":      listOf("column", "the columns, in order"),
			"indexes":      listOf("index", "the indexes"),
			"unique":       listOf("unique", "the unique constraints"),
			"checks":       listOf("check", "the check constraints"),
			"exclusions":   listOf("exclusion", "PostgreSQL: the exclusion constraints (EXCLUDE USING ...)"),
			"foreign_keys": listOf("foreign_key", "the foreign keys (long form; a column's references: is the short one)"),
			"primary_key":  ref("primary_key"),
		}, "name"),
		"column":       column(metadata.Keys("column")),
		"column_alone": column(without(metadata.Keys("column"), columnShorthands...)),
		"type": anyOf("a type of the vocabulary (bigint, varchar(320), numeric(10,2), enum(mood), ...) or a native one",
			str("the type, as text"),
			closed("a type with a variant per dialect", metadata.Keys("type"), obj{
				"type":     str("the type"),
				"native":   str("a native type, passed to the database verbatim"),
				"variants": typed("object", "a type per dialect: {mysql: mediumtext}"),
			})),
		"view": closed("a view, or a PostgreSQL materialized view: its query as the database renders it, and its options", metadata.Keys("view"), obj{
			"schema":               str("the schema; empty: the default one"),
			"name":                 str("the view's name"),
			"materialized":         boolean("PostgreSQL: a materialized view"),
			"definition":           str("the query, SELECT ..., as the database renders it (pg_get_viewdef, information_schema.VIEWS, the text after AS)"),
			"check_option":         obj{"enum": metadata.CheckOptions, "description": "WITH LOCAL or CASCADED CHECK OPTION"},
			"security_invoker":     boolean("PostgreSQL 15+: security_invoker"),
			"security_barrier":     boolean("PostgreSQL: security_barrier"),
			"security":             obj{"enum": metadata.ViewSecurities, "description": "MySQL/MariaDB: SQL SECURITY; default definer"},
			"algorithm":            obj{"enum": metadata.ViewAlgorithms, "description": "MySQL/MariaDB: ALGORITHM; default undefined"},
			"definer":              str("MySQL/MariaDB: DEFINER user@host; empty: the account that runs the migration"),
			"character_set_client": str("MySQL/MariaDB: the character_set_client the view is created under; empty: the migrating session's"),
			"collation_connection": str("MySQL/MariaDB: the collation_connection the view is created under; empty: the migrating session's"),
			"comment":              typed([]string{"string", "null"}, "PostgreSQL: the view's comment"),
			"indexes":              obj{"type": []string{"array", "null"}, "items": ref("index"), "description": "a materialized view's indexes, each named"},
			"reads":                strings_("the tables and views the query reads (schema.name), for the order of creation"),
		}, "name", "definition"),
		"sequence": closed("a PostgreSQL sequence: its options, each PostgreSQL's default when left out", metadata.Keys("sequence"), obj{
			"schema":    str("the schema; empty: the default one"),
			"name":      str("the sequence's name; a serial column's: empty for table_column_seq"),
			"type":      obj{"enum": []string{"smallint", "integer", "bigint"}, "description": "AS type; empty: bigint, or a serial column's type"},
			"increment": typed("integer", "INCREMENT BY; default 1"),
			"start":     typed("integer", "START WITH"),
			"min_value": typed("integer", "MINVALUE"),
			"max_value": typed("integer", "MAXVALUE"),
			"cache":     typed("integer", "CACHE; default 1"),
			"cycle":     boolean("CYCLE"),
		}),
		"generated": closed("a generated column's generation: GENERATED ALWAYS AS (expression) STORED or VIRTUAL", metadata.Keys("generated"), obj{
			"expression": typed(scalar, "the generation expression, as SQL text"),
			"stored":     boolean("STORED (MariaDB: PERSISTENT); false: VIRTUAL, which PostgreSQL 15 lacks"),
		}),
		"attributes": closed("PostgreSQL: a column's storage, compression, statistics target and attribute options; "+
			"each left out is the server's default (MySQL and SQLite refuse them)", metadata.Keys("attributes"), obj{
			"storage":     obj{"enum": metadata.Storages, "description": "SET STORAGE; default the type's"},
			"compression": obj{"enum": metadata.Compressions, "description": "SET COMPRESSION; default default_toast_compression"},
			"statistics":  typed("integer", "SET STATISTICS, 0 to 10000; default default_statistics_target"),
			"options":     strings_("attribute options, name=value: n_distinct=-0.5, n_distinct_inherited=100"),
		}),
		"domain": closed("a PostgreSQL domain: a base type with a default, NOT NULL and checks", metadata.Keys("domain"), obj{
			"schema":    str("the schema; empty: the default one"),
			"name":      str("the domain's name; a column has it as native: name"),
			"type":      str("the base type"),
			"native":    str("a native base type, passed to the database verbatim"),
			"variants":  typed("object", "a type per dialect"),
			"default":   typed(append([]string{"null"}, scalar...), "the domain's default, as SQL text"),
			"not_null":  boolean("NOT NULL"),
			"collation": typed([]string{"string", "null"}, "COLLATE; empty: the base type's"),
			"checks":    listOf("check", "the checks, named, VALUE the value checked"),
			"comment":   typed([]string{"string", "null"}, "the domain's comment"),
		}, "name"),
		"extension": anyOf("a PostgreSQL extension: its name, or {name, schema, version}", str("the extension's name"),
			closed("", metadata.Keys("extension"), obj{
				"name":    str("the extension's name"),
				"schema":  str("the schema for its objects; empty: the default one"),
				"version": typed(scalar, "the version; empty: the default, and any installed one satisfies it"),
			}, "name")),
		"primary_key": closed("the primary key (long form; needed for composite keys)", metadata.Keys(metadata.KindPrimaryKey), obj{
			"name": str("the constraint's name"), "columns": constraintCols,
			"deferrable":         boolean("PostgreSQL: DEFERRABLE"),
			"initially_deferred": boolean("PostgreSQL: INITIALLY DEFERRED"),
			"unnamed":            boolean(unnamedDoc),
			"comment":            constraintComment,
		}),
		"foreign_key": closed("a foreign key", metadata.Keys(metadata.KindForeignKey), obj{
			"name":               str("the constraint's name"),
			"columns":            constraintCols,
			"ref_schema":         str("the referred table's schema"),
			"ref_table":          str("the referred table"),
			"ref_columns":        strings_("the referred columns"),
			"on_delete":          str("cascade, set null, set default, restrict or no action"),
			"on_update":          str("cascade, set null, set default, restrict or no action"),
			"deferrable":         boolean("DEFERRABLE (PostgreSQL, SQLite)"),
			"initially_deferred": boolean("INITIALLY DEFERRED (PostgreSQL, SQLite)"),
			"unnamed":            boolean(unnamedDoc),
			"not_valid":          constraintNotValid,
			"comment":            constraintComment,
		}),
		"unique": closed("a unique constraint", metadata.Keys(metadata.KindUnique), obj{
			"name": str("the constraint's name"), "columns": constraintCols,
			"nulls_not_distinct": boolean("PostgreSQL 15+: UNIQUE NULLS NOT DISTINCT, NULLs collide"),
			"deferrable":         boolean("PostgreSQL: DEFERRABLE"),
			"initially_deferred": boolean("PostgreSQL: INITIALLY DEFERRED"),
			"comment":            constraintComment,
		}),
		"check": closed("a check constraint", metadata.Keys(metadata.KindCheck), obj{
			"name": str("the constraint's name"), "expression": typed(scalar, "the SQL condition"),
			"no_inherit": boolean("PostgreSQL: NO INHERIT, the check is not inherited by child tables"),
			"not_valid":  constraintNotValid,
			"comment":    constraintComment,
		}),
		"exclusion": closed("PostgreSQL: an exclusion constraint, EXCLUDE USING method (element WITH operator, ...)", metadata.Keys("exclusion"), obj{
			"name":  str("the constraint's name"),
			"using": str("the index method (gist, btree, spgist, ...); empty: btree"),
			"elements": obj{"type": "array", "description": "the elements, each a column or an expression and the operator rows are compared with",
				"items": closed("one element", []string{"column", "expression", "operator"}, obj{
					"column":     str("the column"),
					"expression": typed(scalar, "an SQL expression, as an index key is written (anything but a function call in parentheses)"),
					"operator":   str("the operator: =, &&, ..."),
				}, "operator")},
			"include":            strings_("INCLUDE: the non-key columns of its index"),
			"where":              str("the predicate of the rows compared"),
			"deferrable":         boolean("DEFERRABLE"),
			"initially_deferred": boolean("INITIALLY DEFERRED"),
			"comment":            constraintComment,
		}, "elements"),
		"index": closed("an index", metadata.Keys(metadata.KindIndex), obj{
			"name":               str("the index's name"),
			"columns":            strings_("the indexed columns"),
			"expressions":        strings_("indexed SQL expressions, instead of columns"),
			"unique":             boolean("a unique index"),
			"nulls_not_distinct": boolean("PostgreSQL 15+: a unique index whose NULLs collide (NULLS NOT DISTINCT)"),
			"where":              str("a partial index's predicate"),
			"using":              str("the index method (btree, gin, gist, ...)"),
			"keys": obj{"type": "array", "description": "the key in full, instead of columns/expressions: a column name, or {column or expression, opclass, collation, desc, nulls, length}",
				"items": anyOf("a key", str("a plain column"), ref("index_key"))},
			"include": strings_("INCLUDE: the non-key columns of a covering index (PostgreSQL)"),
			"with":    strings_("storage parameters, name=value (PostgreSQL: fillfactor=70)"),
			"comment": typed([]string{"string", "null"}, "the index's comment"),
		}),
		"index_key": closed("one key of an index in full", metadata.Keys("index_key"), obj{
			"column":     str("the column"),
			"expression": typed(scalar, "an SQL expression, instead of a column"),
			"opclass":    str("the operator class (PostgreSQL: text_pattern_ops, jsonb_path_ops, gin_trgm_ops); empty: the type's default"),
			"collation":  str("COLLATE; empty: the column's"),
			"desc":       boolean("DESC"),
			"nulls":      obj{"enum": []string{"first", "last"}, "description": "NULLS FIRST or LAST; empty: the default of the direction"},
			"length":     typed("integer", "MySQL/MariaDB prefix length: col(10)"),
		}),
	}
	routineDefs(defs)
	ruleDefs(defs)
	policyDefs(defs)
	eventDefs(defs)
	return defs
}

// column is a column's schema with the keys given (a column inside a
// table may carry the key shorthands; one alone, in add_column, may not).
func column(keys []string) obj {
	return closed("a column", keys, obj{
		"name":          str("the column's name"),
		"type":          ref("type"),
		"native":        str("a native type, passed to the database verbatim"),
		"variants":      typed("object", "a type per dialect: {mysql: mediumtext}"),
		"primary_key":   boolean("the column is (part of) the primary key"),
		"autoincrement": boolean("the database numbers the rows (IDENTITY, AUTO_INCREMENT, AUTOINCREMENT)"),
		"identity": obj{"enum": metadata.IdentityKinds,
			"description": "PostgreSQL: how an autoincrement column numbers rows; default by default (GENERATED BY DEFAULT AS IDENTITY)"},
		"sequence":   ref("sequence"),
		"nullable":   boolean("NULL allowed; default true unless primary key"),
		"default":    typed(append([]string{"null"}, scalar...), "the server default, as SQL text: '0', 'CURRENT_TIMESTAMP', \"'ok'\""),
		"unique":     boolean("a one-column unique constraint"),
		"index":      boolean("a one-column index"),
		"references": str("a one-column foreign key: table.column or schema.table.column"),
		"on_delete":  str("the references: key's ON DELETE action"),
		"on_update":  str("the references: key's ON UPDATE action"),
		"comment":    typed([]string{"string", "null"}, "the column's comment"),
		"charset":    typed([]string{"string", "null"}, "MySQL/MariaDB: the column's CHARACTER SET; empty: the table's"),
		"collation":  typed([]string{"string", "null"}, "the column's COLLATE; MySQL/MariaDB: empty is its charset's default, or the table's; PostgreSQL: the type's default"),
		"generated":  ref("generated"),
		"clause_order": func() obj {
			s := typed("array", "SQLite: the order CREATE TABLE writes the column's clauses in, as the database keeps it")
			s["items"] = obj{"enum": metadata.ClauseKinds}
			return s
		}(),
		"attributes": ref("attributes"),
	}, "name")
}

// modelRoot is schema.yaml's top level.
func modelRoot() obj {
	root := closed("", []string{"naming_convention", "extensions", "enums", "domains", "sequences", "tables", "views",
		"functions", "procedures", "aggregates", "triggers", "rules", "policies", "events", "schemas"}, obj{
		"naming_convention": closed("names for constraints and indexes that have none, in SQLAlchemy's tokens",
			[]string{metadata.KindIndex, metadata.KindUnique, metadata.KindCheck, metadata.KindForeignKey, metadata.KindPrimaryKey},
			obj{
				metadata.KindIndex:      str("index names, e.g. ix_%(column_0_label)s"),
				metadata.KindUnique:     str("unique constraint names, e.g. uq_%(table_name)s_%(column_0_name)s"),
				metadata.KindCheck:      str("check names, e.g. ck_%(table_name)s_%(constraint_name)s"),
				metadata.KindForeignKey: str("foreign key names, e.g. fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"),
				metadata.KindPrimaryKey: str("primary key names, e.g. pk_%(table_name)s"),
			}),
		"enums": obj{"type": []string{"object", "null"}, "description": "enum types: a name (or schema.name) to its values",
			"additionalProperties": strings_("the enum's values, in order")},
		"extensions": obj{"type": []string{"array", "null"}, "items": ref("extension"), "description": "PostgreSQL: the database's extensions"},
		"domains":    obj{"type": []string{"array", "null"}, "items": ref("domain"), "description": "PostgreSQL: the schema's domains"},
		"sequences":  obj{"type": []string{"array", "null"}, "items": ref("sequence"), "description": "PostgreSQL: the sequences no column owns"},
		"tables":     obj{"type": []string{"array", "null"}, "items": ref("table"), "description": "the tables"},
		"views":      obj{"type": []string{"array", "null"}, "items": ref("view"), "description": "the views, each after what it reads"},
	})
	routineRootProps(root)
	return root
}
