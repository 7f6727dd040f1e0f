package postgres

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// viewsQuery reads every view and materialized view of the schemas: the
// query as pg_get_viewdef prints it, the reloptions (check_option,
// security_barrier, security_invoker), the comment, the relations its
// rewrite rule depends on (pg_depend, the order views are created in),
// and for a materialized view its indexes, all in one query. The
// functions of the schemas a view calls are modelled (routinesQuery) and
// created before the views.
const viewsQuery = `
SELECT n.nspname, c.relname, c.relkind = 'm', pg_get_viewdef(c.oid, true),
       coalesce(array_to_json(c.reloptions)::text, '[]'), coalesce(d.description, ''),
       coalesce((SELECT json_agg(json_build_array(dn.nspname, dc.relname) ORDER BY dn.nspname, dc.relname)
                 FROM (SELECT DISTINCT dep.refobjid FROM pg_rewrite rw
                       JOIN pg_depend dep ON dep.classid = 'pg_rewrite'::regclass AND dep.objid = rw.oid
                        AND dep.refclassid = 'pg_class'::regclass AND dep.refobjid <> c.oid
                       WHERE rw.ev_class = c.oid) x
                 JOIN pg_class dc ON dc.oid = x.refobjid
                 JOIN pg_namespace dn ON dn.oid = dc.relnamespace)::text, '[]'),
       coalesce((SELECT json_agg(json_build_object('name', ic.relname, 'unique', ix.indisunique, 'method', am.amname,
                   'where', coalesce(pg_get_expr(ix.indpred, ix.indrelid), ''),
                   'keys', (SELECT json_agg(json_build_array(ix.indkey[k.ord - 1], pg_get_indexdef(ix.indexrelid, k.ord::int, true)) ORDER BY k.ord)
                            FROM generate_series(1, ix.indnkeyatts) AS k(ord)))
                   ORDER BY ic.relname)
                 FROM pg_index ix JOIN pg_class ic ON ic.oid = ix.indexrelid JOIN pg_am am ON am.oid = ic.relam
                 WHERE ix.indrelid = c.oid)::text, '[]')
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
WHERE n.nspname = ANY($1) AND c.relkind IN ('v', 'm')
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY n.nspname, c.relname`

// viewIndexRow is one index of a materialized view, as viewsQuery gives it.
type viewIndexRow struct {
	Name   string              `json:"name"`
	Unique bool                `json:"unique"`
	Method string              `json:"method"`
	Where  string              `json:"where"`
	Keys   [][]json.RawMessage `json:"keys"` // [attnum, pg_get_indexdef of the key]
}

// viewRow reads one view.
func (in *inspector) viewRow(m *metadata.MetaData) func(*sql.Rows) error {
	return func(r *sql.Rows) error {
		var schema, name, def, options, comment, reads, indexes string
		var materialized bool
		if err := r.Scan(&schema, &name, &materialized, &def, &options, &comment, &reads, &indexes); err != nil {
			return err
		}
		v := &metadata.View{Schema: in.schema(schema), Name: name, Materialized: materialized,
			Definition: metadata.TrimDefinition(def), Comment: comment}
		if err := in.viewOptions(v, options); err != nil {
			return err
		}
		var deps [][2]string
		if err := json.Unmarshal([]byte(reads), &deps); err != nil {
			return fmt.Errorf("dependencies of view %s: %w", name, err)
		}
		for _, d := range deps {
			v.Reads = append(v.Reads, qualify(in.schema(d[0]), d[1]))
		}
		if err := viewIndexes(v, indexes); err != nil {
			return err
		}
		m.Views = append(m.Views, v)
		return nil
	}
}

// viewOptions reads a view's reloptions.
func (in *inspector) viewOptions(v *metadata.View, options string) error {
	var opts []string
	if err := json.Unmarshal([]byte(options), &opts); err != nil {
		return fmt.Errorf("options of view %s: %w", v.Name, err)
	}
	for _, o := range opts {
		key, val, _ := strings.Cut(o, "=")
		on := val == "true" || val == "on"
		switch key {
		case "check_option":
			v.CheckOption = strings.ToLower(val)
		case "security_barrier":
			v.SecurityBarrier = on
		case "security_invoker":
			v.SecurityInvoker = on
		default:
			in.warn("%s %s: option %s is not modelled", v.Kind(), v.QualifiedName(), o)
		}
	}
	return nil
}

// viewIndexes reads the indexes of a materialized view.
func viewIndexes(v *metadata.View, indexes string) error {
	var rows []viewIndexRow
	if err := json.Unmarshal([]byte(indexes), &rows); err != nil {
		return fmt.Errorf("indexes of %s: %w", v.Name, err)
	}
	for _, row := range rows {
		ix := &metadata.Index{Name: row.Name, Unique: row.Unique, Where: row.Where}
		if row.Method != "btree" {
			ix.Using = row.Method
		}
		for _, k := range row.Keys {
			var attnum int
			var printed string
			if len(k) != 2 || json.Unmarshal(k[0], &attnum) != nil || json.Unmarshal(k[1], &printed) != nil {
				return fmt.Errorf("key of index %s: %s", row.Name, k)
			}
			if attnum == 0 {
				ix.Expressions = append(ix.Expressions, printed)
			} else {
				ix.Columns = append(ix.Columns, strings.Trim(printed, `"`))
			}
		}
		v.Indexes = append(v.Indexes, ix)
	}
	return nil
}

// sortViews puts the views read in creation order.
func (in *inspector) sortViews(m *metadata.MetaData) error {
	sorted, err := dialect.SortViews(m.Views)
	if err != nil {
		return fmt.Errorf("postgresql: %w", err)
	}
	m.Views = sorted
	return nil
}
