package jsonschema

import "github.com/retortdb/retort"

// configRoot is migrate.yaml: the keys retort.ConfigKeys lists, described
// where this package knows them.
func configRoot() obj {
	path := func(desc string) obj {
		return str(desc + "; relative to this file; ${VAR} and ${VAR:-default} are expanded")
	}
	globs := func(desc string) obj {
		return obj{"type": []string{"array", "null"}, "items": obj{"type": "string"}, "description": desc}
	}
	return closed("", retort.ConfigKeys(), obj{
		"url":           str("the database URL, SQLAlchemy style: sqlite:///app.db, postgres://user@host/db, mysql://user@host/db; ${DATABASE_URL:-sqlite:///app.db} reads the environment"),
		"schema":        path("the target schema: schema.yaml, a .sql script, or a folder of them"),
		"directory":     path("the migrations folder; revision files live in <directory>/versions"),
		"dev_url":       str("a scratch database to load a .sql schema into (not needed for SQLite)"),
		"version_table": str("the version table; alembic_version adopts an Alembic-managed database"),
		"transaction":   obj{"enum": []string{string(retort.PerMigration), string(retort.All), string(retort.None)}, "description": "one transaction per revision, one for the whole run, or none"},
		"lock_timeout":  str("how long to wait for another runner's lock: a Go duration such as 60s or 2m"),
		"lock_stale":    str("MySQL on Galera: how long a lock may go without a heartbeat before a waiter takes it over (default 2m)"),
		"revisions":     closed("every revision's online keys, which a revision header's keys replace", []string{"lock_timeout", "statement_timeout", "lock_retries", "retry_backoff"}, onlineKeys()),
		"compare": closed("what autogenerate and check compare", []string{"types", "server_defaults", "comments"}, obj{
			"types": boolean("column types"), "server_defaults": boolean("server defaults"), "comments": boolean("table and column comments"),
		}),
		"include": closed("what autogenerate, check and inspect read; glob patterns, empty = all", []string{"schemas", "tables"}, obj{
			"schemas": globs("the schemas to read"), "tables": globs("table patterns, on name or schema.name"),
		}),
		"exclude": closed("what they leave out", []string{"tables"}, obj{"tables": globs("table patterns to leave out")}),
		"targets": obj{"type": []string{"array", "null"}, "description": "the fleet for --all, in order; ${VAR} expanded",
			"items": anyOf("a database URL (a sqlite:/// URL may be a glob relative to this file), or a server with a query or schemas on it",
				str("a database URL"),
				closed("a server (url) and one of: query, the control database's SQL returning one column of URLs; schemas, a list of schema (MySQL: database) names on it; like, a LIKE pattern of them",
					[]string{"url", "query", "schemas", "like"}, obj{
						"url": str("the server (or control database) URL"), "query": str("SQL returning one column of database URLs"),
						"schemas": globs("schema names (MySQL/MariaDB: database names); each must exist"),
						"like":    str("a LIKE pattern of schema names, e.g. tenant_%"),
					}, "url"))},
	})
}
