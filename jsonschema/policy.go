package jsonschema

import "github.com/retortdb/retort/metadata"

// rowSecurity is a table's row_security: mapping, and alter_row_security's
// existing:.
func rowSecurity(desc string) obj {
	return closed(desc, []string{"enabled", "forced"}, obj{
		"enabled": boolean("ENABLE ROW LEVEL SECURITY: the policies apply to every role but the owner"),
		"forced":  boolean("FORCE ROW LEVEL SECURITY: they apply to the owner too"),
	})
}

// policyDefs is the PostgreSQL row-level security policy definition
// schema.yaml and revision files share, and a table's row_security:.
func policyDefs(defs obj) {
	defs["table"].(obj)["properties"].(obj)["row_security"] = rowSecurity("PostgreSQL: the table's row-level security switches; absent: off")
	defs["policy"] = closed("PostgreSQL: a row-level security policy (CREATE POLICY)", metadata.Keys("policy"), obj{
		"schema":     str("the schema of its table; empty: the default one"),
		"table":      str("the table it is on"),
		"name":       str("the policy's name"),
		"as":         obj{"enum": []any{"permissive", "restrictive", nil}, "description": "permissive (the default: any one passes) or restrictive (each must pass)"},
		"command":    obj{"enum": []any{"ALL", "SELECT", "INSERT", "UPDATE", "DELETE", nil}, "description": "the command it is for; absent: ALL"},
		"roles":      strings_("the roles it applies to; absent: PUBLIC (every role)"),
		"using":      str("the USING expression, as pg_get_expr prints it: the rows a command sees"),
		"with_check": str("the WITH CHECK expression, as pg_get_expr prints it: the rows a command may write"),
		"comment":    typed([]string{"string", "null"}, "the policy's comment"),
	}, "table", "name")
}

// policyOps describes the policy ops and alter_row_security.
func policyOps(known, defs obj) {
	policy := defs["policy"].(obj)["properties"].(obj)
	known["create_policy"] = ref("policy")
	known["drop_policy"] = anyOf("the policy's table and name, or the whole policy (any other key, command: ALL at least; for an exact reverse)",
		closed("", []string{"schema", "table", "name"}, obj{"schema": str("its table's schema"), "table": str("its table"), "name": str("the policy")}, "table", "name"),
		ref("policy"))
	known["replace_policy"] = closed("the policy as it becomes; existing: as it was, for the downgrade",
		append(metadata.Keys("policy"), "existing"), merge(policy, obj{"existing": ref("policy")}), "table", "name")
	known["alter_row_security"] = closed("PostgreSQL: a table's row-level security switches as they become; existing: as they were, for the downgrade",
		[]string{"schema", "table", "enabled", "forced", "existing"}, obj{
			"schema": str("the table's schema"), "table": str("the table"),
			"enabled":  boolean("ENABLE (true) or DISABLE (false) ROW LEVEL SECURITY"),
			"forced":   boolean("FORCE (true) or NO FORCE (false) ROW LEVEL SECURITY"),
			"existing": rowSecurity("the switches before"),
		}, "table", "enabled")
}
