package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// Inspect reads the tables, columns, constraints, indexes, enums and
// comments of the given schemas (the connection's current schema when
// none; "" names it too), and their views and materialized views,
// domains, functions, procedures, aggregates and triggers, in fourteen
// catalog queries, whatever the number of
// tables. Objects of the current schema get an empty Schema, as the model
// spells the default schema, when the schemas are none or include "";
// named by name, the current schema keeps its name, so that a table of
// another schema can refer to its tables (an empty RefSchema would mean
// the referring table's own schema). Types are
// read back into the vocabulary (see [CanonicalType]); serial and identity
// columns come back as autoincrement without a default, with their kind
// (metadata.Column.Identity) and a serial column's own sequence; the
// other sequences as the schema's; views in creation order (see
// viewsQuery); what the model cannot hold (foreign tables,
// inheritance) is reported as one warning each.
//
// Given a *sql.DB, Inspect reads in one REPEATABLE READ, READ ONLY
// transaction, so that every query sees the catalog as of the same moment
// (see [dialect.ReadConsistent]); given a *sql.Conn or *sql.Tx, it reads
// in whatever transaction the caller holds. Either way a last query
// lists the tables again, and a table gone by then (dropped between two
// queries outside a snapshot) is left out with a warning, not returned
// half read.
func (p Postgres) Inspect(ctx context.Context, q dialect.Queryer, opts dialect.InspectOptions) (*dialect.Inspection, error) {
	var out *dialect.Inspection
	var readErr error
	_, own := q.(*sql.DB) // ReadConsistent begins the transaction: its settings are ours
	err := dialect.ReadConsistent(ctx, q, snapshot, func(q dialect.Queryer) error {
		if own {
			if readErr = sortInMemory(ctx, q); readErr != nil {
				return readErr
			}
		}
		out, readErr = inspect(ctx, q, opts)
		return readErr
	})
	switch {
	case readErr != nil:
		return nil, readErr
	case err != nil:
		return nil, fmt.Errorf("postgresql: %w", err)
	}
	return out, nil
}

// inspectWorkMem is the work_mem of an inspection's own transaction. The
// columns query sorts about 5 MB on 1,000 tables (a default of 4 MB sent
// it to disk, about 20 ms); SET LOCAL ends with the transaction.
const inspectWorkMem = "32MB"

// sortInMemory raises work_mem for the rest of the transaction q holds.
func sortInMemory(ctx context.Context, q dialect.Queryer) error {
	rows, err := q.QueryContext(ctx, `SELECT set_config('work_mem', $1, true)`, inspectWorkMem)
	if err != nil {
		return fmt.Errorf("postgresql: setting work_mem for the inspection: %w", err)
	}
	return rows.Close()
}

// snapshot is the transaction an inspection through a *sql.DB reads in:
// catalog queries are MVCC-consistent within it.
var snapshot = &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}

// inspect is Inspect's reading, through q.
func inspect(ctx context.Context, q dialect.Queryer, opts dialect.InspectOptions) (*dialect.Inspection, error) {
	in := &inspector{q: q, tables: map[tableKey]*metadata.Table{}, attnames: map[tableKey]map[int]string{}}
	var current sql.NullString
	var version int
	if err := in.each(ctx, "current schema", currentSchemaQuery, false, func(r *sql.Rows) error {
		return r.Scan(&current, &version)
	}); err != nil {
		return nil, err
	}
	if !current.Valid {
		return nil, fmt.Errorf("postgresql: the connection has no current schema (check search_path)")
	}
	for _, s := range opts.Schemas {
		if s == "" {
			s, in.blank = current.String, current.String
		}
		in.schemas = append(in.schemas, s)
	}
	if len(in.schemas) == 0 {
		in.schemas, in.blank = []string{current.String}, current.String
	}
	m := metadata.New()
	for _, step := range []struct {
		what, query string
		row         func(*sql.Rows) error
	}{
		{"enums", enumsQuery, in.enumRow(m)},
		{"tables", tablesQuery, in.tableRow(m)},
		{"columns", columnsQuery, in.columnRow},
		{"constraints", withServer(constraintsQuery, "i", version), in.constraintRow},
		{"indexes", withServer(indexesQuery, "ix", version), in.indexRow},
		{"sequences", sequencesQuery, in.sequenceRow(m)},
		{"views", viewsQuery, in.viewRow(m)},
		{"domains", domainsQuery, in.domainRow(m)},
		{"routines", routinesQuery, in.routineRow(m)},
		{"triggers", triggersQuery, in.triggerRow(m)},
		{"rules", rulesQuery, in.ruleRow(m)},
		{"policies", policiesQuery, in.policyRow(m)},
		{"schema comments", schemaCommentsQuery, in.schemaCommentRow(m)},
		{"objects not modelled", unmodelledQuery, in.unmodelledRow},
	} {
		if err := in.each(ctx, step.what, step.query, true, step.row); err != nil {
			return nil, err
		}
		if step.what == "columns" {
			in.keepInherited(m)
		}
	}
	if err := in.each(ctx, "extensions", extensionsQuery, false, in.extensionRow(m)); err != nil {
		return nil, err
	}
	if err := in.sortViews(m); err != nil {
		return nil, err
	}
	if err := in.leaveOutDropped(ctx, m); err != nil {
		return nil, err
	}
	return &dialect.Inspection{MetaData: m, Warnings: in.warnings}, nil
}

// leaveOutDropped lists the tables again, after every other query, and
// leaves out those gone since the tables query.
func (in *inspector) leaveOutDropped(ctx context.Context, m *metadata.MetaData) error {
	still := map[tableKey]bool{}
	err := in.each(ctx, "tables again", tablesAgainQuery, true, func(r *sql.Rows) error {
		var schema, name string
		err := r.Scan(&schema, &name)
		still[tableKey{in.schema(schema), name}] = true
		return err
	})
	if err != nil {
		return err
	}
	dialect.LeaveOutDropped(m, func(schema, name string) bool { return still[tableKey{schema, name}] }, in.warn)
	return nil
}

type tableKey struct{ schema, name string }

// inspector holds one inspection's state.
type inspector struct {
	q        dialect.Queryer
	schemas  []string
	blank    string // the current schema, whose objects get an empty Schema
	tables   map[tableKey]*metadata.Table
	attnames map[tableKey]map[int]string // column names by attribute number
	vanished map[tableKey]bool
	warnings []string
	// inherited are the columns a child has only from its parents
	// (attislocal false), until keepInherited sorts them out.
	inherited []inheritedColumn
}

// each runs a catalog query and calls row for every row.
func (in *inspector) each(ctx context.Context, what, query string, withSchemas bool, row func(*sql.Rows) error) error {
	var args []any
	if withSchemas {
		args = append(args, in.schemas)
	}
	rows, err := in.q.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("postgresql: reading %s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows); err != nil {
			return fmt.Errorf("postgresql: reading %s: %w", what, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("postgresql: reading %s: %w", what, err)
	}
	return nil
}

func (in *inspector) schema(s string) string {
	if s == in.blank {
		return ""
	}
	return s
}

func (in *inspector) warn(format string, args ...any) {
	in.warnings = append(in.warnings, "postgresql: "+fmt.Sprintf(format, args...))
}

// table returns the table a row belongs to; a table that was not listed
// (created or dropped during the inspection) is reported once and skipped.
func (in *inspector) table(schema, name string) *metadata.Table {
	k := tableKey{schema, name}
	if t := in.tables[k]; t != nil {
		return t
	}
	if in.vanished == nil {
		in.vanished = map[tableKey]bool{}
	}
	if !in.vanished[k] {
		in.vanished[k] = true
		in.warn("table %s.%s changed while it was inspected and was skipped; inspect again", schema, name)
	}
	return nil
}

func (in *inspector) enumRow(m *metadata.MetaData) func(*sql.Rows) error {
	return func(r *sql.Rows) error {
		var schema, name, values string
		if err := r.Scan(&schema, &name, &values); err != nil {
			return err
		}
		e := &metadata.Enum{Schema: in.schema(schema), Name: name}
		if err := json.Unmarshal([]byte(values), &e.Values); err != nil {
			return fmt.Errorf("values of enum %s: %w", name, err)
		}
		m.Enums = append(m.Enums, e)
		return nil
	}
}

func (in *inspector) tableRow(m *metadata.MetaData) func(*sql.Rows) error {
	return func(r *sql.Rows) error {
		var schema, name, comment, partKey, parentSchema, parent, bound, inherits string
		var rls metadata.RowSecurity
		if err := r.Scan(&schema, &name, &comment, &partKey, &parentSchema, &parent, &bound, &inherits, &rls.Enabled, &rls.Forced); err != nil {
			return err
		}
		t := &metadata.Table{Schema: in.schema(schema), Name: name, Comment: comment, PartitionBy: partKey, RowSecurity: rls}
		if parent != "" {
			t.PartitionOf = &metadata.PartitionOf{Table: parent, Bound: bound}
			if parentSchema != schema {
				t.PartitionOf.Schema = in.schema(parentSchema)
			}
		}
		if err := in.inherits(t, schema, inherits); err != nil {
			return fmt.Errorf("parents of table %s: %w", name, err)
		}
		in.tables[tableKey{schema, name}] = t
		m.Tables = append(m.Tables, t)
		return nil
	}
}

var nextvalRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^nextval\('.*'::regclass\)$`) })

// columnScan is one row of columnsQuery: Scan's twenty destinations in
// one allocation, where twenty locals whose addresses Scan takes would
// each escape to the heap (10,000 rows on the 1,000-table fixture).
type columnScan struct {
	schema, table, name, format, typtype, typSchema, typName, base, def, identity, generated, comment, collation string
	storage, compression, options                                                                                string
	attnum, statistics                                                                                           int
	notNull, local                                                                                               bool
}

func (in *inspector) columnRow(r *sql.Rows) error {
	v := new(columnScan)
	if err := r.Scan(&v.schema, &v.table, &v.attnum, &v.name, &v.format, &v.typtype, &v.typSchema, &v.typName, &v.base, &v.notNull, &v.def, &v.identity, &v.generated, &v.comment, &v.collation, &v.local,
		&v.storage, &v.compression, &v.statistics, &v.options); err != nil {
		return err
	}
	t := in.table(v.schema, v.table)
	if t == nil {
		return nil
	}
	k := tableKey{v.schema, v.table}
	if in.attnames[k] == nil {
		in.attnames[k] = map[int]string{}
	}
	in.attnames[k][v.attnum] = v.name
	attrs, err := v.attributes()
	if err != nil {
		return fmt.Errorf("attributes of column %s.%s: %w", v.table, v.name, err)
	}
	if t.PartitionOf != nil {
		in.warnPartitionAttributes(v.table, v.name, attrs)
		return nil // a partition's columns are its parent's (named for its keys above)
	}
	c := &metadata.Column{Name: v.name, Nullable: !v.notNull, Comment: v.comment, Collation: v.collation, Attributes: attrs}
	switch v.typtype {
	case "e":
		c.Type = metadata.EnumType(qualify(in.schema(v.typSchema), v.typName))
	case "d":
		// A domain (MetaData.Domains) is the column's type by its name,
		// as format_type spells it under the search path.
		c.Type = metadata.NativeType(v.format)
	default:
		c.Type = fromFormatType(v.format)
	}
	switch {
	case v.identity == "a":
		c.AutoIncrement, c.Identity = true, metadata.IdentityAlways
	case v.identity != "":
		c.AutoIncrement, c.Identity = true, metadata.IdentityByDefault
	case v.generated != "":
		c.Generated = &metadata.Generated{Expression: stripOuterParens(v.def), Stored: v.generated == "s"}
	case nextvalRE().MatchString(v.def):
		c.Default = v.def // serial when the sequences query finds the column owns the sequence
	default:
		c.Default = NormalizeDefault(v.def)
	}
	if !v.local {
		in.inherited = append(in.inherited, inheritedColumn{k, v.attnum, c})
		return nil
	}
	t.Columns = append(t.Columns, c)
	return nil
}

var actions = map[string]string{
	"a": "", "r": metadata.Restrict, "c": metadata.Cascade, "n": metadata.SetNull, "d": metadata.SetDefault,
}

var checkDefRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^CHECK \((.*)\)( NO INHERIT)?( NOT VALID)?$`) })

// constraintScan is one row of constraintsQuery: Scan's sixteen
// destinations in one allocation, as columnScan (3,400 rows on the
// 1,000-table fixture).
type constraintScan struct {
	schema, table, name, kind, keys, refSchema, refTable, refKeys, refNames, onDelete, onUpdate, def, comment string
	deferrable, deferred, validated                                                                           bool
}

func (in *inspector) constraintRow(r *sql.Rows) error {
	v := new(constraintScan)
	if err := r.Scan(&v.schema, &v.table, &v.name, &v.kind, &v.keys, &v.refSchema, &v.refTable, &v.refKeys, &v.refNames, &v.onDelete, &v.onUpdate, &v.deferrable, &v.deferred, &v.validated, &v.def, &v.comment); err != nil {
		return err
	}
	schema, table, name, kind, keys, refSchema, refTable, refKeys, refNames := v.schema, v.table, v.name, v.kind, v.keys, v.refSchema, v.refTable, v.refKeys, v.refNames
	onDelete, onUpdate, def, comment, deferrable, deferred, validated := v.onDelete, v.onUpdate, v.def, v.comment, v.deferrable, v.deferred, v.validated
	t := in.table(schema, table)
	if t == nil {
		return nil
	}
	if kind == "x" { // its definition names its columns; conkey has 0 for an expression
		return in.exclusionRow(t, name, table, def, comment)
	}
	columns, err := in.names(tableKey{schema, table}, keys)
	if err != nil {
		return fmt.Errorf("columns of %s: %w", name, err)
	}
	var refColumns []string
	if refNames != "" {
		if err := json.Unmarshal([]byte(refNames), &refColumns); err != nil {
			return fmt.Errorf("referred columns of %s: %w", name, err)
		}
	} else if kind == "f" {
		if refColumns, err = in.names(tableKey{refSchema, refTable}, refKeys); err != nil {
			return fmt.Errorf("referred columns of %s: %w", name, err)
		}
	}
	switch kind {
	case "p":
		t.PrimaryKey = &metadata.PrimaryKey{Name: name, Columns: columns, Deferrable: deferrable, InitiallyDeferred: deferred, Comment: comment}
	case "u":
		t.Uniques = append(t.Uniques, &metadata.Unique{Name: name, Columns: columns, Deferrable: deferrable, InitiallyDeferred: deferred,
			NullsNotDistinct: strings.HasPrefix(def, "UNIQUE NULLS NOT DISTINCT "), Comment: comment})
	case "f":
		fk := &metadata.ForeignKey{Name: name, Columns: columns, RefTable: refTable, RefColumns: refColumns,
			OnDelete: actions[onDelete], OnUpdate: actions[onUpdate], Deferrable: deferrable, InitiallyDeferred: deferred,
			NotValid: !validated, Comment: comment}
		if refSchema != schema {
			fk.RefSchema = refSchema
		}
		t.ForeignKeys = append(t.ForeignKeys, fk)
	case "c":
		m := checkDefRE().FindStringSubmatch(def)
		if m == nil {
			in.warn("check %s on %s: cannot read its definition %q; skipped", name, table, def)
			return nil
		}
		t.Checks = append(t.Checks, &metadata.Check{Name: name, Expression: stripOuterParens(m[1]), NoInherit: m[2] != "",
			NotValid: !validated, Comment: comment})
	}
	return nil
}

func (in *inspector) unmodelledRow(r *sql.Rows) error {
	var kind, schema, name string
	if err := r.Scan(&kind, &schema, &name); err != nil {
		return err
	}
	name = strings.TrimSpace(name)
	switch {
	case strings.HasPrefix(kind, "comment on "):
		in.warn("the %s %s.%s is not modelled: a rebuild or a downgrade that recreates it loses the comment; keep it with an execute op (COMMENT ON %s)",
			kind, schema, name, strings.ToUpper(strings.TrimPrefix(kind, "comment on ")))
	case schema == "":
		in.warn("%s %s is not modelled (skipped): a database built from the model has none; create it outside the migrations or with an execute op", kind, name)
	default:
		in.warn("%s %s.%s is not modelled (skipped): a database built from the model has none; create it with an execute op", kind, schema, name)
	}
	return nil
}

// names maps an attribute number array ("{1,3}") of table k to column names.
func (in *inspector) names(k tableKey, nums string) ([]string, error) {
	nums = strings.Trim(nums, "{}")
	if nums == "" {
		return nil, nil
	}
	byNum := in.attnames[k]
	var out []string
	for _, f := range strings.Split(nums, ",") {
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, err
		}
		name, ok := byNum[n]
		if !ok {
			return nil, fmt.Errorf("table %s.%s has no column %d (it changed while it was inspected; inspect again)", k.schema, k.name, n)
		}
		out = append(out, name)
	}
	return out, nil
}
