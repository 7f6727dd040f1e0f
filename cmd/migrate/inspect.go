package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort/diagram"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/reflect"
)

// inspectFlags are the flags of migrate inspect.
type inspectFlags struct {
	url, format, versionTable string
	tables, exclude, schemas  []string
}

// inspectCommand builds "migrate inspect": a live database's schema as
// schema.yaml (default), SQL DDL or JSON on stdout, warnings on stderr.
func (a *app) inspectCommand() *cobra.Command {
	var f inspectFlags
	c := &cobra.Command{
		Use:   "inspect",
		Short: "Print a live database's schema as schema.yaml, SQL, JSON or a diagram",
		Long: `Inspect reads the schema of a live database (tables, columns, keys,
indexes, checks, enums, comments) and prints it as schema.yaml (--format
yaml, the default), as the DDL that creates it (sql) or as canonical JSON
(json). --format mermaid or dot draws the tables, their key columns and
foreign keys as a Mermaid erDiagram or a Graphviz digraph. Objects the model does not hold (views, triggers, functions, ...)
are reported on stderr, one warning line each. The version tables
(migrate_version, alembic_version) are left out.

The database is --url, or else $DATABASE_URL.`,
		Example: `  migrate inspect --url postgres://app@localhost/app > schema.yaml
  migrate inspect --format sql --table 'billing_*' --exclude-table '*_old'
  DATABASE_URL=sqlite:///app.db migrate inspect --format json
  migrate inspect --format dot | dot -Tsvg > schema.svg`,
		RunE: func(cmd *cobra.Command, _ []string) error { return a.inspect(cmd.Context(), f) },
	}
	fl := c.Flags()
	fl.StringVar(&f.url, "url", "", "database URL (default $DATABASE_URL)")
	// A local --format shadows the root's text|json one for this command.
	fl.StringVar(&f.format, "format", "yaml", "output format: yaml, sql, json, mermaid or dot")
	fl.StringArrayVar(&f.tables, "table", nil, "read only tables matching this glob (name or schema.name); repeatable")
	fl.StringArrayVar(&f.exclude, "exclude-table", nil, "leave out tables matching this glob; repeatable")
	fl.StringArrayVar(&f.schemas, "schema", nil, "read this schema (default: the connection's own); repeatable")
	fl.StringVar(&f.versionTable, "version-table", reflect.DefaultVersionTable, "version table to leave out")
	return c
}

// inspect runs migrate inspect.
func (a *app) inspect(ctx context.Context, f inspectFlags) error {
	format, err := reflect.ParseFormat(f.format)
	picture, perr := diagram.ParseFormat(f.format)
	if err != nil && (perr != nil || picture == diagram.Text) {
		return usagef("--format must be yaml, sql, json, mermaid or dot, not %q", f.format)
	}
	raw := f.url
	if raw == "" {
		raw = os.Getenv("DATABASE_URL")
	}
	if raw == "" {
		return usagef("no database to inspect: pass --url or set DATABASE_URL")
	}
	d, u, err := dialect.Open(raw)
	if err != nil {
		return usageError{err}
	}
	if ctx == nil {
		ctx = context.Background()
	}
	res, err := inspectURL(ctx, d, u, reflect.Options{
		Schemas: f.schemas, Tables: f.tables, ExcludeTables: f.exclude, VersionTable: f.versionTable,
	})
	if err != nil {
		return redacted(fmt.Errorf("inspecting %s: %w", u.Redacted(), err), u.Password)
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(a.stderr, "warning: %s\n", w)
	}
	if format == "" {
		return diagram.Schema(a.stdout, res.MetaData, picture)
	}
	out, err := reflect.Dump(res.MetaData, d, format)
	if err != nil {
		return err
	}
	_, err = a.stdout.Write(out)
	return err
}

// inspectURL opens the database u names and inspects it.
func inspectURL(ctx context.Context, d dialect.Dialect, u *dialect.URL, opts reflect.Options) (*reflect.Result, error) {
	driverName, dsn, err := d.Driver(u)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open(driverName, dsn)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	if err := db.PingContext(ctx); err != nil {
		return nil, fmt.Errorf("connecting: %w", err)
	}
	return reflect.Inspect(ctx, db, d, opts)
}

// redacted wraps err so that its message never shows password.
func redacted(err error, password string) error {
	if err == nil || password == "" {
		return err
	}
	var u usageError
	if errors.As(err, &u) {
		return usageError{dialect.RedactError(u.err, password)}
	}
	return dialect.RedactError(err, password)
}
