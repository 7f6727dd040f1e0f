package postgres

import (
	"encoding/json"

	"github.com/retortdb/retort/metadata"
)

// aclEntry is one privilege of schemaCommentsQuery's JSON list.
type aclEntry struct {
	Role      string `json:"r"`
	Privilege string `json:"p"`
	Grantable bool   `json:"g"`
}

// schemaGrants reads a schema's privileges for roles other than its
// owner, nil when they are those a new schema has (version is the
// server's: before 15, public's stock privileges give PUBLIC CREATE
// too). What the model does not keep is warned of: a grant option, and
// privileges taken from the owner.
func (in *inspector) schemaGrants(schema, list, owner string, version int) ([]metadata.SchemaGrant, error) {
	var entries []aclEntry
	if err := json.Unmarshal([]byte(list), &entries); err != nil {
		return nil, err
	}
	var eff []metadata.SchemaGrant
	for _, e := range entries {
		eff = append(eff, metadata.SchemaGrant{Role: e.Role, Privileges: []string{e.Privilege}})
		if e.Grantable {
			in.warn("schema %s: %s's %s WITH GRANT OPTION is not modelled: a rebuilt database grants it without; grant the option with an execute op",
				schema, e.Role, e.Privilege)
		}
	}
	if owner != "CREATE,USAGE" {
		in.warn("schema %s: its owner's privileges were revoked (it keeps %q), which is not modelled; revoke them with an execute op", schema, owner)
	}
	stock := metadata.DefaultSchemaGrants(schema)
	if schema == "public" && version < 150000 {
		stock = []metadata.SchemaGrant{{Role: metadata.RolePublic, Privileges: []string{"CREATE", "USAGE"}}}
	}
	if metadata.EqualGrants(metadata.CompactGrants(eff), stock) {
		return nil, nil
	}
	// Before 15, a public schema that is not the server's stock one but
	// is 15's reads as the model's default, 15's (docs/design.md).
	return metadata.SchemaGrantsOf(schema, eff), nil
}
