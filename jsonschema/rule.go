package jsonschema

import (
	"strings"

	"github.com/retortdb/retort/metadata"
)

// ruleDefs is the PostgreSQL rewrite rule definition schema.yaml and
// revision files share.
func ruleDefs(defs obj) {
	defs["rule"] = closed("PostgreSQL: a rewrite rule: its CREATE RULE statement as pg_get_ruledef prints it", metadata.Keys("rule"), obj{
		"schema":     str("the schema of its table; empty: the default one"),
		"table":      str("the table or view it is on"),
		"name":       str("the rule's name"),
		"event":      str("SELECT, INSERT, UPDATE or DELETE, for messages (the definition holds it)"),
		"definition": str("the whole CREATE RULE statement (pg_get_ruledef(oid, true)): event, WHERE, ALSO or INSTEAD, the commands"),
		"comment":    typed([]string{"string", "null"}, "the rule's comment"),
	}, "table", "name", "definition")
}

// ruleOps describes the rule ops and comment_schema.
func ruleOps(known, defs obj) {
	known["comment_schema"] = closed("PostgreSQL: a schema's comment; existing: the comment before, for the downgrade",
		[]string{"schema", "comment", "existing"}, obj{"schema": str("the schema; empty: the default one"),
			"comment": str("the comment; empty: none"), "existing": str("the comment before; empty: none")})
	for _, op := range []string{"grant_schema", "revoke_schema"} {
		known[op] = closed("PostgreSQL: "+strings.ToUpper(strings.TrimSuffix(op, "_schema"))+" privileges ON SCHEMA to or from a role; "+
			"the reverse of the other", []string{"schema", "role", "privileges"}, obj{"schema": str("the schema; empty: the default one"),
			"role":       str("the role, or PUBLIC for every role; it must exist on the target"),
			"privileges": obj{"type": "array", "items": obj{"enum": metadata.SchemaPrivileges}, "description": "the privileges"}}, "role", "privileges")
	}
	rule := defs["rule"].(obj)["properties"].(obj)
	known["create_rule"] = ref("rule")
	known["drop_rule"] = anyOf("the rule's table and name, or the whole rule (for an exact reverse)",
		closed("", []string{"schema", "table", "name"}, obj{"schema": str("its table's schema"), "table": str("its table"), "name": str("the rule")}, "table", "name"),
		ref("rule"))
	known["replace_rule"] = closed("the rule as it becomes; existing: as it was, for the downgrade",
		append(metadata.Keys("rule"), "existing"), merge(rule, obj{"existing": ref("rule")}), "table", "name", "definition")
}
