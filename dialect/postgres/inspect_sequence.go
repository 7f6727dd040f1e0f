package postgres

import (
	"database/sql"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// sequencesQuery reads every sequence of the schemas with its options, the
// column that owns it (OWNED BY, deptype 'a'). An identity column's
// sequence (deptype 'i') is left to the column and filtered here, in SQL:
// on the 1,000-table fixture every sequence is one, and dropping them in
// the NOT EXISTS takes the query from ~25 ms to ~9 ms. regname is the
// sequence as a regclass prints it under the current search_path: the
// spelling pg_get_expr gives it in a nextval default.
const sequencesQuery = `
SELECT n.nspname, c.relname, c.oid::regclass::text, format_type(s.seqtypid, NULL),
       s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
       coalesce(dn.nspname, ''), coalesce(dc.relname, ''), coalesce(a.attname, ''), coalesce(d.deptype::text, '')
FROM pg_sequence s
JOIN pg_class c ON c.oid = s.seqrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid
  AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a'
LEFT JOIN pg_class dc ON dc.oid = d.refobjid
LEFT JOIN pg_namespace dn ON dn.oid = dc.relnamespace
LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
WHERE n.nspname = ANY($1)
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype IN ('e', 'i'))
ORDER BY n.nspname, c.relname`

// sequenceRow reads one sequence (never an identity column's: the query
// leaves those to their columns). One a column owns and reads through its
// default makes that column serial; any other is the schema's own.
func (in *inspector) sequenceRow(m *metadata.MetaData) func(*sql.Rows) error {
	return func(r *sql.Rows) error {
		var schema, name, regname, typ, ownerSchema, ownerTable, ownerColumn, deptype string
		var start, inc, minv, maxv, cache int64
		var cycle bool
		if err := r.Scan(&schema, &name, &regname, &typ, &start, &inc, &minv, &maxv, &cache, &cycle,
			&ownerSchema, &ownerTable, &ownerColumn, &deptype); err != nil {
			return err
		}
		s := &metadata.Sequence{Schema: in.schema(schema), Name: name, Type: typ, Increment: inc,
			Start: &start, MinValue: &minv, MaxValue: &maxv, Cache: cache, Cycle: cycle}
		if deptype == "a" {
			if t := in.tables[tableKey{ownerSchema, ownerTable}]; t != nil {
				if c := t.Column(ownerColumn); c != nil && c.Default == nextvalOf(regname) && ownerSchema == schema {
					s.Schema = ""
					c.AutoIncrement, c.Identity, c.Default = true, metadata.IdentitySerial, ""
					c.Sequence = CompactSequence(s, t.Name, c)
					return nil
				}
			}
			in.warn("sequence %s.%s is owned by %s.%s but is not its column's default: read as a sequence of the schema (OWNED BY is not modelled)",
				schema, name, ownerTable, ownerColumn)
		}
		m.Sequences = append(m.Sequences, CompactSequence(s, "", nil))
		return nil
	}
}

// nextvalOf is the default of a serial column, as pg_get_expr prints it,
// for a sequence whose regclass prints as regname.
func nextvalOf(regname string) string {
	return "nextval('" + strings.ReplaceAll(regname, "'", "''") + "'::regclass)"
}
