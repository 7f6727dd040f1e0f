package reflect

import (
	"context"
	"fmt"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// Result is what [Inspect] read.
type Result struct {
	// MetaData is the schema, filtered and in the order the package doc
	// describes.
	MetaData *metadata.MetaData
	// Warnings say, one line each, what was seen but not modelled (views,
	// triggers, ...), what was skipped, and which foreign keys were left
	// out because they point at tables that were not read. They come in a fixed order: the
	// dialect's, then the driver's.
	Warnings []string
}

// Inspect reads the schema of the database behind q, through d, into a
// model: the dialect reads the catalog in a fixed number of queries, and
// Inspect keeps the tables opts selects, leaves out the version tables,
// drops the enums that only left-out tables use, drops (with a warning
// each) the foreign keys that point at tables not in the result, and sorts
// the result. Such keys are dropped rather than kept because a model that
// names a table it does not hold is not a valid schema.yaml: the dump
// could not be read back, and creating it elsewhere would fail.
//
// A table the dialect read without any column (one dropped while the
// catalog was read) is left out with a warning rather than returned half
// filled.
func Inspect(ctx context.Context, q dialect.Queryer, d dialect.Dialect, opts Options) (*Result, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	in, err := d.Inspect(ctx, q, dialect.InspectOptions{Schemas: opts.Schemas})
	if err != nil {
		return nil, fmt.Errorf("reflect: %w", err)
	}
	if in == nil || in.MetaData == nil {
		return nil, fmt.Errorf("reflect: %s: Inspect returned no model", d.Name())
	}
	res := &Result{MetaData: in.MetaData, Warnings: append([]string(nil), in.Warnings...)}
	all := tableSet(in.MetaData.Tables)
	res.filter(opts)
	res.dropDangling(opts, all)
	sortModel(res.MetaData)
	return res, nil
}

// warn adds a warning of the driver's own.
func (r *Result) warn(format string, args ...any) {
	r.Warnings = append(r.Warnings, "reflect: "+fmt.Sprintf(format, args...))
}

// filter drops the tables opts leaves out, tables without columns, and the
// enums only dropped tables used.
func (r *Result) filter(opts Options) {
	m := r.MetaData
	kept := m.Tables[:0]
	usedByKept := map[string]bool{}
	usedByDropped := map[string]bool{}
	for _, t := range m.Tables {
		keep := opts.keep(t.Schema, t.Name)
		if keep && len(t.Columns) == 0 && t.PartitionOf == nil && len(t.Inherits) == 0 { // a partition has its parent's columns, an heir may have only its parents'
			r.warn("table %s has no columns (dropped while it was inspected?); it was left out", t.QualifiedName())
			keep = false
		}
		used := usedByDropped
		if keep {
			kept = append(kept, t)
			used = usedByKept
		}
		for _, c := range t.Columns {
			if c.Type.Kind == metadata.EnumKind {
				used[c.Type.EnumName] = true
			}
		}
	}
	clear(m.Tables[len(kept):])
	m.Tables = kept
	enums := m.Enums[:0]
	for _, e := range m.Enums {
		q := e.QualifiedName()
		if usedByKept[q] || !usedByDropped[q] {
			enums = append(enums, e)
		}
	}
	clear(m.Enums[len(enums):])
	m.Enums = enums
}

type tableKey struct{ schema, name string }

// tableSet returns the keys of tables.
func tableSet(tables []*metadata.Table) map[tableKey]bool {
	set := make(map[tableKey]bool, len(tables))
	for _, t := range tables {
		set[tableKey{t.Schema, t.Name}] = true
	}
	return set
}

// dropDangling drops, with a warning each, the foreign keys whose referred
// table is not in the result, saying why it is not: left out by the
// filters (read is the set of tables the dialect read), in a schema not
// read, or not found at all (dropped meanwhile, or not visible to the
// user).
func (r *Result) dropDangling(opts Options, read map[tableKey]bool) {
	have := tableSet(r.MetaData.Tables)
	for _, t := range r.MetaData.Tables {
		kept := t.ForeignKeys[:0]
		for _, fk := range t.ForeignKeys {
			s := fk.RefSchema
			if s == "" {
				s = t.Schema
			}
			k := tableKey{s, fk.RefTable}
			if have[k] {
				kept = append(kept, fk)
				continue
			}
			why := "which was not found (dropped meanwhile, or not visible to this user?)"
			switch {
			case read[k]:
				why = "which the filters left out"
			case !inSchemas(opts.Schemas, s):
				why = "whose schema was not read"
			}
			r.warn("foreign key %s of table %s refers to table %s, %s; the key was left out", fkName(fk), t.QualifiedName(), qualified(s, fk.RefTable), why)
		}
		clear(t.ForeignKeys[len(kept):])
		t.ForeignKeys = kept
	}
}

func qualified(schema, name string) string {
	if schema == "" {
		return name
	}
	return schema + "." + name
}

// inSchemas reports whether schema s (as the model spells it: "" for the
// default) is one of the schemas read.
func inSchemas(schemas []string, s string) bool {
	if len(schemas) == 0 {
		return s == ""
	}
	for _, x := range schemas {
		if x == s {
			return true
		}
	}
	return false
}

func fkName(fk *metadata.ForeignKey) string {
	if fk.Name != "" {
		return fk.Name
	}
	return fmt.Sprintf("(%v)", fk.Columns)
}
