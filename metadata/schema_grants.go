package metadata

import (
	"fmt"
	"slices"
	"strings"
)

// SchemaGrant is one role's privileges on a schema: what GRANT ... ON
// SCHEMA gave it, as [Schema.Grants] lists them.
type SchemaGrant struct {
	// Role is the role's name, or [RolePublic] for every role.
	Role string
	// Privileges are [SchemaPrivileges] the role has, in that order; none
	// says the role has none (public's "PUBLIC has no USAGE").
	Privileges []string
}

// RolePublic names every role (GRANT ... TO PUBLIC).
const RolePublic = "PUBLIC"

// SchemaPrivileges are the privileges a schema has, in the order they
// are listed.
var SchemaPrivileges = []string{"CREATE", "USAGE"}

// DefaultSchemaGrants are the grants a new schema has for roles other
// than its owner: on public (and the default schema, "", taken to be
// public) USAGE for PUBLIC, as PostgreSQL 15 creates it; none elsewhere.
func DefaultSchemaGrants(schema string) []SchemaGrant {
	if schema == "" || schema == "public" {
		return []SchemaGrant{{Role: RolePublic, Privileges: []string{"USAGE"}}}
	}
	return nil
}

// EffectiveGrants are a schema's privileges, role by role in the order
// of its ACL: its grants, or the default ones when it lists none; a role
// with no privileges is left out.
func (m *MetaData) EffectiveGrants(schema string) []SchemaGrant {
	s := m.Schema(schema)
	if s == nil || s.Grants == nil {
		return DefaultSchemaGrants(schema)
	}
	return CompactGrants(s.Grants)
}

// CompactGrants returns grants without roles that have no privileges,
// each role once (where it is first listed), its privileges in order.
func CompactGrants(grants []SchemaGrant) []SchemaGrant {
	var out []SchemaGrant
	for _, g := range grants {
		if len(g.Privileges) == 0 {
			continue
		}
		if i := slices.IndexFunc(out, func(o SchemaGrant) bool { return o.Role == g.Role }); i >= 0 {
			out[i].Privileges = SortPrivileges(append(out[i].Privileges, g.Privileges...))
			continue
		}
		out = append(out, SchemaGrant{Role: g.Role, Privileges: SortPrivileges(g.Privileges)})
	}
	return out
}

// SchemaGrantsOf returns the grants that give schema the privileges of
// eff, in its order, as [Schema.Grants] keeps them: nil when they are
// the default, and, where no role has any but the default gives some,
// PUBLIC with none.
func SchemaGrantsOf(schema string, eff []SchemaGrant) []SchemaGrant {
	clean := CompactGrants(eff)
	if EqualGrants(clean, DefaultSchemaGrants(schema)) {
		return nil
	}
	if len(clean) == 0 {
		return []SchemaGrant{{Role: RolePublic}}
	}
	return clean
}

// EqualGrants reports whether a and b list the same roles in the same
// order with the same privileges.
func EqualGrants(a, b []SchemaGrant) bool {
	return slices.EqualFunc(a, b, func(x, y SchemaGrant) bool {
		return x.Role == y.Role && slices.Equal(x.Privileges, y.Privileges)
	})
}

// SetSchemaGrants gives schema name the privileges of eff (see
// [SchemaGrantsOf]), adding it to m.Schemas, or removing it when they
// are the default and it has no comment.
func (m *MetaData) SetSchemaGrants(name string, eff []SchemaGrant) {
	m.setSchema(name, func(s *Schema) { s.Grants = SchemaGrantsOf(name, eff) })
}

// SortPrivileges returns privs without repeats in [SchemaPrivileges]'
// order (unknown ones last, as given).
func SortPrivileges(privs []string) []string {
	var out []string
	for _, p := range SchemaPrivileges {
		if slices.Contains(privs, p) {
			out = append(out, p)
		}
	}
	for _, p := range privs {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// GrantProblems lists what is wrong with a schema's grants, each a
// sentence saying what to write instead.
func GrantProblems(grants []SchemaGrant) []string {
	var out []string
	seen := map[string]bool{}
	for _, g := range grants {
		switch {
		case strings.TrimSpace(g.Role) == "":
			out = append(out, "a grant has no role; name one, or PUBLIC for every role")
		case seen[g.Role]:
			out = append(out, fmt.Sprintf("role %s is listed twice; list its privileges once", g.Role))
		case strings.EqualFold(g.Role, RolePublic) && g.Role != RolePublic:
			out = append(out, fmt.Sprintf("role %s: write PUBLIC for every role", g.Role))
		}
		seen[g.Role] = true
		for _, p := range g.Privileges {
			if !slices.Contains(SchemaPrivileges, p) {
				out = append(out, fmt.Sprintf("role %s: privilege %q is not one of %s", g.Role, p, strings.Join(SchemaPrivileges, ", ")))
			}
		}
	}
	return out
}

func cloneGrants(grants []SchemaGrant) []SchemaGrant {
	if grants == nil {
		return nil
	}
	out := make([]SchemaGrant, len(grants))
	for i, g := range grants {
		out[i] = SchemaGrant{Role: g.Role, Privileges: cloneSlice(g.Privileges)}
	}
	return out
}
