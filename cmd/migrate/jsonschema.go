package main

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort/jsonschema"
)

// jsonSchemaCommand builds "migrate json-schema [DIR]": the JSON Schemas
// of schema.yaml, revision files and migrate.yaml, for editors.
func (a *app) jsonSchemaCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "json-schema [DIR]",
		Short: "Write JSON Schemas of schema.yaml, revision files and migrate.yaml, for editors",
		Long: `Json-schema writes schema.json, revision.json and migrate.json into DIR
(default: jsonschema/ beside migrate.yaml), replacing older copies. Editors
that use yaml-language-server (VS Code with the Red Hat YAML extension,
Neovim, Helix, JetBrains IDEs) then complete and check a file whose first
line names its schema:

  # yaml-language-server: $schema=jsonschema/schema.json

migrate init and migrate revision write that line, and init writes the
schemas too; run json-schema after upgrading migrate to refresh them.`,
		Example: `  migrate json-schema
  migrate json-schema .vscode/retort`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			dir := filepath.Join(a.projectRoot(), jsonschema.Dir)
			if len(args) == 1 {
				dir = args[0]
			}
			paths, err := jsonschema.WriteDir(dir)
			for _, p := range paths {
				fmt.Fprintf(a.stdout, "Writing %s ... done\n", p)
			}
			return err
		},
	}
}

// projectRoot is the folder of migrate.yaml ("." without one): where the
// JSON Schemas live.
func (a *app) projectRoot() string {
	if a.cfg != nil && a.cfg.File != "" {
		return filepath.Dir(a.cfg.File)
	}
	return "."
}
