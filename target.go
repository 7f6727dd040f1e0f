package retort

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/reflect"
)

// Target is a target schema as read: the model, and what reading it
// left out (objects of a .sql script the model does not hold).
type Target struct {
	MetaData *metadata.MetaData
	Warnings []string
}

// TargetOptions say how [ReadTargetWith] reads a target schema.
type TargetOptions struct {
	// Path is a schema.yaml, or a .sql script.
	Path string
	// DevURL is the scratch database a .sql script is loaded into.
	DevURL string
	// Strict refuses a schema.yaml breaking any validation rule; without
	// it, rules the target's database does not enforce are left out.
	Strict bool
	// Portable reports rules the target's database does not enforce (but
	// another does) as warnings.
	Portable bool
	// Reflected says the schema.yaml was written from a database's
	// catalog: the database accepted it, so only the model rule (what no
	// DDL can be written for) refuses it.
	Reflected bool
}

// ReadTarget reads the target schema at path: a schema.yaml, or a .sql
// script loaded into a scratch database and reflected (an in-memory
// SQLite database for SQLite, devURL for the others, emptied before and
// after). d is the dialect of the database the target is for.
func ReadTarget(ctx context.Context, path string, d dialect.Dialect, devURL string) (*Target, error) {
	return ReadTargetWith(ctx, d, TargetOptions{Path: path, DevURL: devURL})
}

// ReadTargetWith is [ReadTarget] with options. A schema.yaml breaking a
// validation rule that d's database does not enforce (see
// [metadata.Rules]) is read (with a warning for each such problem when
// o.Portable), unless o.Strict. With o.DevURL, the views of a schema.yaml get the database's
// rendering of their queries (see canonicalViews).
func ReadTargetWith(ctx context.Context, d dialect.Dialect, o TargetOptions) (*Target, error) {
	path := o.Path
	if !strings.EqualFold(filepath.Ext(path), ".sql") {
		ro := metadata.ReadOptions{Database: d.Name(), Strict: o.Strict, Reflected: o.Reflected, Portable: o.Portable}
		m, problems, err := metadata.ReadFileWith(path, ro)
		if err != nil {
			return nil, &InputError{fmt.Errorf("reading the target schema: %w", err)}
		}
		t := &Target{MetaData: m}
		for _, p := range problems {
			t.Warnings = append(t.Warnings, p.Warning())
		}
		if len(m.Views) > 0 && o.DevURL != "" {
			if w := canonicalViews(ctx, d, o.DevURL, m); w != "" {
				t.Warnings = append(t.Warnings, w)
			}
		}
		return t, nil
	}
	devURL := o.DevURL
	script, err := os.ReadFile(path)
	if err != nil {
		return nil, &InputError{fmt.Errorf("reading the target schema: %w", err)}
	}
	db, u, err := OpenScratch(d, devURL)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	t, err := LoadScratch(ctx, d, db, string(script))
	if err != nil {
		err = fmt.Errorf("loading %s into the scratch database %s: %w", path, u.Redacted(), err)
	}
	return t, dialect.RedactError(err, u.Password)
}

// OpenScratch opens the scratch database a .sql schema is loaded into:
// devURL, or the dialect's own (an in-memory SQLite database) when empty.
// The pool holds one connection, so that session settings a script makes
// hold for what follows.
func OpenScratch(d dialect.Dialect, devURL string) (*sql.DB, *dialect.URL, error) {
	if devURL == "" {
		sp, ok := d.(dialect.ScratchProvider)
		if !ok {
			return nil, nil, inputf("a .sql schema needs a scratch database on %s: pass --dev-url", d.Name())
		}
		devURL = sp.ScratchURL()
	}
	dd, u, err := dialect.Open(devURL)
	if err != nil {
		return nil, nil, &InputError{fmt.Errorf("--dev-url: %w", err)}
	}
	if dd.Name() != d.Name() {
		return nil, nil, inputf("--dev-url is a %s database, the target database is %s", dd.Name(), d.Name())
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

// LoadScratch empties db, runs the script, reflects every schema it
// holds and empties db again. Where the dialect is a
// [dialect.ScratchCleaner] emptying drops every object of every schema
// and the session the script changed is reset before reflecting (a
// pg_dump file empties search_path); elsewhere [EmptyDatabase] drops the
// default schema's tables and enums.
func LoadScratch(ctx context.Context, d dialect.Dialect, db *sql.DB, script string) (*Target, error) {
	if err := emptyScratch(ctx, d, db); err != nil {
		return nil, fmt.Errorf("emptying it first: %w", err)
	}
	if err := runScript(ctx, d, db, script); err != nil {
		return nil, err
	}
	opts := reflect.Options{}
	if sc, ok := d.(dialect.ScratchCleaner); ok {
		if err := sc.ResetScratch(ctx, db); err != nil {
			return nil, fmt.Errorf("resetting the session after the script: %w", err)
		}
		more, err := sc.ScratchSchemas(ctx, db)
		if err != nil {
			return nil, err
		}
		opts.Schemas = more // each by name, the default one too
	}
	res, err := reflect.Inspect(ctx, db, d, opts)
	if err != nil {
		return nil, err
	}
	if err := emptyScratch(ctx, d, db); err != nil {
		return nil, fmt.Errorf("emptying it after: %w", err)
	}
	return &Target{MetaData: res.MetaData, Warnings: res.Warnings}, nil
}

// runScript runs a schema script on db: in one call, or statement by
// statement where the dialect's client splits scripts
// ([dialect.ScriptSplitter]: MySQL's DELIMITER blocks). db holds one
// connection, so the script's session settings hold throughout.
func runScript(ctx context.Context, d dialect.Dialect, db *sql.DB, script string) error {
	stmts := []string{script}
	if sp, ok := d.(dialect.ScriptSplitter); ok {
		var err error
		if stmts, err = sp.SplitScript(script); err != nil {
			return err
		}
	}
	for i, s := range stmts {
		if _, err := db.ExecContext(ctx, s); err != nil {
			if len(stmts) > 1 {
				return fmt.Errorf("statement %d of the script: %w", i+1, err)
			}
			return err
		}
	}
	return nil
}

// emptyScratch empties a scratch database as completely as the dialect
// can.
func emptyScratch(ctx context.Context, d dialect.Dialect, db *sql.DB) error {
	if sc, ok := d.(dialect.ScratchCleaner); ok {
		return sc.EmptyScratch(ctx, db)
	}
	return EmptyDatabase(ctx, d, db)
}

// EmptyDatabase drops every table and enum of db's default schema.
func EmptyDatabase(ctx context.Context, d dialect.Dialect, db *sql.DB) error {
	res, err := reflect.Inspect(ctx, db, d, reflect.Options{})
	if err != nil {
		return err
	}
	m := res.MetaData
	if len(m.Tables) == 0 && len(m.Enums) == 0 && len(m.Views) == 0 {
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
