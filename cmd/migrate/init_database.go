package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/reflect"
)

// initFromDatabase adopts a live database: init with the database's
// schema as schema.yaml (every schema of it, see databaseSchemas), a baseline revision that creates it (autogenerate
// against the empty history), and the database stamped at that revision.
func (a *app) initFromDatabase(ctx context.Context, dir, raw string) error {
	if raw == "" {
		raw = os.Getenv("DATABASE_URL")
	}
	if raw == "" {
		return usagef("init --from-database needs a database: pass --url or set DATABASE_URL")
	}
	a.cfg = &retort.Config{URL: raw, Directory: filepath.Join(dir, "migrations"), Schema: filepath.Join(dir, "schema.yaml"),
		VersionTable: "migrate_version", Transaction: retort.PerMigration, LockTimeout: retort.DefaultLockTimeout}
	db, err := a.openDB(ctx, raw)
	if err != nil {
		return err
	}
	defer db.db.Close()
	schemas, err := databaseSchemas(ctx, db)
	if err != nil {
		return redacted(fmt.Errorf("listing the schemas of %s: %w", db.u.Redacted(), err), db.u.Password)
	}
	res, err := reflect.Inspect(ctx, db.db, db.d, reflect.Options{Schemas: schemas})
	if err != nil {
		return redacted(fmt.Errorf("inspecting %s: %w", db.u.Redacted(), err), db.u.Password)
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(a.stderr, "warning: %s\n", w)
	}
	schema, err := reflect.Dump(res.MetaData, db.d, reflect.FormatYAML)
	if err != nil {
		return err
	}
	url := "${DATABASE_URL}"
	if db.u.Password == "" {
		url = "${DATABASE_URL:-" + raw + "}"
	}
	header := "# Inspected from " + db.u.Redacted() + " by migrate init --from-database.\n"
	if err := a.initProject(dir, header+string(schema), url); err != nil {
		return err
	}
	a.directory = a.cfg.Directory
	if err := a.autogenerate(ctx, newRevision{message: "baseline", heads: []string{"head"}},
		autogenFlags{url: raw, schema: a.cfg.Schema, offline: true, reflected: true}); err != nil {
		return err
	}
	r, err := retort.New(retort.Options{DB: db.db, Dialect: db.d, Migrations: os.DirFS(a.directory)})
	if err != nil {
		return err
	}
	if err := r.Stamp(ctx, []string{"head"}, false); err != nil {
		return redacted(err, db.u.Password)
	}
	heads, err := r.Current(ctx)
	if err != nil {
		return redacted(err, db.u.Password)
	}
	fmt.Fprintf(a.stdout, "Stamped %s\n", stamped(heads))
	return nil
}

// databaseSchemas lists the schemas adoption reads: on a database with
// schemas besides the default one (PostgreSQL), all of them, each by name
// (the default one too, so that keys from the others into it can be
// written); otherwise none, which reads the default schema. MySQL's
// databases are not schemas to Retort (dialect capability Schemas), so
// adoption reads the database the URL names.
func databaseSchemas(ctx context.Context, db *database) ([]string, error) {
	sc, ok := db.d.(dialect.ScratchCleaner)
	if !ok || !db.d.Capabilities().Schemas {
		return nil, nil
	}
	return sc.ScratchSchemas(ctx, db.db)
}
