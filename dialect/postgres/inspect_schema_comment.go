package postgres

import (
	"database/sql"
	"fmt"

	"github.com/retortdb/retort/metadata"
)

// schemaCommentsQuery reads the comments and privileges of the schemas,
// in one query: whether a schema has a comment of its own (the public
// schema's stock comment, which every new database has, is the model's
// none for public, see stockPublicComment; a public schema without a
// comment is read to be warned of), the privileges of roles other than
// its owner as a JSON list in the ACL's order (0, PUBLIC, as aclexplode
// gives it), the
// owner's own, and the server's version (public's stock privileges
// changed in 15).
const schemaCommentsQuery = `
SELECT n.nspname, coalesce(d.description, ''),
       CASE WHEN n.nspname = 'public' THEN d.description IS DISTINCT FROM 'standard public schema' ELSE coalesce(d.description, '') <> '' END,
       coalesce((SELECT json_agg(json_build_object('r', CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END,
                   'p', a.privilege_type, 'g', a.is_grantable) ORDER BY a.ord)
                 FROM aclexplode(n.nspacl) WITH ORDINALITY a(grantor, grantee, privilege_type, is_grantable, ord)
                 WHERE a.grantee <> n.nspowner)::text, '[]'),
       CASE WHEN n.nspacl IS NULL THEN 'CREATE,USAGE' ELSE coalesce((SELECT string_agg(a.privilege_type, ',' ORDER BY a.privilege_type)
                 FROM aclexplode(n.nspacl) a WHERE a.grantee = n.nspowner), '') END,
       current_setting('server_version_num')::int
FROM pg_namespace n
LEFT JOIN pg_description d ON d.objoid = n.oid AND d.classoid = 'pg_namespace'::regclass AND d.objsubid = 0
WHERE n.nspname = ANY($1)
ORDER BY n.nspname`

// schemaCommentRow reads one schema's comment and grants; a schema with
// neither (its stock ones) is not listed.
func (in *inspector) schemaCommentRow(m *metadata.MetaData) func(*sql.Rows) error {
	return func(r *sql.Rows) error {
		var schema, comment, grants, owner string
		var commented bool
		var version int
		if err := r.Scan(&schema, &comment, &commented, &grants, &owner, &version); err != nil {
			return err
		}
		s := &metadata.Schema{Name: in.schema(schema)}
		switch {
		case commented && comment == "":
			in.warn("schema %s has no comment; a database built from the model gets the stock %q", schema, stockPublicComment)
		case commented:
			s.Comment = comment
		}
		var err error
		if s.Grants, err = in.schemaGrants(schema, grants, owner, version); err != nil {
			return fmt.Errorf("privileges of schema %s: %w", schema, err)
		}
		if s.Comment != "" || s.Grants != nil {
			m.Schemas = append(m.Schemas, s)
		}
		return nil
	}
}
