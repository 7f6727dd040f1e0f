package ops

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// GrantSchema gives a role privileges on a PostgreSQL schema (GRANT
// USAGE, CREATE ON SCHEMA ... TO role); [RevokeSchema] is its reverse.
// The role must exist on the target: the plan checks it first, and
// fails naming it. MySQL and SQLite refuse it.
type GrantSchema struct {
	// SchemaName is the schema; "" is the default one.
	SchemaName string
	// Role is the role, or metadata.RolePublic for every role.
	Role string
	// Privileges are among metadata.SchemaPrivileges.
	Privileges []string
}

// RevokeSchema takes privileges on a PostgreSQL schema from a role
// (REVOKE ... ON SCHEMA ... FROM role); [GrantSchema] is its reverse.
type RevokeSchema struct {
	SchemaName string
	Role       string
	Privileges []string
}

// Name returns "grant_schema".
func (*GrantSchema) Name() string { return "grant_schema" }

// Name returns "revoke_schema".
func (*RevokeSchema) Name() string { return "revoke_schema" }

func (*GrantSchema) op()  {}
func (*RevokeSchema) op() {}

// Reverse revokes what the grant gave.
func (o *GrantSchema) Reverse() (Op, error) {
	return &RevokeSchema{SchemaName: o.SchemaName, Role: o.Role, Privileges: slices.Clone(o.Privileges)}, nil
}

// Reverse grants back what the revoke took.
func (o *RevokeSchema) Reverse() (Op, error) {
	return &GrantSchema{SchemaName: o.SchemaName, Role: o.Role, Privileges: slices.Clone(o.Privileges)}, nil
}

// Validate checks the role and the privileges.
func (o *GrantSchema) Validate() error {
	return validateGrant(o.Name(), o.SchemaName, o.Role, o.Privileges)
}

// Validate checks the role and the privileges.
func (o *RevokeSchema) Validate() error {
	return validateGrant(o.Name(), o.SchemaName, o.Role, o.Privileges)
}

func validateGrant(op, schema, role string, privs []string) error {
	what := op + " " + schemaLabel(schema)
	if len(privs) == 0 {
		return fmt.Errorf("%s: no privileges; give privileges: [%s]", what, strings.Join(metadata.SchemaPrivileges, ", "))
	}
	if p := metadata.GrantProblems([]metadata.SchemaGrant{{Role: role, Privileges: privs}}); len(p) > 0 {
		return fmt.Errorf("%s: %s", what, strings.Join(p, "; "))
	}
	return nil
}

func schemaLabel(schema string) string {
	if schema == "" {
		return "(the default schema)"
	}
	return schema
}

// apply adds the privileges to the role's entry, or, as PostgreSQL's
// ACL does, a new entry at the end for a role that has none.
func (o *GrantSchema) apply(m *metadata.MetaData) error {
	eff := m.EffectiveGrants(o.SchemaName)
	m.SetSchemaGrants(o.SchemaName, append(eff, metadata.SchemaGrant{Role: o.Role, Privileges: o.Privileges}))
	return nil
}

// apply takes the privileges from the role's entry, which goes when it
// has none left.
func (o *RevokeSchema) apply(m *metadata.MetaData) error {
	eff := m.EffectiveGrants(o.SchemaName)
	for i, g := range eff {
		if g.Role == o.Role {
			eff[i].Privileges = slices.DeleteFunc(slices.Clone(g.Privileges), func(p string) bool { return slices.Contains(o.Privileges, p) })
		}
	}
	m.SetSchemaGrants(o.SchemaName, eff)
	return nil
}

func encodeGrant(schema, role string, privs []string) (*yaml.Node, error) {
	b := newMap()
	b.str("schema", schema)
	b.set("role", strNode(role))
	b.set("privileges", strList(privs))
	return b.n, nil
}

func (o *GrantSchema) encode() (*yaml.Node, error) {
	return encodeGrant(o.SchemaName, o.Role, o.Privileges)
}

func (o *RevokeSchema) encode() (*yaml.Node, error) {
	return encodeGrant(o.SchemaName, o.Role, o.Privileges)
}

// schemaGrantKeys are grant_schema's and revoke_schema's keys.
var schemaGrantKeys = []string{"schema", "role", "privileges"}

func init() {
	decoders["grant_schema"] = func(d *decoder, n *yaml.Node) Op {
		o := d.obj(n, "grant_schema", schemaGrantKeys)
		return &GrantSchema{SchemaName: o.str("schema"), Role: o.required("role"), Privileges: o.strings("privileges")}
	}
	decoders["revoke_schema"] = func(d *decoder, n *yaml.Node) Op {
		o := d.obj(n, "revoke_schema", schemaGrantKeys)
		return &RevokeSchema{SchemaName: o.str("schema"), Role: o.required("role"), Privileges: o.strings("privileges")}
	}
}
