package jsonschema

import "github.com/retortdb/retort/metadata"

// routineDefs are the routine and trigger definitions schema.yaml and
// revision files share.
func routineDefs(defs obj) {
	defs["routine"] = closed("a function, procedure or PostgreSQL aggregate: its CREATE statement as the database renders it", metadata.Keys("routine"), obj{
		"schema":     str("the schema; empty: the default one"),
		"name":       str("the routine's name"),
		"arguments":  typed(scalar, "the argument signature as the catalog prints it (pg_get_function_identity_arguments; MySQL's parameter list): what DROP names it by"),
		"returns":    str("the result type as the catalog prints it; empty for a procedure"),
		"definition": str("the whole CREATE statement (pg_get_functiondef; MySQL's information_schema.ROUTINES and PARAMETERS printed as SHOW CREATE prints them, without DEFINER): language, volatility, security, DETERMINISTIC ... and the body"),
		"comment":    typed([]string{"string", "null"}, "PostgreSQL: the routine's comment"),
		"definer":    str("MySQL/MariaDB: DEFINER user@host; empty: the account that runs the migration"),
		"sql_mode":   str("MySQL/MariaDB: the sql_mode it was created under; empty: the migrating session's"),
		"uses":       strings_("the routines it needs created first (schema.name(arguments)): an aggregate's support functions"),
	}, "name", "definition")
	defs["trigger"] = closed("a trigger: its CREATE TRIGGER statement as the database renders it", metadata.Keys("trigger"), obj{
		"schema":     str("the schema of its table; empty: the default one"),
		"table":      str("the table or view it is on"),
		"name":       str("the trigger's name"),
		"definition": str("the whole CREATE TRIGGER statement (pg_get_triggerdef; MySQL's information_schema.TRIGGERS printed as SHOW CREATE TRIGGER prints it, without DEFINER; SQLite's text): timing, events, FOR EACH, WHEN, the function or body"),
		"comment":    typed([]string{"string", "null"}, "PostgreSQL: the trigger's comment"),
		"definer":    str("MySQL/MariaDB: DEFINER user@host"),
		"sql_mode":   str("MySQL/MariaDB: the sql_mode it was created under; empty: the migrating session's"),
		"follows":    str("MySQL/MariaDB: the trigger of the same table, timing and event it runs after (FOLLOWS), created first"),
		"function":   str("PostgreSQL: the function it executes (schema.name(arguments)), created first"),
	}, "table", "name", "definition")
}

// routineRootProps are schema.yaml's routine and trigger lists.
func routineRootProps(root obj) {
	props := root["properties"].(obj)
	props["functions"] = listOf("routine", "the functions")
	props["procedures"] = listOf("routine", "the procedures")
	props["aggregates"] = listOf("routine", "PostgreSQL: the aggregates, after their support functions")
	props["triggers"] = listOf("trigger", "the triggers, created after the tables, routines and views")
	props["schemas"] = map[string]any{"type": "array",
		"description": "PostgreSQL: the schemas that have a comment (COMMENT ON SCHEMA) or privileges other than a new schema's (GRANT ... ON SCHEMA)",
		"items": closed("a schema's comment and privileges", []string{"name", "comment", "grants"}, obj{"name": str("the schema; empty: the default one"),
			"comment": str("its comment"),
			"grants": map[string]any{"type": "array", "description": "the privileges of roles other than the owner, in the ACL's order; " +
				"left out: a new schema's (public: USAGE to PUBLIC)",
				"items": closed("one role's privileges", []string{"role", "privileges"}, obj{
					"role":       str("the role, or PUBLIC for every role"),
					"privileges": obj{"type": "array", "items": obj{"enum": metadata.SchemaPrivileges}, "description": "CREATE, USAGE; empty: none"}}, "role")}})}
	props["rules"] = listOf("rule", "PostgreSQL: the rewrite rules (CREATE RULE), created after the tables and views")
	props["policies"] = listOf("policy", "PostgreSQL: the row-level security policies (CREATE POLICY), created after the tables, routines and views")
	props["events"] = listOf("event", "MySQL/MariaDB: the scheduled events (CREATE EVENT), created last")
}

// routineOps describes the routine and trigger ops.
func routineOps(known, defs obj) {
	routine := defs["routine"].(obj)["properties"].(obj)
	for _, kind := range []string{metadata.KindFunction, metadata.KindProcedure, metadata.KindAggregate} {
		known["create_"+kind] = ref("routine")
		known["drop_"+kind] = anyOf("the "+kind+"'s schema, name and arguments, or the whole "+kind+" (for an exact reverse)",
			closed("", []string{"schema", "name", "arguments"}, obj{"schema": str("its schema"), "name": str("the " + kind),
				"arguments": typed(scalar, "its argument signature")}, "name"), ref("routine"))
		known["replace_"+kind] = closed("the "+kind+" as it becomes; existing: as it was, for the downgrade",
			append(metadata.Keys("routine"), "existing"), merge(routine, obj{"existing": ref("routine")}), "name", "definition")
	}
	trigger := defs["trigger"].(obj)["properties"].(obj)
	known["create_trigger"] = ref("trigger")
	known["drop_trigger"] = anyOf("the trigger's table and name, or the whole trigger (for an exact reverse)",
		closed("", []string{"schema", "table", "name"}, obj{"schema": str("its table's schema"), "table": str("its table"), "name": str("the trigger")}, "table", "name"),
		ref("trigger"))
	known["replace_trigger"] = closed("the trigger as it becomes; existing: as it was, for the downgrade",
		append(metadata.Keys("trigger"), "existing"), merge(trigger, obj{"existing": ref("trigger")}), "table", "name", "definition")
}
