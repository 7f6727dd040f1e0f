package postgres

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// viewsQuery reads every view and materialized view of the schemas: the
// query as pg_get_viewdef prints it, the reloptions (check_option,
// security_barrier, security_invoker), the comment, the relations its
// rewrite rule depends on (pg_depend, the order views are created in),
// for a materialized view its indexes, and the functions of the schemas
// it calls (see [inspector.leaveOutViews]), all in one query.
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
                 WHERE ix.indrelid = c.oid)::text, '[]'),
       coalesce((SELECT json_agg(DISTINCT pn.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')')
                 FROM pg_rewrite rw
                 JOIN pg_depend dep ON dep.classid = 'pg_rewrite'::regclass AND dep.objid = rw.oid AND dep.refclassid = 'pg_proc'::regclass
                 JOIN pg_proc p ON p.oid = dep.refobjid JOIN pg_namespace pn ON pn.oid = p.pronamespace
                 WHERE rw.ev_class = c.oid AND pn.nspname = ANY($1)
                   AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e'))::text, '[]')
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
		var schema, name, def, options, comment, reads, indexes, functions string
		var materialized bool
		if err := r.Scan(&schema, &name, &materialized, &def, &options, &comment, &reads, &indexes, &functions); err != nil {
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
		var calls []string
		if err := json.Unmarshal([]byte(functions), &calls); err != nil {
			return fmt.Errorf("functions of view %s: %w", name, err)
		}
		if len(calls) > 0 {
			if in.viewCalls == nil {
				in.viewCalls = map[*metadata.View][]string{}
			}
			in.viewCalls[v] = calls
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

// leaveOutViews leaves out, with a warning, each view that calls a
// function of the schemas, and the views that read such a view: the model
// holds no functions yet, so a database built from it could not create
// them (pagila's film_list calls its own group_concat aggregate).
func (in *inspector) leaveOutViews(m *metadata.MetaData) {
	out := map[string]bool{}
	var kept []*metadata.View
	for _, v := range m.Views { // in creation order: what a view reads comes first
		if calls := in.viewCalls[v]; len(calls) > 0 {
			in.warn("%s %s calls %s, which is not modelled: the view is not modelled (skipped)", v.Kind(), v.QualifiedName(), strings.Join(calls, ", "))
			out[v.QualifiedName()] = true
			continue
		}
		if i := slices.IndexFunc(v.Reads, func(r string) bool { return out[r] }); i >= 0 {
			in.warn("%s %s reads %s, which is skipped: the view is not modelled (skipped)", v.Kind(), v.QualifiedName(), v.Reads[i])
			out[v.QualifiedName()] = true
			continue
		}
		kept = append(kept, v)
	}
	m.Views = kept
}

// sortViews puts the views read in creation order and leaves out those
// the model cannot rebuild.
func (in *inspector) sortViews(m *metadata.MetaData) error {
	sorted, err := dialect.SortViews(m.Views)
	if err != nil {
		return fmt.Errorf("postgresql: %w", err)
	}
	m.Views = sorted
	in.leaveOutViews(m)
	return nil
}
