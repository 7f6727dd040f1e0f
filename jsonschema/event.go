package jsonschema

import "github.com/retortdb/retort/metadata"

// eventDefs is the MySQL/MariaDB event definition schema.yaml and
// revision files share.
func eventDefs(defs obj) {
	defs["event"] = closed("MySQL/MariaDB: a scheduled event (CREATE EVENT), as SHOW CREATE EVENT prints it", metadata.Keys("event"), obj{
		"schema":        str("the event's database; empty: the default one"),
		"name":          str("the event's name"),
		"schedule":      str("the ON SCHEDULE clause: AT '...' or EVERY n unit [STARTS '...'] [ENDS '...']"),
		"on_completion": obj{"enum": []string{"preserve", "not preserve"}, "description": "ON COMPLETION; default not preserve (dropped when its schedule has run out)"},
		"status":        obj{"enum": append([]string{"enabled"}, metadata.EventStatuses...), "description": "ENABLE (default), DISABLE or DISABLE ON SLAVE"},
		"body":          str("the statement after DO"),
		"comment":       typed([]string{"string", "null"}, "the event's comment"),
		"definer":       str("DEFINER user@host; empty: the account that runs the migration"),
		"sql_mode":      str("the sql_mode it was created under; empty: the migrating session's"),
		"time_zone":     str("the time zone of its schedule's times; empty: the migrating session's"),
	}, "name", "schedule", "body")
}

// eventOps describes the event ops.
func eventOps(known, defs obj) {
	event := defs["event"].(obj)["properties"].(obj)
	known["create_event"] = ref("event")
	known["drop_event"] = anyOf("the event's name, or the whole event (for an exact reverse)",
		closed("", []string{"schema", "name"}, obj{"schema": str("its database"), "name": str("the event")}, "name"),
		ref("event"))
	known["replace_event"] = closed("the event as it becomes; existing: as it was, for the downgrade",
		append(metadata.Keys("event"), "existing"), merge(event, obj{"existing": ref("event")}), "name", "schedule", "body")
}
