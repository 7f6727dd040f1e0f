package autogen

import (
	"path"

	"github.com/retortdb/retort/metadata"
)

// DefaultVersionTable is the version table left out of every comparison
// when [Options.VersionTable] is empty (alembic_version is always left out).
const DefaultVersionTable = "migrate_version"

// Options says what Compare looks at. The zero value compares everything
// in every table but the version tables.
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
	// VersionTable is never compared; default [DefaultVersionTable].
	VersionTable string
}

// keep reports whether the table is compared.
func (o Options) keep(t *metadata.Table) bool {
	vt := o.VersionTable
	if vt == "" {
		vt = DefaultVersionTable
	}
	if t.Name == vt || t.Name == "alembic_version" {
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
	return &c
}
