package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/reflect"
	"github.com/retortdb/retort/versions"
)

// errNotAtHead is returned when the database is not at the history's heads:
// autogenerating against it would write changes the history already holds.
var errNotAtHead = errors.New("the database is not at head: run migrate upgrade heads first")

// autogenFlags are the flags revision --autogenerate, check and diff share.
// Until the configuration file is read, --url (or $DATABASE_URL), --schema
// and the root's --directory say everything.
type autogenFlags struct {
	url, schema, devURL string
	offline             bool
}

func (f *autogenFlags) register(fl *pflag.FlagSet, offline bool) {
	fl.StringVar(&f.url, "url", "", "database URL (default $DATABASE_URL); with --offline it only picks the dialect (default SQLite)")
	fl.StringVar(&f.schema, "schema", "", "the target schema: schema.yaml, or a .sql script loaded into a scratch database (default: migrate.yaml's schema, else schema.yaml)")
	fl.StringVar(&f.devURL, "dev-url", "", "scratch database to load a .sql schema into, emptied before and after (not needed for SQLite)")
	if offline {
		fl.BoolVar(&f.offline, "offline", false, "compare with the history folded from the revision files instead of a database")
	}
}

// withConfig fills what the flags leave empty from migrate.yaml (and the
// environment, which the configuration has applied).
func (a *app) withConfig(f autogenFlags) autogenFlags {
	if f.url == "" && a.cfg != nil {
		f.url = a.cfg.URL
	}
	if f.url == "" {
		f.url = os.Getenv("DATABASE_URL")
	}
	if f.schema == "" && a.cfg != nil {
		f.schema = a.cfg.Schema
	}
	if f.schema == "" {
		f.schema = "schema.yaml"
	}
	if f.devURL == "" && a.cfg != nil {
		f.devURL = a.cfg.DevURL
	}
	return f
}

// compareOptions are migrate.yaml's compare, include, exclude and
// version_table keys.
func (a *app) compareOptions() autogen.Options {
	if a.cfg == nil {
		return autogen.Options{}
	}
	return autogen.Options{
		IgnoreTypes:          !a.cfg.Compare.Types,
		IgnoreServerDefaults: !a.cfg.Compare.ServerDefaults,
		IgnoreComments:       !a.cfg.Compare.Comments,
		Tables:               a.cfg.Include.Tables,
		ExcludeTables:        a.cfg.Exclude.Tables,
		VersionTable:         a.cfg.VersionTable,
	}
}

// includeSchemas is migrate.yaml's include.schemas.
func (a *app) includeSchemas() []string {
	if a.cfg == nil {
		return nil
	}
	return a.cfg.Include.Schemas
}

// comparison is a target schema compared with the current one.
type comparison struct {
	d               dialect.Dialect
	target, current *metadata.MetaData
	graph           *versions.Graph
	result          *autogen.Result
	notAtHead       error // set when the database is not at head
	opts            autogen.Options
	schemas         []string // include.schemas of migrate.yaml; empty: those the target uses
}

// compareSchemas reads the target, reads the current schema (the database,
// or the folded history with --offline) and compares them.
func (a *app) compareSchemas(ctx context.Context, f autogenFlags) (*comparison, error) {
	g, err := a.loadFullGraph()
	if err != nil {
		return nil, err
	}
	f = a.withConfig(f)
	raw := f.url
	if raw == "" && !f.offline {
		return nil, usagef("no database to compare with: pass --url, set DATABASE_URL, write url in migrate.yaml, or use --offline")
	}
	if raw == "" {
		raw = "sqlite://"
	}
	d, u, err := dialect.Open(raw)
	if err != nil {
		return nil, usageError{err}
	}
	target, err := readTarget(ctx, f.schema, d, f.devURL)
	if err != nil {
		return nil, err
	}
	c := &comparison{d: d, target: target, graph: g, opts: a.compareOptions(), schemas: a.includeSchemas()}
	var warnings []string
	if f.offline {
		c.current, warnings, err = foldHeads(g)
	} else {
		c.current, warnings, err = c.fromDatabase(ctx, u)
		err = redacted(err, u.Password)
	}
	if err != nil {
		return nil, err
	}
	if c.result, err = autogen.Compare(target, c.current, d, c.opts); err != nil {
		return nil, err
	}
	c.result.Warnings = append(warnings, c.result.Warnings...)
	return c, nil
}

// loadFullGraph reads <directory>/versions with the operations (folding
// needs them); a missing directory is an empty history.
func (a *app) loadFullGraph() (*versions.Graph, error) {
	g, err := versions.Load(os.DirFS(a.directory), "versions")
	if errors.Is(err, fs.ErrNotExist) {
		return versions.NewGraph(nil)
	}
	return g, err
}

// foldHeads folds the whole history (every head) into a model.
func foldHeads(g *versions.Graph) (*metadata.MetaData, []string, error) {
	if g.Len() == 0 {
		return metadata.New(), nil, nil
	}
	return g.ModelAt("heads")
}

// fromDatabase reads the database's heads (noting when they are not the
// history's) and reflects it.
func (c *comparison) fromDatabase(ctx context.Context, u *dialect.URL) (*metadata.MetaData, []string, error) {
	driverName, dsn, err := c.d.Driver(u)
	if err != nil {
		return nil, nil, err
	}
	db, err := sql.Open(driverName, dsn)
	if err != nil {
		return nil, nil, err
	}
	defer db.Close()
	if err := db.PingContext(ctx); err != nil {
		return nil, nil, fmt.Errorf("connecting to %s: %w", u.Redacted(), err)
	}
	heads, err := databaseHeads(ctx, versions.VersionTable{Dialect: c.d, Name: c.opts.VersionTable}, db)
	if err != nil {
		return nil, nil, err
	}
	var want []string
	for _, r := range c.graph.Heads() {
		want = append(want, r.ID)
	}
	slices.Sort(want)
	if !slices.Equal(heads, want) {
		c.notAtHead = fmt.Errorf("%w (database: %s; history: %s)", errNotAtHead, orNone(heads), orNone(want))
	}
	schemas := c.schemas
	if len(schemas) == 0 {
		schemas = schemasOf(c.d, c.target)
	}
	res, err := reflect.Inspect(ctx, db, c.d, reflect.Options{Schemas: schemas, Tables: c.opts.Tables,
		ExcludeTables: c.opts.ExcludeTables, VersionTable: c.opts.VersionTable})
	if err != nil {
		return nil, nil, fmt.Errorf("inspecting %s: %w", u.Redacted(), err)
	}
	return res.MetaData, res.Warnings, nil
}

// schemasOf lists the schemas to reflect: the default one and every other
// the target uses, where the database has schemas.
func schemasOf(d dialect.Dialect, target *metadata.MetaData) []string {
	if !d.Capabilities().Schemas {
		return nil
	}
	out := []string{""}
	for _, t := range target.Tables {
		if !slices.Contains(out, t.Schema) {
			out = append(out, t.Schema)
		}
	}
	for _, e := range target.Enums {
		if !slices.Contains(out, e.Schema) {
			out = append(out, e.Schema)
		}
	}
	if len(out) == 1 {
		return nil
	}
	return out
}

// databaseHeads reads the version table; a database without one has no heads.
func databaseHeads(ctx context.Context, vt versions.VersionTable, db *sql.DB) ([]string, error) {
	heads, err := vt.Heads(ctx, db)
	if err == nil {
		return heads, nil
	}
	name := vt.Name
	if name == "" {
		name = versions.DefaultVersionTable
	}
	table := vt.Dialect.QuoteIdent(name)
	if vt.Schema != "" {
		table = vt.Dialect.QuoteIdent(vt.Schema) + "." + table
	}
	rows, probe := db.QueryContext(ctx, "SELECT 1 FROM "+table+" WHERE 1 = 0")
	if probe != nil {
		return nil, nil // no version table: nothing applied yet
	}
	rows.Close()
	return nil, fmt.Errorf("reading the version table: %w", err)
}

func orNone(ids []string) string {
	if len(ids) == 0 {
		return "none"
	}
	return strings.Join(ids, ", ")
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
func (a *app) printDiff(cmp *comparison, asSQL bool) error {
	res := cmp.result
	switch {
	case a.format == "json":
		return a.printChanges(res)
	case asSQL:
		stmts, err := cmp.d.Plan(cmp.current, res.Ops)
		if err != nil {
			return err
		}
		for _, s := range stmts {
			text, err := dialect.Inline(cmp.d, s)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "%s;\n", strings.TrimRight(text, "; \n"))
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
	for _, w := range res.Warnings {
		fmt.Fprintf(a.stderr, "warning: %s\n", w)
	}
	return nil
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

// autogenerate is revision --autogenerate: it refuses when the database is
// not at head, prints one line per detected change (as Alembic does), and
// writes the revision with the ops and their exact reverse.
func (a *app) autogenerate(ctx context.Context, o newRevision, f autogenFlags) error {
	cmp, err := a.compareSchemas(ctx, f)
	if err != nil {
		return err
	}
	if cmp.notAtHead != nil {
		return cmp.notAtHead
	}
	res := cmp.result
	for _, op := range res.Ops {
		fmt.Fprintln(a.stderr, autogen.Describe(op))
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(a.stderr, "warning: %s\n", w)
	}
	r, err := a.generate(o)
	if err != nil {
		return err
	}
	if err := autogen.Fill(r, res); err != nil {
		return err
	}
	data, err := autogen.Render(r, res.Warnings)
	if err != nil {
		return err
	}
	// generate wrote the header-only file (refusing to overwrite another);
	// the ops go into it now.
	if err := os.WriteFile(r.Path, data, 0o644); err != nil {
		return err
	}
	return a.printGenerated(r)
}

// readTarget reads the target schema: a schema.yaml, or a .sql script
// loaded into a scratch database and reflected (an in-memory SQLite
// database for SQLite, devURL for the others, emptied before and after).
func readTarget(ctx context.Context, path string, d dialect.Dialect, devURL string) (*metadata.MetaData, error) {
	if !strings.EqualFold(filepath.Ext(path), ".sql") {
		m, err := metadata.ReadFile(path)
		if err != nil {
			return nil, usageError{fmt.Errorf("reading the target schema: %w", err)}
		}
		return m, nil
	}
	script, err := os.ReadFile(path)
	if err != nil {
		return nil, usageError{fmt.Errorf("reading the target schema: %w", err)}
	}
	db, u, err := openScratch(d, devURL)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	m, err := loadScratch(ctx, d, db, string(script))
	if err != nil {
		err = fmt.Errorf("loading %s into the scratch database %s: %w", path, u.Redacted(), err)
	}
	return m, redacted(err, u.Password)
}

// openScratch opens the scratch database for a .sql schema.
func openScratch(d dialect.Dialect, devURL string) (*sql.DB, *dialect.URL, error) {
	if devURL == "" {
		sp, ok := d.(dialect.ScratchProvider)
		if !ok {
			return nil, nil, usagef("a .sql schema needs a scratch database on %s: pass --dev-url", d.Name())
		}
		devURL = sp.ScratchURL()
	}
	dd, u, err := dialect.Open(devURL)
	if err != nil {
		return nil, nil, usageError{fmt.Errorf("--dev-url: %w", err)}
	}
	if dd.Name() != d.Name() {
		return nil, nil, usagef("--dev-url is a %s database, the target database is %s", dd.Name(), d.Name())
	}
	driverFor := d.Driver
	if sd, ok := d.(dialect.ScriptDriver); ok {
		driverFor = sd.ScriptDriver // a schema script holds many statements
	}
	driverName, dsn, err := driverFor(u)
	if err != nil {
		return nil, nil, err
	}
	db, err := sql.Open(driverName, dsn)
	if err != nil {
		return nil, nil, err
	}
	db.SetMaxOpenConns(1) // an in-memory SQLite database lives in one connection
	return db, u, nil
}

// loadScratch empties db, runs the script, reflects the result and
// empties db again.
func loadScratch(ctx context.Context, d dialect.Dialect, db *sql.DB, script string) (*metadata.MetaData, error) {
	if err := emptyDatabase(ctx, d, db); err != nil {
		return nil, fmt.Errorf("emptying it first: %w", err)
	}
	if _, err := db.ExecContext(ctx, script); err != nil {
		return nil, err
	}
	res, err := reflect.Inspect(ctx, db, d, reflect.Options{})
	if err != nil {
		return nil, err
	}
	if err := emptyDatabase(ctx, d, db); err != nil {
		return nil, fmt.Errorf("emptying it after: %w", err)
	}
	return res.MetaData, nil
}

// emptyDatabase drops every table and enum of db's default schema.
func emptyDatabase(ctx context.Context, d dialect.Dialect, db *sql.DB) error {
	res, err := reflect.Inspect(ctx, db, d, reflect.Options{})
	if err != nil {
		return err
	}
	m := res.MetaData
	if len(m.Tables) == 0 && len(m.Enums) == 0 {
		return nil
	}
	stmts, err := d.Plan(m, dialect.DropOps(m))
	if err != nil {
		return err
	}
	for _, s := range stmts {
		if _, err := db.ExecContext(ctx, s.SQL, s.Args...); err != nil {
			return fmt.Errorf("%s: %w", s.SQL, err)
		}
	}
	return nil
}
