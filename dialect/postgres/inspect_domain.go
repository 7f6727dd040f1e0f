package postgres

import (
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/retortdb/retort/metadata"
)

// domainsQuery reads every domain of the schemas with its base type,
// default, NOT NULL, collation (where it is not the base type's),
// comment and checks (a JSON list of {name, def}), in one query.
const domainsQuery = `
SELECT n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod), t.typnotnull,
       coalesce(pg_get_expr(t.typdefaultbin, 0), ''),
       CASE WHEN t.typcollation <> bt.typcollation THEN coalesce(co.collname, '') ELSE '' END,
       coalesce(obj_description(t.oid, 'pg_type'), ''),
       coalesce((SELECT json_agg(json_build_object('name', c.conname, 'def', pg_get_constraintdef(c.oid)) ORDER BY c.conname)
                 FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'), '[]')::text
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN pg_collation co ON co.oid = t.typcollation
WHERE n.nspname = ANY($1) AND t.typtype = 'd'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
ORDER BY n.nspname, t.typname`

// domainRow reads one domain.
func (in *inspector) domainRow(m *metadata.MetaData) func(*sql.Rows) error {
	return func(r *sql.Rows) error {
		var schema, name, base, def, collation, comment, checks string
		var notNull bool
		if err := r.Scan(&schema, &name, &base, &notNull, &def, &collation, &comment, &checks); err != nil {
			return err
		}
		d := &metadata.Domain{Schema: in.schema(schema), Name: name, Type: fromFormatType(base),
			NotNull: notNull, Default: NormalizeDefault(def), Collation: collation, Comment: comment}
		var cs []struct{ Name, Def string }
		if err := json.Unmarshal([]byte(checks), &cs); err != nil {
			return fmt.Errorf("checks of domain %s: %w", name, err)
		}
		for _, c := range cs {
			mm := checkDefRE().FindStringSubmatch(c.Def)
			if mm == nil {
				in.warn("check %s of domain %s: cannot read its definition %q; skipped", c.Name, name, c.Def)
				continue
			}
			d.Checks = append(d.Checks, &metadata.Check{Name: c.Name, Expression: stripOuterParens(mm[1])})
		}
		m.Domains = append(m.Domains, d)
		return nil
	}
}

// extensionsQuery reads the database's extensions, whichever schemas are
// inspected, but plpgsql, which the
// server installs in every database. The version is read only where it
// is not the one CREATE EXTENSION installs by default, so a schema
// reflected declares none unless it must.
const extensionsQuery = `
SELECT e.extname, n.nspname,
       CASE WHEN e.extversion IS DISTINCT FROM a.default_version THEN e.extversion ELSE '' END
FROM pg_extension e
JOIN pg_namespace n ON n.oid = e.extnamespace
LEFT JOIN pg_available_extensions a ON a.name = e.extname
WHERE e.extname <> 'plpgsql'
ORDER BY e.extname`

// extensionRow reads one extension; one in the current schema has an
// empty Schema.
func (in *inspector) extensionRow(m *metadata.MetaData) func(*sql.Rows) error {
	return func(r *sql.Rows) error {
		var name, schema, version string
		if err := r.Scan(&name, &schema, &version); err != nil {
			return err
		}
		m.Extensions = append(m.Extensions, &metadata.Extension{Name: name, Schema: in.schema(schema), Version: version})
		return nil
	}
}
