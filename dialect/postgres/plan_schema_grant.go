package postgres

import (
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// planSchemaGrant plans grant_schema and revoke_schema; ok is false for
// any other op.
func (p Postgres) planSchemaGrant(o ops.Op) (out []dialect.Statement, ok bool, err error) {
	switch o := o.(type) {
	case *ops.GrantSchema:
		out, err = p.schemaGrant("GRANT", "TO", o.SchemaName, o.Role, o.Privileges)
		return out, true, err
	case *ops.RevokeSchema:
		out, err = p.schemaGrant("REVOKE", "FROM", o.SchemaName, o.Role, o.Privileges)
		return out, true, err
	}
	return nil, false, nil
}

// schemaGrant renders GRANT privs ON SCHEMA schema TO role (or REVOKE
// ... FROM), after a check that the role exists, whose error names it
// and says what to do: the server's own ("role does not exist") names
// neither the schema nor the way out. The default schema ("") is named
// by current_schema() at run time.
func (p Postgres) schemaGrant(verb, prep, schema, role string, privs []string) ([]dialect.Statement, error) {
	for _, pr := range privs {
		if !slices.Contains(metadata.SchemaPrivileges, pr) {
			return nil, fmt.Errorf("postgresql: %s on schema %s: privilege %q is not one of %s", strings.ToLower(verb), schema, pr,
				strings.Join(metadata.SchemaPrivileges, ", "))
		}
	}
	grantee := metadata.RolePublic
	var out []dialect.Statement
	if role != metadata.RolePublic {
		grantee = p.QuoteIdent(role)
		check, err := p.roleCheck(schema, role)
		if err != nil {
			return nil, err
		}
		out = append(out, check)
	}
	list := strings.Join(privs, ", ")
	if schema != "" {
		return append(out, dialect.Statement{SQL: verb + " " + list + " ON SCHEMA " + p.QuoteIdent(schema) + " " + prep + " " + grantee}), nil
	}
	lit, err := p.Literal(verb + " " + list + " ON SCHEMA %I " + prep + " " + grantee)
	if err != nil {
		return nil, err
	}
	if strings.Contains(lit, "$retort$") {
		return nil, fmt.Errorf("postgresql: role %q holds $retort$, which quotes the statement that grants to it; rename the role", role)
	}
	return append(out, dialect.Statement{SQL: "DO $retort$BEGIN EXECUTE format(" + lit + ", current_schema()); END$retort$"}), nil
}

// roleCheck renders a DO block that fails, naming the role, when role
// does not exist on the server: roles are the cluster's, not the
// migration's, and are created by whoever runs the server.
func (p Postgres) roleCheck(schema, role string) (dialect.Statement, error) {
	where := schema
	if where == "" {
		where = "the default schema"
	}
	return p.roleExists(role, fmt.Sprintf("retort: role %q does not exist on this server; create it (CREATE ROLE %s) before the upgrade, "+
		"or remove it from the grants of schema %s", role, p.QuoteIdent(role), where))
}

// roleExists renders a DO block that fails with message when role does
// not exist on the server (schema grants and policies name roles).
func (p Postgres) roleExists(role, message string) (dialect.Statement, error) {
	lit, err := p.Literal(role)
	if err != nil {
		return dialect.Statement{}, err
	}
	msg, err := p.Literal(message)
	if err != nil {
		return dialect.Statement{}, err
	}
	if strings.Contains(lit+msg, "$retort$") {
		return dialect.Statement{}, fmt.Errorf("postgresql: role %q holds $retort$, which quotes the check that it exists; rename the role", role)
	}
	return dialect.Statement{SQL: "DO $retort$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = " + lit +
		") THEN RAISE EXCEPTION '%', " + msg + "; END IF; END$retort$"}, nil
}
