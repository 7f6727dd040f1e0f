package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/versions"
)

// autogenFlags are the flags revision --autogenerate, check and diff share.
// Until the configuration file is read, --url (or $DATABASE_URL), --schema
// and the root's --directory say everything.
type autogenFlags struct {
	url, schema, devURL string
	offline, strict     bool
	portable            bool // warn of the validation rules only other databases enforce
	reflected           bool // the schema was written from the database (init --from-database)
}

func (f *autogenFlags) register(fl *pflag.FlagSet, offline bool) {
	fl.StringVar(&f.url, "url", "", "database URL (default $DATABASE_URL); with --offline it only picks the dialect (default SQLite)")
	fl.StringVar(&f.schema, "schema", "", "the target schema: schema.yaml, or a .sql script loaded into a scratch database (default: migrate.yaml's schema, else schema.yaml)")
	fl.StringVar(&f.devURL, "dev-url", "", "scratch database to load a .sql schema into, emptied before and after (not needed for SQLite)")
	if offline {
		fl.BoolVar(&f.offline, "offline", false, "compare with the history folded from the revision files instead of a database")
	}
	fl.BoolVar(&f.strict, "strict", false, "make warnings errors: refuse a schema.yaml breaking a validation rule the database does not enforce (docs/validation.md), and report as a change a default, check or index expression whose two spellings cannot be compared by meaning")
	fl.BoolVar(&f.portable, "portable", false, "warn of a schema.yaml breaking a validation rule the database does not enforce but another does (docs/validation.md): for a schema meant for several databases")
}

// diffOptions are retort.DiffOptions from migrate.yaml, the environment
// and the flags (which win).
func (a *app) diffOptions(f autogenFlags) retort.DiffOptions {
	var o retort.DiffOptions
	if a.cfg != nil {
		o = a.cfg.DiffOptions()
	}
	o.Migrations, o.Directory = os.DirFS(a.directory), "versions"
	o.Offline, o.Strict, o.Reflected, o.Portable = f.offline, f.strict, f.reflected, f.portable
	o.Compare.Strict = f.strict
	if f.url != "" {
		o.URL = f.url
	}
	if o.URL == "" {
		o.URL = os.Getenv("DATABASE_URL")
	}
	if f.schema != "" {
		o.Schema = f.schema
	}
	if f.devURL != "" {
		o.DevURL = f.devURL
	}
	return o
}

// compareSchemas runs retort.Diff with the command's options.
func (a *app) compareSchemas(ctx context.Context, f autogenFlags) (*retort.Comparison, error) {
	return retort.Diff(ctx, a.diffOptions(f))
}

// diffCommand builds "migrate diff": the ops (or SQL) between the target
// schema and the database, nothing written.
func (a *app) diffCommand() *cobra.Command {
	var f autogenFlags
	var asSQL bool
	c := &cobra.Command{
		Use:   "diff",
		Short: "Print the operations (or SQL) that would bring the database to the target schema",
		Long: `Diff compares the target schema (--schema, default schema.yaml) with the
database (--url or $DATABASE_URL) and prints the operations autogenerate
would write, as revision-file YAML, or the SQL they plan to (--sql), or
{"changes": [...], "warnings": [...]} with --format json. Nothing is written.`,
		Example: `  migrate diff --url sqlite:///app.db
  migrate diff --sql --url postgres://app@localhost/app
  migrate diff --format json`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cmp, err := a.compareSchemas(commandContext(cmd), f)
			if err != nil {
				return err
			}
			return a.printDiff(cmp, asSQL)
		},
	}
	f.register(c.Flags(), true)
	c.Flags().BoolVar(&asSQL, "sql", false, "print the SQL the operations plan to, for this database")
	return c
}

func commandContext(cmd *cobra.Command) context.Context {
	if ctx := cmd.Context(); ctx != nil {
		return ctx
	}
	return context.Background()
}

// printDiff prints the comparison's ops in the chosen form.
func (a *app) printDiff(cmp *retort.Comparison, asSQL bool) error {
	res := cmp.Result
	switch {
	case a.format == "json":
		return a.printChanges(res)
	case asSQL:
		stmts, err := cmp.SQL()
		if err != nil {
			return err
		}
		for _, s := range stmts {
			fmt.Fprintf(a.stdout, "%s;\n", s)
		}
	default:
		if len(res.Ops) > 0 {
			text, err := opsYAML(res.Ops)
			if err != nil {
				return err
			}
			fmt.Fprint(a.stdout, text)
		}
	}
	a.printWarnings(res.Warnings)
	return nil
}

// printWarnings prints one "warning:" line each on stderr.
func (a *app) printWarnings(list []string) {
	for _, w := range list {
		fmt.Fprintf(a.stderr, "warning: %s\n", w)
	}
}

// opsYAML renders ops as the upgrade list of a revision file.
func opsYAML(list []ops.Op) (string, error) {
	node, err := ops.EncodeList(list)
	if err != nil {
		return "", err
	}
	data, err := yaml.Marshal(node)
	return string(data), err
}

// printChanges prints {"changes": [...], "warnings": [...]}.
func (a *app) printChanges(res *autogen.Result) error {
	out := struct {
		Changes  []any    `json:"changes"`
		Warnings []string `json:"warnings"`
	}{Changes: []any{}, Warnings: nonNil(res.Warnings)}
	for _, o := range res.Ops {
		node, err := ops.EncodeList([]ops.Op{o})
		if err != nil {
			return err
		}
		var v []any
		if err := node.Decode(&v); err != nil {
			return err
		}
		out.Changes = append(out.Changes, v...)
	}
	enc := json.NewEncoder(a.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// detectChanges is what revision --autogenerate does first, with or
// without --online: compare, refuse when the database is not at head,
// print one line per detected change (as Alembic does) and the warnings.
func (a *app) detectChanges(ctx context.Context, f autogenFlags) (*retort.Comparison, error) {
	cmp, err := a.compareSchemas(ctx, f)
	if err != nil {
		return nil, err
	}
	if cmp.NotAtHead != nil {
		return nil, cmp.NotAtHead
	}
	for _, op := range cmp.Result.Ops {
		fmt.Fprintln(a.stderr, autogen.Describe(op))
	}
	a.printWarnings(cmp.Result.Warnings)
	return cmp, nil
}

// autogenerate is revision --autogenerate: it refuses when the database is
// not at head, prints one line per detected change (as Alembic does), and
// writes the revision with the ops and their exact reverse.
func (a *app) autogenerate(ctx context.Context, o newRevision, f autogenFlags) error {
	cmp, err := a.detectChanges(ctx, f)
	if err != nil {
		return err
	}
	res := cmp.Result
	r, err := a.generate(o)
	if err != nil {
		return err
	}
	// generate wrote the header-only file (refusing to overwrite another);
	// the ops go into it now, or it goes: a failed autogenerate leaves no
	// revision file behind.
	if err := a.fillRevision(r, res); err != nil {
		return errors.Join(err, os.Remove(r.Path))
	}
	return a.printGenerated(r)
}

// fillRevision writes the ops of res and their reverse into r's file.
func (a *app) fillRevision(r *versions.Revision, res *autogen.Result) error {
	if err := autogen.Fill(r, res); err != nil {
		return err
	}
	data, err := autogen.Render(r, res.Warnings)
	if err != nil {
		return err
	}
	data = append([]byte(a.modeline(r.Path)), data...)
	return os.WriteFile(r.Path, data, 0o644)
}
