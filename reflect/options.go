package reflect

import (
	"fmt"
	"path"
	"strings"

	"github.com/retortdb/retort/dialect"
)

// DefaultVersionTable is the version table's name when
// [Options.VersionTable] is empty, as in docs/design.md's migrate.yaml.
const DefaultVersionTable = "migrate_version"

// AlembicVersionTable is Alembic's version table, always left out so that
// an Alembic-managed database can be adopted.
const AlembicVersionTable = "alembic_version"

// Options says what [Inspect] reads. The zero value reads every table of
// the connection's default schema but the version tables.
type Options struct {
	// Schemas are the schemas to read, by exact name; empty means the
	// connection's default schema, whose tables get an empty Schema in the
	// model. "" in the list also names the default schema, so
	// ["", "billing"] reads both. Databases without schemas (SQLite)
	// accept only the default. (migrate.yaml's include.schemas.)
	Schemas []string
	// Tables are glob patterns ([path.Match] syntax) a table must match to
	// be read, on its name or on schema.name; empty means every table.
	// (migrate.yaml's include.tables.)
	Tables []string
	// ExcludeTables are glob patterns, matched as Tables are, of tables
	// to leave out even when Tables includes them. (exclude.tables.)
	ExcludeTables []string
	// VersionTable is the migration version table, left out of the
	// result; default [DefaultVersionTable]. [AlembicVersionTable] is
	// always left out too.
	VersionTable string
}

// check reports a bad pattern or schema name before any query runs.
func (o Options) check() error {
	for _, list := range []struct {
		what     string
		patterns []string
	}{{"table", o.Tables}, {"excluded table", o.ExcludeTables}} {
		for _, p := range list.patterns {
			if _, err := path.Match(p, ""); err != nil {
				return fmt.Errorf("reflect: %s pattern %q: %w", list.what, p, err)
			}
		}
	}
	for _, s := range o.Schemas {
		if strings.ContainsAny(s, "*?[") {
			return fmt.Errorf("reflect: schema %q: schemas are named exactly, not by pattern", s)
		}
	}
	return nil
}

// versionTable returns the configured version table's name.
func (o Options) versionTable() string {
	if o.VersionTable == "" {
		return DefaultVersionTable
	}
	return o.VersionTable
}

// keep reports whether the table schema.name passes the filters.
func (o Options) keep(schema, name string) bool {
	if name == o.versionTable() || name == AlembicVersionTable || name == dialect.LockTable || name == dialect.BatchTable {
		return false
	}
	if len(o.Tables) > 0 && !matchAny(o.Tables, schema, name) {
		return false
	}
	return !matchAny(o.ExcludeTables, schema, name)
}

// matchAny reports whether a pattern matches the name or schema.name.
// Patterns were checked by [Options.check].
func matchAny(patterns []string, schema, name string) bool {
	qualified := name
	if schema != "" {
		qualified = schema + "." + name
	}
	for _, p := range patterns {
		if ok, _ := path.Match(p, name); ok {
			return true
		}
		if ok, _ := path.Match(p, qualified); ok {
			return true
		}
	}
	return false
}
