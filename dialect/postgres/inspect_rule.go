package postgres

import (
	"database/sql"

	"github.com/retortdb/retort/metadata"
)

// rulesQuery reads every rewrite rule of the schemas' tables and views,
// in one query: the definition as pg_get_ruledef(oid, true) prints it,
// the event and the comment. The _RETURN rule behind each view is the
// view itself (viewsQuery) and is left out, as are the rules of
// extension members.
const rulesQuery = `
SELECT n.nspname, c.relname, r.rulename,
       CASE r.ev_type WHEN '1' THEN 'SELECT' WHEN '2' THEN 'UPDATE' WHEN '3' THEN 'INSERT' ELSE 'DELETE' END,
       pg_get_ruledef(r.oid, true), coalesce(d.description, '')
FROM pg_rewrite r
JOIN pg_class c ON c.oid = r.ev_class
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_description d ON d.objoid = r.oid AND d.classoid = 'pg_rewrite'::regclass AND d.objsubid = 0
WHERE n.nspname = ANY($1) AND r.rulename <> '_RETURN'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY n.nspname, c.relname, r.rulename`

// ruleRow reads one rule.
func (in *inspector) ruleRow(m *metadata.MetaData) func(*sql.Rows) error {
	return func(r *sql.Rows) error {
		var schema, table, name, event, def, comment string
		if err := r.Scan(&schema, &table, &name, &event, &def, &comment); err != nil {
			return err
		}
		m.RewriteRules = append(m.RewriteRules, &metadata.RewriteRule{Schema: in.schema(schema), Table: table, Name: name,
			Event: event, Definition: metadata.TrimDefinition(def), Comment: comment})
		return nil
	}
}
