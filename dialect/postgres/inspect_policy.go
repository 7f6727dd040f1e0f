package postgres

import (
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/retortdb/retort/metadata"
)

// policiesQuery reads every row-level security policy of the schemas'
// tables, in one query: its kind, command, roles (as a JSON list of
// names, public for PUBLIC), its USING and WITH CHECK expressions as
// pg_get_expr renders them (as pg_dump and pg_policies do), and its
// comment. Policies of extension members are left out.
const policiesQuery = `
SELECT n.nspname, c.relname, p.polname, NOT p.polpermissive,
       CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE '' END,
       coalesce((SELECT json_agg(CASE WHEN u.oid = 0 THEN 'public' ELSE a.rolname END)::text
                 FROM unnest(p.polroles) u(oid) LEFT JOIN pg_roles a ON a.oid = u.oid), '[]'),
       coalesce(pg_get_expr(p.polqual, p.polrelid), ''), coalesce(pg_get_expr(p.polwithcheck, p.polrelid), ''),
       coalesce(d.description, '')
FROM pg_policy p
JOIN pg_class c ON c.oid = p.polrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_description d ON d.objoid = p.oid AND d.classoid = 'pg_policy'::regclass AND d.objsubid = 0
WHERE n.nspname = ANY($1)
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY n.nspname, c.relname, p.polname`

// policyRow reads one policy.
func (in *inspector) policyRow(m *metadata.MetaData) func(*sql.Rows) error {
	return func(r *sql.Rows) error {
		po := &metadata.Policy{}
		var schema, roles string
		if err := r.Scan(&schema, &po.Table, &po.Name, &po.Restrictive, &po.Command, &roles, &po.Using, &po.WithCheck, &po.Comment); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(roles), &po.Roles); err != nil {
			return fmt.Errorf("roles of policy %s on %s: %w", po.Name, po.Table, err)
		}
		po.Schema, po.Roles = in.schema(schema), metadata.NormalizeRoles(po.Roles)
		m.Policies = append(m.Policies, po)
		return nil
	}
}
