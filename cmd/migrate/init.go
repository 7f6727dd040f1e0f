package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort/jsonschema"
)

// configTemplate is the migrate.yaml init writes (docs/design.md's keys).
const configTemplate = `# Retort configuration. Relative paths are relative to this file.
url: ${DATABASE_URL:-sqlite:///app.db}   # ${VAR} and ${VAR:-default} are expanded
schema: schema.yaml                      # .yaml, .sql, or a folder of them
directory: migrations                    # revision files live in <directory>/versions
dev_url: ""                              # scratch database to load a .sql schema (not needed for SQLite)
version_table: migrate_version           # set alembic_version to adopt an Alembic-managed database
transaction: per-migration               # per-migration | all | none
lock_timeout: 60s                        # wait for another runner's lock this long
compare: {types: true, server_defaults: true, comments: true}
include: {schemas: [], tables: []}       # glob patterns; empty = all
exclude: {tables: []}
`

// schemaTemplate is the commented schema.yaml init writes.
const schemaTemplate = `# The schema you want. Edit it, then run:
#   migrate revision --autogenerate -m "describe the change"
#   migrate upgrade head
#
# naming_convention:          # names for constraints that have none (SQLAlchemy tokens)
#   ix: ix_%(column_0_label)s
#   uq: uq_%(table_name)s_%(column_0_name)s
#   fk: fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s
#   pk: pk_%(table_name)s
# enums:
#   mood: [happy, sad, ok]
# tables:
#   - name: users
#     columns:
#       - {name: id, type: bigint, primary_key: true, autoincrement: true}
#       - {name: email, type: varchar(320), nullable: false, unique: true}
#       - {name: created_at, type: timestamptz, nullable: false, default: CURRENT_TIMESTAMP}
#     indexes:
#       - {name: ix_users_created_at, columns: [created_at]}
#
# Types: smallint integer bigint boolean varchar(n) char(n) text numeric(p,s) real
# double date time timestamp timestamptz interval uuid json jsonb blob varbinary(n) enum(name)
tables: []
`

// initCommand builds "migrate init [DIR]".
func (a *app) initCommand() *cobra.Command {
	var fromDB bool
	var url string
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write migrate.yaml, schema.yaml and migrations/versions/ into DIR",
		Long: `Init starts a Retort project in DIR (default: the current directory):
migrate.yaml (the configuration), a commented schema.yaml (the schema you
want) and migrations/versions/ (the revision files). It refuses to overwrite
any of them.`,
		Example: `  migrate init
  migrate init db && cd db
  migrate init --from-database --url postgres://app@localhost/app`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			if fromDB {
				return a.initFromDatabase(commandContext(cmd), dir, url)
			}
			return a.initProject(dir, schemaTemplate, "")
		},
	}
	cmd.Flags().BoolVar(&fromDB, "from-database", false, "adopt an existing database: inspect it into schema.yaml, write a baseline revision that creates it, and stamp the database at it")
	cmd.Flags().StringVar(&url, "url", "", "the database to adopt with --from-database (default $DATABASE_URL)")
	return cmd
}

// initProject writes the three files, none of which may exist; url,
// when set, replaces the template's url line.
func (a *app) initProject(dir, schema, url string) error {
	config := configTemplate
	if url != "" {
		config = strings.Replace(config, "url: ${DATABASE_URL:-sqlite:///app.db}  ", "url: "+url, 1)
	}
	files := []struct{ name, text string }{
		{"migrate.yaml", jsonschema.Modeline(jsonschema.Dir+"/"+jsonschema.ConfigFile) + "\n" + config},
		{"schema.yaml", jsonschema.Modeline(jsonschema.Dir+"/"+jsonschema.SchemaFile) + "\n" + schema},
	}
	versionsDir := filepath.Join(dir, "migrations", "versions")
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(dir, f.name)); err == nil {
			return fmt.Errorf("%s already exists: init does not overwrite", filepath.Join(dir, f.name))
		}
	}
	if _, err := os.Stat(versionsDir); err == nil {
		return fmt.Errorf("%s already exists: init does not overwrite", versionsDir)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.MkdirAll(versionsDir, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		path := filepath.Join(dir, f.name)
		if err := os.WriteFile(path, []byte(f.text), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, "Writing %s ... done\n", path)
	}
	fmt.Fprintf(a.stdout, "Writing %s ... done\n", versionsDir+string(filepath.Separator))
	paths, err := jsonschema.WriteDir(filepath.Join(dir, jsonschema.Dir))
	for _, p := range paths {
		fmt.Fprintf(a.stdout, "Writing %s ... done\n", p)
	}
	if err != nil {
		return err
	}
	if schema == schemaTemplate {
		fmt.Fprintf(a.stdout, "Next: describe your tables in %s, then run\n  migrate revision --autogenerate -m \"create tables\"\n  migrate upgrade head\n",
			filepath.Join(dir, "schema.yaml"))
	}
	return nil
}
