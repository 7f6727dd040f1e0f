package postgres

import (
	"database/sql"

	"github.com/retortdb/retort/metadata"
)

// schemaCommentsQuery reads the comments of the schemas, in one query;
// the public schema's stock comment, which every new database has, is
// left out (it is the model's none for public, see stockPublicComment),
// and a public schema without a comment is read to be warned of.
const schemaCommentsQuery = `
SELECT n.nspname, coalesce(d.description, '')
FROM pg_namespace n
LEFT JOIN pg_description d ON d.objoid = n.oid AND d.classoid = 'pg_namespace'::regclass AND d.objsubid = 0
WHERE n.nspname = ANY($1)
  AND (CASE WHEN n.nspname = 'public' THEN d.description IS DISTINCT FROM 'standard public schema' ELSE d.description <> '' END)
ORDER BY n.nspname`

// schemaCommentRow reads one schema's comment.
func (in *inspector) schemaCommentRow(m *metadata.MetaData) func(*sql.Rows) error {
	return func(r *sql.Rows) error {
		var schema, comment string
		if err := r.Scan(&schema, &comment); err != nil {
			return err
		}
		if comment == "" {
			in.warn("schema %s has no comment; a database built from the model gets the stock %q", schema, stockPublicComment)
			return nil
		}
		m.Schemas = append(m.Schemas, &metadata.Schema{Name: in.schema(schema), Comment: comment})
		return nil
	}
}
