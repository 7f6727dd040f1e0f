package postgres

import "strings"

// The catalog queries of Inspect. Each reads one kind of object for every
// table of the schemas in $1 (a text array) at once, so an inspection costs
// the same number of queries whatever the number of tables. Arrays come
// back as JSON text, which database/sql scans as a string.

const currentSchemaQuery = `SELECT current_schema(), current_setting('server_version_num')::int`

// nullsNotDistinctMark stands, in constraintsQuery and indexesQuery, for
// the SQL of pg_index's NULLS NOT DISTINCT flag, which servers have from
// PostgreSQL 15 (see [withServer]).
const nullsNotDistinctMark = "{nulls_not_distinct}"

// withServer fills query's marks for a server of version (server_version_num):
// the index alias's indnullsnotdistinct from 15, false before, whose
// pg_index has no such column. (Reading it through to_jsonb(pg_index), the
// version-neutral way, cost 22 of the indexes query's 62 ms on 1,000
// tables: to_jsonb prints each index's expression trees.)
func withServer(query, alias string, version int) string {
	flag := "false"
	if version >= 150000 {
		flag = alias + ".indnullsnotdistinct"
	}
	return strings.ReplaceAll(query, nullsNotDistinctMark, flag)
}

// relKinds are the relations Inspect models as tables: ordinary and
// partitioned tables and partitions.
const relKinds = `c.relkind IN ('r', 'p')`

// tablesQuery reads the tables, with a partitioned table's key, a
// partition's parent and bound, and the parents a table inherits from
// (INHERITS, as JSON [{"s": schema, "t": table}] in order), and the row
// security switches. The comment is a scalar subquery (an index lookup):
// joined, pg_description was estimated at one row and scanned once per
// table (50 ms on 1,000).
const tablesQuery = `
SELECT n.nspname, c.relname,
       coalesce((SELECT d.description FROM pg_description d
                 WHERE d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0), ''),
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) ELSE '' END,
       coalesce(pn.nspname, ''), coalesce(pc.relname, ''),
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) ELSE '' END,
       CASE WHEN c.relispartition THEN '' ELSE coalesce((
         SELECT json_agg(json_build_object('s', hn.nspname, 't', hc.relname) ORDER BY h.inhseqno)::text
         FROM pg_inherits h JOIN pg_class hc ON hc.oid = h.inhparent JOIN pg_namespace hn ON hn.oid = hc.relnamespace
         WHERE h.inhrelid = c.oid), '') END,
       c.relrowsecurity, c.relforcerowsecurity
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
LEFT JOIN pg_class pc ON pc.oid = i.inhparent
LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
WHERE n.nspname = ANY($1) AND ` + relKinds + `
ORDER BY n.nspname, c.relname`

// tablesAgainQuery lists the tables once more after every other query:
// a table it no longer lists was dropped during the inspection.
const tablesAgainQuery = `
SELECT n.nspname, c.relname
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY($1) AND ` + relKinds

// columnsQuery reads column comments through a materialised CTE: joined to
// pg_description directly, the planner picks a nested loop that takes
// seconds on thousands of columns. The last four columns are the
// attributes pg_dump writes after the table (ColumnAttributes): storage
// when not the type's, compression, statistics target (-1, or NULL from
// PostgreSQL 17, for the default) and attribute options as a JSON list,
// less the pg_attver= stamp the server keeps on every column (pg_dump
// leaves it out too: it is the server's, not the user's). attcompression
// needs PostgreSQL 14 or later. A default is deparsed without its table
// (relid 0): a DEFAULT cannot name a column, and with the table
// pg_get_expr opens each one, building its relcache entry in the fresh
// backend (about half the query on 1,000 tables); a generated column's
// expression names columns and keeps it.
const columnsQuery = `
WITH comments AS MATERIALIZED (
  SELECT objoid, objsubid, description FROM pg_description WHERE classoid = 'pg_class'::regclass AND objsubid > 0)
SELECT n.nspname, c.relname, a.attnum, a.attname,
       format_type(a.atttypid, a.atttypmod), t.typtype, tn.nspname, t.typname,
       CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) ELSE '' END,
       a.attnotnull, coalesce(pg_get_expr(ad.adbin, CASE WHEN a.attgenerated <> '' THEN ad.adrelid ELSE 0 END), ''),
       a.attidentity, a.attgenerated, coalesce(d.description, ''),
       CASE WHEN a.attcollation <> t.typcollation THEN coalesce(co.collname, '') ELSE '' END,
       a.attislocal,
       CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage::text ELSE '' END, a.attcompression::text,
       coalesce(a.attstattarget::int, -1),
       CASE WHEN a.attoptions IS NULL THEN '' ELSE coalesce((SELECT json_agg(o)::text FROM unnest(a.attoptions) o WHERE o NOT LIKE 'pg\_attver=%'), '') END
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
JOIN pg_namespace tn ON tn.oid = t.typnamespace
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN comments d ON d.objoid = c.oid AND d.objsubid = a.attnum
LEFT JOIN pg_collation co ON co.oid = a.attcollation
WHERE n.nspname = ANY($1) AND ` + relKinds + ` AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY n.nspname, c.relname, a.attnum`

// constraintsQuery reads primary keys, unique, foreign key and check
// constraints, with their deferral, whether they are validated, their
// comment, and the definition of a check or an exclusion constraint
// (pg_get_constraintdef). A unique constraint's NULLS NOT DISTINCT comes
// from its index's flag (see [withServer]), as the text
// pg_get_constraintdef starts with: deparsing every unique constraint only
// for that cost 40-60 ms on the 1,000-table fixture. Key
// columns come as attribute numbers (text arrays), named
// from the columns already read: looking names up per constraint here
// costs more than the rest of the inspection. Only a foreign key to a
// table outside the inspected schemas has its referred names looked up.
const constraintsQuery = `
SELECT n.nspname, c.relname, con.conname, con.contype,
       coalesce(con.conkey::text, '{}'), coalesce(fn.nspname, ''), coalesce(fc.relname, ''),
       coalesce(con.confkey::text, '{}'),
       CASE WHEN con.contype = 'f' AND fn.nspname <> ALL($1) THEN
         (SELECT json_agg(a.attname ORDER BY k.ord)
          FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum)::text
       ELSE '' END,
       con.confdeltype, con.confupdtype, con.condeferrable, con.condeferred, con.convalidated,
       CASE WHEN con.contype IN ('c', 'x') THEN pg_get_constraintdef(con.oid)
            WHEN con.contype = 'u' AND (SELECT {nulls_not_distinct} FROM pg_index i WHERE i.indexrelid = con.conindid)
            THEN 'UNIQUE NULLS NOT DISTINCT ' ELSE '' END,
       coalesce(d.description, '')
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
LEFT JOIN pg_description d ON d.objoid = con.oid AND d.classoid = 'pg_constraint'::regclass AND d.objsubid = 0
WHERE n.nspname = ANY($1) AND ` + relKinds + ` AND con.contype IN ('p', 'u', 'f', 'c', 'x')
  AND (NOT c.relispartition OR (con.conparentid = 0 AND con.conislocal))
  AND (con.contype <> 'c' OR con.conislocal) -- an inherited check is the parent's
ORDER BY n.nspname, c.relname, con.conname`

// indexesQuery reads the indexes that back no constraint. Each key comes
// as a JSON object: its attribute number (0 for an expression, printed by
// pg_get_indexdef), its operator class where it is not the type's default,
// its collation where it is not the column's (the type's, for an
// expression) and its indoption bits; keys past indnkeyatts are the
// INCLUDE columns. Names come from the columns already read. The column's
// (or the expression type's) collation is looked up by scalar subqueries,
// only for a key with a collation: joined to pg_attribute, the planner,
// expecting 1,000 keys from generate_series, hashed every table's
// attributes once per index (120 of 170 ms on 2,000 indexes). NULLS NOT
// DISTINCT is the mark [withServer] fills.
const indexesQuery = `
SELECT n.nspname, c.relname, ic.relname, ix.indisunique,
       {nulls_not_distinct}, am.amname,
       coalesce(pg_get_expr(ix.indpred, ix.indrelid), ''), ix.indnkeyatts,
       (SELECT json_agg(json_build_object(
          'n', ix.indkey[k.ord - 1],
          'e', CASE WHEN ix.indkey[k.ord - 1] = 0 THEN pg_get_indexdef(ix.indexrelid, k.ord, true) ELSE '' END,
          'o', CASE WHEN oc.opcdefault THEN ''
                    WHEN pg_opclass_is_visible(oc.oid) THEN oc.opcname
                    ELSE ocn.nspname || '.' || oc.opcname END,
          'c', CASE WHEN ix.indcollation[k.ord - 1] IN (0, coalesce(
                      (SELECT ta.attcollation FROM pg_attribute ta
                       WHERE ta.attrelid = ix.indrelid AND ta.attnum = ix.indkey[k.ord - 1] AND ix.indkey[k.ord - 1] > 0),
                      (SELECT ity.typcollation FROM pg_attribute ia JOIN pg_type ity ON ity.oid = ia.atttypid
                       WHERE ia.attrelid = ix.indexrelid AND ia.attnum = k.ord))) THEN ''
                    ELSE co.collname END,
          'f', coalesce(ix.indoption[k.ord - 1], 0)) ORDER BY k.ord)
        FROM generate_series(1, ix.indnatts::int) AS k(ord)
        LEFT JOIN pg_opclass oc ON oc.oid = ix.indclass[k.ord - 1]
        LEFT JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
        LEFT JOIN pg_collation co ON co.oid = ix.indcollation[k.ord - 1])::text,
       coalesce(array_to_json(ic.reloptions)::text, ''), coalesce(d.description, '')
FROM pg_index ix
JOIN pg_class ic ON ic.oid = ix.indexrelid
JOIN pg_class c ON c.oid = ix.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_am am ON am.oid = ic.relam
LEFT JOIN pg_description d ON d.objoid = ix.indexrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
WHERE n.nspname = ANY($1) AND ` + relKinds + ` AND NOT ic.relispartition
  AND NOT EXISTS (SELECT 1 FROM pg_constraint con
                  WHERE con.conindid = ix.indexrelid AND con.conrelid = ix.indrelid AND con.contype IN ('p', 'u', 'x'))
ORDER BY n.nspname, c.relname, ic.relname`

const enumsQuery = `
SELECT n.nspname, t.typname, json_agg(e.enumlabel ORDER BY e.enumsortorder)::text
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_enum e ON e.enumtypid = t.oid
WHERE n.nspname = ANY($1)
GROUP BY n.nspname, t.typname
ORDER BY n.nspname, t.typname`

// unmodelledQuery lists, for warnings, the objects of the schemas the
// model cannot hold, so that none is left out without a word: foreign
// tables; composite, range and base types; comments on enum types and on
// sequences (the model keeps neither); collations, operators, operator
// classes and families, text search objects, conversions and extended
// statistics; and the database's publications, event triggers, foreign
// servers and wrappers, user-made casts and procedural languages (no
// schema). Extension members, and objects internal to another (a range type's
// multirange, its constructors), are left out: they come with their
// extension or their owner.
const unmodelledQuery = `
SELECT kind, schema, name FROM (
  SELECT 'foreign table' AS kind, n.nspname AS schema, c.relname AS name
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = ANY($1) AND c.relkind = 'f'
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
  UNION ALL
  SELECT CASE t.typtype WHEN 'c' THEN 'composite type' WHEN 'r' THEN 'range type' ELSE 'base type' END, n.nspname, t.typname
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
  WHERE n.nspname = ANY($1) AND t.typcategory <> 'A'
    AND (t.typtype = 'r' OR (t.typtype = 'b' AND t.typelem = 0)
         OR (t.typtype = 'c' AND (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c'))
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype IN ('e', 'i'))
  UNION ALL
  SELECT 'comment on type', n.nspname, t.typname
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
  JOIN pg_description ds ON ds.objoid = t.oid AND ds.classoid = 'pg_type'::regclass AND ds.objsubid = 0
  WHERE n.nspname = ANY($1) AND t.typtype = 'e'
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
  UNION ALL
  SELECT 'comment on sequence', n.nspname, c.relname
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
  WHERE n.nspname = ANY($1) AND c.relkind = 'S'
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
  UNION ALL
  SELECT x.kind, n.nspname, x.name
  FROM (SELECT 'collation' AS kind, 'pg_collation'::regclass AS cat, oid, collnamespace AS ns, collname::text AS name FROM pg_collation
        UNION ALL SELECT 'operator', 'pg_operator'::regclass, oid, oprnamespace, oprname::text FROM pg_operator
        UNION ALL SELECT 'operator class', 'pg_opclass'::regclass, oid, opcnamespace, opcname::text FROM pg_opclass
        UNION ALL SELECT 'operator family', 'pg_opfamily'::regclass, oid, opfnamespace, opfname::text FROM pg_opfamily
        UNION ALL SELECT 'text search configuration', 'pg_ts_config'::regclass, oid, cfgnamespace, cfgname::text FROM pg_ts_config
        UNION ALL SELECT 'text search dictionary', 'pg_ts_dict'::regclass, oid, dictnamespace, dictname::text FROM pg_ts_dict
        UNION ALL SELECT 'text search parser', 'pg_ts_parser'::regclass, oid, prsnamespace, prsname::text FROM pg_ts_parser
        UNION ALL SELECT 'text search template', 'pg_ts_template'::regclass, oid, tmplnamespace, tmplname::text FROM pg_ts_template
        UNION ALL SELECT 'conversion', 'pg_conversion'::regclass, oid, connamespace, conname::text FROM pg_conversion
        UNION ALL SELECT 'statistics object', 'pg_statistic_ext'::regclass, oid, stxnamespace, stxname::text FROM pg_statistic_ext
       ) x JOIN pg_namespace n ON n.oid = x.ns
  WHERE n.nspname = ANY($1)
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = x.cat AND d.objid = x.oid AND d.deptype IN ('e', 'i'))
  UNION ALL
  SELECT x.kind, '', x.name
  FROM (SELECT 'publication' AS kind, 'pg_publication'::regclass AS cat, oid, pubname::text AS name FROM pg_publication
        UNION ALL SELECT 'event trigger', 'pg_event_trigger'::regclass, oid, evtname::text FROM pg_event_trigger
        UNION ALL SELECT 'foreign server', 'pg_foreign_server'::regclass, oid, srvname::text FROM pg_foreign_server
        UNION ALL SELECT 'foreign-data wrapper', 'pg_foreign_data_wrapper'::regclass, oid, fdwname::text FROM pg_foreign_data_wrapper
        UNION ALL SELECT 'cast', 'pg_cast'::regclass, oid, format('(%s AS %s)', format_type(castsource, NULL), format_type(casttarget, NULL)) FROM pg_cast WHERE oid >= 16384
        UNION ALL SELECT 'procedural language', 'pg_language'::regclass, oid, lanname::text FROM pg_language WHERE lanispl AND oid >= 16384
       ) x
  WHERE NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = x.cat AND d.objid = x.oid AND d.deptype IN ('e', 'i'))
) x
ORDER BY kind, schema, name`
