package postgres

import (
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/retortdb/retort/metadata"
)

// routinesQuery reads every function, procedure and aggregate of the
// schemas that no extension owns and that is not internal to another
// object (a range type's constructors come with the type), in one query: the definition as
// pg_get_functiondef prints it (an aggregate's, which it refuses, printed
// here from pg_aggregate in CREATE AGGREGATE's words), the identity
// arguments, the result type, the comment, and the routines of the
// schemas it depends on (pg_depend: an aggregate's support functions).
const routinesQuery = `
SELECT n.nspname, p.proname, p.prokind, pg_get_function_identity_arguments(p.oid),
       CASE WHEN p.prokind = 'p' THEN '' ELSE coalesce(pg_get_function_result(p.oid), '') END,
       CASE WHEN p.prokind = 'a' THEN
         format('CREATE AGGREGATE %s.%s(%s) (%s)', quote_ident(n.nspname), quote_ident(p.proname), pg_get_function_arguments(p.oid),
           concat_ws(', ', 'SFUNC = ' || a.aggtransfn::regproc::text, 'STYPE = ' || format_type(a.aggtranstype, NULL),
             CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END,
             CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC = ' || a.aggfinalfn::regproc::text END,
             CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
             CASE WHEN a.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || a.aggcombinefn::regproc::text END,
             CASE WHEN a.aggserialfn <> 0 THEN 'SERIALFUNC = ' || a.aggserialfn::regproc::text END,
             CASE WHEN a.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || a.aggdeserialfn::regproc::text END,
             CASE WHEN a.agginitval IS NOT NULL THEN 'INITCOND = ' || quote_literal(a.agginitval) END,
             CASE WHEN a.aggmtransfn <> 0 THEN 'MSFUNC = ' || a.aggmtransfn::regproc::text || ', MINVFUNC = ' || a.aggminvtransfn::regproc::text
                                               || ', MSTYPE = ' || format_type(a.aggmtranstype, NULL) END,
             CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || a.aggmfinalfn::regproc::text END,
             CASE WHEN a.aggminitval IS NOT NULL THEN 'MINITCOND = ' || quote_literal(a.aggminitval) END,
             CASE WHEN a.aggsortop <> 0 THEN 'SORTOP = ' || (SELECT oprname FROM pg_operator WHERE oid = a.aggsortop) END,
             CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END))
       ELSE pg_get_functiondef(p.oid) END,
       coalesce(d.description, ''),
       coalesce((SELECT json_agg(DISTINCT jsonb_build_array(rn.nspname, rp.proname, pg_get_function_identity_arguments(rp.oid)))
                 FROM pg_depend dep JOIN pg_proc rp ON rp.oid = dep.refobjid JOIN pg_namespace rn ON rn.oid = rp.pronamespace
                 WHERE dep.classid = 'pg_proc'::regclass AND dep.objid = p.oid AND dep.refclassid = 'pg_proc'::regclass
                   AND dep.refobjid <> p.oid AND rn.nspname = ANY($1))::text, '[]')
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
LEFT JOIN pg_aggregate a ON a.aggfnoid = p.oid
LEFT JOIN pg_description d ON d.objoid = p.oid AND d.classoid = 'pg_proc'::regclass AND d.objsubid = 0
WHERE n.nspname = ANY($1)
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype IN ('e', 'i'))
ORDER BY n.nspname, p.proname, 4`

// triggersQuery reads every trigger of the schemas' tables and views that
// the server did not make itself (constraint triggers of foreign keys,
// the clones a partition gets of its parent's), in one query: the
// definition as pg_get_triggerdef prints it, the comment, and the
// function it executes.
const triggersQuery = `
SELECT n.nspname, c.relname, t.tgname, pg_get_triggerdef(t.oid, true), coalesce(d.description, ''),
       fn.nspname, p.proname, pg_get_function_identity_arguments(p.oid)
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_proc p ON p.oid = t.tgfoid
JOIN pg_namespace fn ON fn.oid = p.pronamespace
LEFT JOIN pg_description d ON d.objoid = t.oid AND d.classoid = 'pg_trigger'::regclass AND d.objsubid = 0
WHERE n.nspname = ANY($1) AND NOT t.tgisinternal AND t.tgparentid = 0
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY n.nspname, c.relname, t.tgname`

// routineKinds maps pg_proc.prokind to the model's kind.
var routineKinds = map[string]string{"f": metadata.KindFunction, "w": metadata.KindFunction,
	"p": metadata.KindProcedure, "a": metadata.KindAggregate}

// routineRow reads one routine.
func (in *inspector) routineRow(m *metadata.MetaData) func(*sql.Rows) error {
	return func(r *sql.Rows) error {
		var schema, name, kind, args, returns, def, comment, uses string
		if err := r.Scan(&schema, &name, &kind, &args, &returns, &def, &comment, &uses); err != nil {
			return err
		}
		rt := &metadata.Routine{Kind: routineKinds[kind], Schema: in.schema(schema), Name: name, Arguments: args,
			Returns: returns, Definition: metadata.TrimDefinition(def), Comment: comment}
		var deps [][3]string
		if err := json.Unmarshal([]byte(uses), &deps); err != nil {
			return fmt.Errorf("dependencies of %s %s: %w", rt.Kind, name, err)
		}
		for _, d := range deps {
			rt.Uses = append(rt.Uses, qualify(in.schema(d[0]), d[1])+"("+d[2]+")")
		}
		m.AddRoutine(rt)
		return nil
	}
}

// triggerRow reads one trigger.
func (in *inspector) triggerRow(m *metadata.MetaData) func(*sql.Rows) error {
	return func(r *sql.Rows) error {
		var schema, table, name, def, comment, fschema, fname, fargs string
		if err := r.Scan(&schema, &table, &name, &def, &comment, &fschema, &fname, &fargs); err != nil {
			return err
		}
		m.Triggers = append(m.Triggers, &metadata.Trigger{Schema: in.schema(schema), Table: table, Name: name,
			Definition: metadata.TrimDefinition(def), Comment: comment,
			Function: qualify(in.schema(fschema), fname) + "(" + fargs + ")"})
		return nil
	}
}
