package autogen

import (
	"path"
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// DefaultVersionTable is the version table left out of every comparison
// when [Options.VersionTable] is empty (alembic_version is always left out).
const DefaultVersionTable = "migrate_version"

// Options says what Compare looks at. The zero value compares everything
// in every table but the version tables. When table filters are set, only
// the enums the compared tables use are compared.
type Options struct {
	// IgnoreTypes, IgnoreServerDefaults and IgnoreComments turn off the
	// comparison of column types, server defaults and comments
	// (migrate.yaml's compare: {types: false, ...}).
	IgnoreTypes          bool
	IgnoreServerDefaults bool
	IgnoreComments       bool
	// Tables are glob patterns ([path.Match]) a table must match, on its
	// name or on schema.name, to be compared; empty means every table.
	// ExcludeTables leaves out tables matching any of its patterns. Both
	// sides are filtered alike (migrate.yaml's include/exclude).
	Tables        []string
	ExcludeTables []string
	// Strict reports as a change what could only be a note: a default,
	// check or index expression whose two spellings could not be compared
	// by meaning (migrate's --strict).
	Strict bool
	// VersionTable is never compared; default [DefaultVersionTable].
	VersionTable string
}

// keep reports whether the table is compared.
func (o Options) keep(t *metadata.Table) bool {
	vt := o.VersionTable
	if vt == "" {
		vt = DefaultVersionTable
	}
	if t.Name == vt || t.Name == "alembic_version" || t.Name == dialect.LockTable {
		return false
	}
	if len(o.Tables) > 0 && !matchAny(o.Tables, t) {
		return false
	}
	return !matchAny(o.ExcludeTables, t)
}

// matchAny reports whether a pattern matches t's name or schema.name.
func matchAny(patterns []string, t *metadata.Table) bool {
	for _, p := range patterns {
		if ok, _ := path.Match(p, t.Name); ok {
			return true
		}
		if ok, _ := path.Match(p, t.QualifiedName()); ok {
			return true
		}
	}
	return false
}

// filter returns m without the tables opts leaves out; m is not changed.
func (o Options) filter(m *metadata.MetaData) *metadata.MetaData {
	c := *m
	c.Tables = nil
	for _, t := range m.Tables {
		if o.keep(t) {
			c.Tables = append(c.Tables, t)
		}
	}
	c.Views = nil
	for _, v := range m.Views { // a view is kept by the filters as a table of its name would be
		if o.keep(&metadata.Table{Schema: v.Schema, Name: v.Name}) {
			c.Views = append(c.Views, v)
		}
	}
	return &c
}

// filterEnums leaves in both models only the enums that a compared table
// of either uses, when table filters are set: an enum outside what the
// filters select is not autogenerate's to create or drop.
func (o Options) filterEnums(a, b *metadata.MetaData) {
	if len(o.Tables) == 0 && len(o.ExcludeTables) == 0 {
		return
	}
	used := map[[2]string]bool{}
	for _, m := range []*metadata.MetaData{a, b} {
		for _, t := range m.Tables {
			for _, c := range t.Columns {
				if c.Type.Kind != metadata.EnumKind {
					continue
				}
				schema, name := t.Schema, c.Type.EnumName
				if s, n, ok := strings.Cut(name, "."); ok {
					schema, name = s, n
				}
				used[[2]string{schema, name}] = true
			}
		}
	}
	for _, m := range []*metadata.MetaData{a, b} {
		m.Enums = slices.DeleteFunc(slices.Clone(m.Enums), func(e *metadata.Enum) bool {
			return !used[[2]string{e.Schema, e.Name}]
		})
	}
}

// filterSequences leaves in both models only the sequences a default of a
// compared table of either reads (as d reads defaults), when table filters
// are set, as filterEnums does for enums.
func (o Options) filterSequences(d dialect.Dialect, a, b *metadata.MetaData) {
	if len(o.Tables) == 0 && len(o.ExcludeTables) == 0 {
		return
	}
	read := func(s *metadata.Sequence) bool {
		for _, m := range []*metadata.MetaData{a, b} {
			for _, t := range m.Tables {
				for _, c := range t.Columns {
					if defaultReads(d, c.Default, s.Name) {
						return true
					}
				}
			}
		}
		return false
	}
	for _, m := range []*metadata.MetaData{a, b} {
		m.Sequences = slices.DeleteFunc(slices.Clone(m.Sequences), func(s *metadata.Sequence) bool { return !read(s) })
	}
}
