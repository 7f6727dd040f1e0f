package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/versions"
	"github.com/spf13/cobra"
)

// connectTimeout bounds reaching a server, so an unreachable one fails fast.
const connectTimeout = 10 * time.Second

// loadConfig reads migrate.yaml (--config, MIGRATE_CONFIG) and applies the
// root's --directory; a command's own --url and --schema apply later.
func (a *app) loadConfig(cmd *cobra.Command) error {
	o := retort.Overrides{Config: a.configPath}
	if f := cmd.Flags().Lookup("directory"); f != nil && f.Changed {
		o.Directory = a.directory
	}
	cfg, err := retort.LoadConfig(o)
	if err != nil {
		return usageError{err}
	}
	a.cfg = cfg
	a.directory = cfg.Directory
	if cmd.Name() == "inspect" {
		// inspect predates migrate.yaml: its flags take the file's values.
		defaultFlag(cmd, "url", cfg.URL)
		defaultFlag(cmd, "version-table", cfg.VersionTable)
	}
	a.currentHeads = func(ctx context.Context) ([]string, error) {
		db, err := a.openDB(ctx, "")
		if err != nil {
			return nil, err
		}
		defer db.db.Close()
		return db.redact(retort.CurrentHeads(ctx, db.db, db.versionTable()))
	}
	return nil
}

// database is an open database with what was needed to open it.
type database struct {
	db  *sql.DB
	d   dialect.Dialect
	u   *dialect.URL
	cfg *retort.Config
}

func (db *database) versionTable() versions.VersionTable {
	return versions.VersionTable{Dialect: db.d, Name: db.cfg.VersionTable}
}

// redact hides the password in err.
func (db *database) redact(heads []string, err error) ([]string, error) {
	return heads, redacted(err, db.u.Password)
}

// dialectFor resolves the URL (flag, DATABASE_URL, migrate.yaml) to a
// dialect, without connecting.
func (a *app) dialectFor(urlFlag string) (dialect.Dialect, *dialect.URL, error) {
	raw := urlFlag
	if raw == "" {
		var err error
		if raw, err = a.cfg.RequireURL(); err != nil {
			return nil, nil, usageError{err}
		}
	}
	d, u, err := dialect.Open(raw)
	if err != nil {
		return nil, nil, usageError{err}
	}
	return d, u, nil
}

// openDB connects to the database and checks it answers.
func (a *app) openDB(ctx context.Context, urlFlag string) (*database, error) {
	d, u, err := a.dialectFor(urlFlag)
	if err != nil {
		return nil, err
	}
	driverName, dsn, err := d.Driver(u)
	if err != nil {
		return nil, usageError{redacted(err, u.Password)}
	}
	db, err := sql.Open(driverName, dsn)
	if err != nil {
		return nil, redacted(fmt.Errorf("opening %s: %w", u.Redacted(), err), u.Password)
	}
	pctx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		return nil, redacted(fmt.Errorf("connecting to %s: %w", u.Redacted(), err), u.Password)
	}
	return &database{db: db, d: d, u: u, cfg: a.cfg}, nil
}

// runner opens the database (unless offline) and builds the runner.
func (a *app) runner(ctx context.Context, rf *runFlags, offline bool) (*retort.Runner, *database, error) {
	var db *database
	var err error
	if offline {
		d, u, err := a.dialectFor(rf.url)
		if err != nil {
			return nil, nil, err
		}
		db = &database{d: d, u: u, cfg: a.cfg}
	} else if db, err = a.openDB(ctx, rf.url); err != nil {
		return nil, nil, err
	}
	if _, err := os.Stat(a.versionsDir()); err != nil {
		if db.db != nil {
			db.db.Close()
		}
		return nil, nil, fmt.Errorf("no revision directory %s: run 'migrate init' or pass --directory", a.versionsDir())
	}
	r, err := retort.New(retort.Options{
		DB: db.db, Dialect: db.d, Migrations: os.DirFS(a.directory), Directory: "versions",
		VersionTable: a.cfg.VersionTable, Transaction: a.cfg.Transaction, LockTimeout: a.cfg.LockTimeout, LockStale: a.cfg.LockStale,
		Timeouts: a.cfg.Revisions, Compensate: rf.compensate, Events: a.events(rf.verbose),
	})
	if err != nil {
		if db.db != nil {
			db.db.Close()
		}
		return nil, nil, err
	}
	return r, db, nil
}

// runFlags are the flags of the commands that run migrations.
type runFlags struct {
	url        string
	sql        bool
	verbose    bool
	compensate bool
}

func (f *runFlags) register(cmd *cobra.Command, withSQL bool) {
	fl := cmd.Flags()
	fl.StringVar(&f.url, "url", "", "database URL (default: $DATABASE_URL, then migrate.yaml's url)")
	fl.BoolVarP(&f.verbose, "verbose", "v", false, "echo every statement with its duration")
	if withSQL {
		fl.BoolVar(&f.sql, "sql", false, "print the SQL script instead of running it (no database is touched)")
	}
}

// currentHeads reads the version table of an open database.
func currentHeads(ctx context.Context, db *database) ([]string, error) {
	return retort.CurrentHeads(ctx, db.db, db.versionTable())
}

// defaultFlag sets a flag the user did not give to value.
func defaultFlag(cmd *cobra.Command, name, value string) {
	if f := cmd.Flags().Lookup(name); f != nil && !f.Changed && value != "" {
		f.Value.Set(value)
	}
}
