package dialect

import (
	"errors"
	"fmt"
	"slices"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// ErrNoSchemaGrants is what a database without PostgreSQL's schema
// privileges (MySQL and MariaDB grant on databases, SQLite has no
// privileges) answers grant_schema and revoke_schema with, wrapped with
// the database's name, the schema and the role.
var ErrNoSchemaGrants = errors.New("the database has no privileges on schemas; remove grants: from schemas:, or target PostgreSQL")

// refuseSchemaGrant returns the error of a grant_schema or revoke_schema,
// and nil for any other op.
func refuseSchemaGrant(dialect string, o ops.Op) error {
	switch o := o.(type) {
	case *ops.GrantSchema:
		return fmt.Errorf("%s: schema %q, role %s: %w", dialect, o.SchemaName, o.Role, ErrNoSchemaGrants)
	case *ops.RevokeSchema:
		return fmt.Errorf("%s: schema %q, role %s: %w", dialect, o.SchemaName, o.Role, ErrNoSchemaGrants)
	}
	return nil
}

// SchemaGrantOps are the grant_schema and revoke_schema ops that turn
// schema's privileges from into to (metadata.EffectiveGrants), keeping
// the order of the ACL, which pg_dump writes in: while the roles agree,
// each role's entry is changed in place (grants before revokes, so that
// it never empties); from the first role that differs, the rest of
// from's entries are revoked, the last first, and to's granted in order.
// Reversed and inverted, the list does the same from to back to from.
func SchemaGrantOps(schema string, from, to []metadata.SchemaGrant) []ops.Op {
	k := 0
	for k < len(from) && k < len(to) && from[k].Role == to[k].Role {
		k++
	}
	var list []ops.Op
	for i := range k {
		if added := missing(to[i].Privileges, from[i].Privileges); len(added) > 0 {
			list = append(list, &ops.GrantSchema{SchemaName: schema, Role: to[i].Role, Privileges: added})
		}
		if gone := missing(from[i].Privileges, to[i].Privileges); len(gone) > 0 {
			list = append(list, &ops.RevokeSchema{SchemaName: schema, Role: from[i].Role, Privileges: gone})
		}
	}
	for i := len(from) - 1; i >= k; i-- {
		list = append(list, &ops.RevokeSchema{SchemaName: schema, Role: from[i].Role, Privileges: slices.Clone(from[i].Privileges)})
	}
	for _, g := range to[k:] {
		list = append(list, &ops.GrantSchema{SchemaName: schema, Role: g.Role, Privileges: slices.Clone(g.Privileges)})
	}
	return list
}

// missing are the privileges of a that b lacks.
func missing(a, b []string) []string {
	var out []string
	for _, p := range a {
		if !slices.Contains(b, p) {
			out = append(out, p)
		}
	}
	return out
}

// createSchemaOps are the ops that give m's schemas their comments and
// grants, from a new database's.
func createSchemaOps(m *metadata.MetaData) []ops.Op {
	var list []ops.Op
	for _, s := range m.Schemas {
		if s.Comment != "" {
			list = append(list, &ops.CommentSchema{SchemaName: s.Name, Comment: s.Comment, Known: true})
		}
		if s.Grants != nil {
			list = append(list, SchemaGrantOps(s.Name, metadata.DefaultSchemaGrants(s.Name), m.EffectiveGrants(s.Name))...)
		}
	}
	return list
}

// dropSchemaOps are createSchemaOps' reverse: back to a new database's
// comments and grants.
func dropSchemaOps(m *metadata.MetaData) []ops.Op {
	var list []ops.Op
	for _, s := range m.Schemas {
		if s.Grants != nil {
			list = append(list, SchemaGrantOps(s.Name, m.EffectiveGrants(s.Name), metadata.DefaultSchemaGrants(s.Name))...)
		}
		if s.Comment != "" {
			list = append(list, &ops.CommentSchema{SchemaName: s.Name, Existing: s.Comment, Known: true})
		}
	}
	return list
}
