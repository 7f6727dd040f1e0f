// Package retorttest lets an application's tests assert that its
// migrations apply, reverse, and match its schema.yaml, in three lines:
//
//	func TestMigrations(t *testing.T) {
//		retorttest.Run(t, retorttest.Options{Schema: "schema.yaml", Migrations: os.DirFS("migrations")})
//	}
//
// [Run] (and [Verify], its error-returning form) starts from an empty
// database and
//
//  1. upgrades to heads;
//  2. checks that the database then matches the target schema exactly, as
//     migrate check does (no operation to autogenerate, at head);
//  3. downgrades to base and checks that no table or enum is left: every
//     revision reverses;
//  4. upgrades to heads again and checks again: the downgrades left
//     nothing behind that would break a second upgrade.
//
// By default the database is a new SQLite file in t.TempDir(). Options.URL
// names another (PostgreSQL, MySQL, or a SQLite file of your own); it must
// hold no tables when the test starts, since the test drops everything it
// created when it ends. Give each test a database of its own.
package retorttest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/reflect"
)

// Options say which migrations and schema to test, on which database.
type Options struct {
	// URL is the database to run on, SQLAlchemy style
	// ("postgres://app@localhost/app_test"). It must hold no tables.
	// Empty: a new SQLite file in the test's temporary folder.
	URL string
	// Schema is the target schema: a schema.yaml, or a .sql script
	// (loaded into DevURL, as migrate check does). Default "schema.yaml".
	Schema string
	// DevURL is the scratch database for a .sql Schema on a server.
	DevURL string
	// Migrations holds the revision files in Directory: an os.DirFS or an
	// embed.FS. Default os.DirFS("migrations"), Directory "versions".
	Migrations fs.FS
	Directory  string
	// VersionTable names the version table (default migrate_version).
	VersionTable string
	// Compare says what the schema comparison looks at (default:
	// everything but the version table).
	Compare autogen.Options
}

// Run runs [Verify] and fails t with its error.
func Run(t testing.TB, o Options) {
	t.Helper()
	if o.URL == "" {
		o.URL = "sqlite:///" + filepath.ToSlash(filepath.Join(t.TempDir(), "retorttest.db"))
	}
	if err := Verify(context.Background(), o); err != nil {
		t.Fatalf("retorttest: %v", err)
	}
}

// Verify upgrades an empty database to heads, checks it against the
// target schema, downgrades it to base, checks that nothing is left,
// upgrades and checks again, then empties the database. o.URL is required.
// The error says which step failed and, for a schema mismatch, shows the
// difference as a unified diff of the two schemas.
func Verify(ctx context.Context, o Options) (err error) {
	o = o.withDefaults()
	if o.URL == "" {
		return errors.New("no database: set Options.URL (Run defaults it to a SQLite file)")
	}
	d, u, err := dialect.Open(o.URL)
	if err != nil {
		return err
	}
	db, err := open(ctx, d, u)
	if err != nil {
		return err
	}
	defer db.Close()
	if left, err := leftovers(ctx, db, d, o.VersionTable); err != nil {
		return err
	} else if left != "" {
		return fmt.Errorf("the database %s is not empty (%s): give the test a database of its own", u.Redacted(), left)
	}
	defer func() {
		if cerr := retort.EmptyDatabase(ctx, d, db); cerr != nil && err == nil {
			err = fmt.Errorf("emptying the database afterwards: %w", cerr)
		}
	}()
	r, err := retort.New(retort.Options{DB: db, Dialect: d, Migrations: o.Migrations,
		Directory: o.Directory, VersionTable: o.VersionTable})
	if err != nil {
		return err
	}
	for _, pass := range []string{"first", "second"} {
		if err := r.Upgrade(ctx, "heads"); err != nil {
			return fmt.Errorf("%s upgrade to heads: %w", pass, err)
		}
		if err := o.check(ctx); err != nil {
			return fmt.Errorf("after the %s upgrade to heads: %w", pass, err)
		}
		if pass == "second" {
			break
		}
		if err := r.Downgrade(ctx, "base"); err != nil {
			return fmt.Errorf("downgrade to base: %w", err)
		}
		if left, err := leftovers(ctx, db, d, o.VersionTable); err != nil {
			return err
		} else if left != "" {
			return fmt.Errorf("downgrade to base left %s behind: a revision's downgrade does not undo its upgrade", left)
		}
	}
	return nil
}

func (o Options) withDefaults() Options {
	if o.Schema == "" {
		o.Schema = "schema.yaml"
	}
	if o.Migrations == nil {
		o.Migrations = os.DirFS("migrations")
	}
	if o.Directory == "" {
		o.Directory = "versions"
	}
	if o.Compare.VersionTable == "" {
		o.Compare.VersionTable = o.VersionTable
	}
	return o
}

// check is migrate check: the database at heads matches the schema.
func (o Options) check(ctx context.Context) error {
	cmp, err := retort.Check(ctx, retort.DiffOptions{URL: o.URL, Schema: o.Schema, DevURL: o.DevURL,
		Migrations: o.Migrations, Directory: o.Directory, Compare: o.Compare})
	if errors.Is(err, retort.ErrCheckFailed) {
		var ops []string
		for _, op := range cmp.Result.Ops {
			ops = append(ops, "  "+autogen.Describe(op))
		}
		diff, derr := cmp.SchemaDiff()
		if derr != nil {
			diff = derr.Error()
		}
		return fmt.Errorf("%s does not match the database the migrations built; autogenerate would write:\n%s\n%s",
			o.Schema, strings.Join(ops, "\n"), diff)
	}
	return err
}

// open connects to the database u names.
func open(ctx context.Context, d dialect.Dialect, u *dialect.URL) (*sql.DB, error) {
	name, dsn, err := d.Driver(u)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open(name, dsn)
	if err != nil {
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connecting to %s: %w", u.Redacted(), err)
	}
	return db, nil
}

// leftovers names the tables and enums of db's default schema other than
// the version tables, or returns "" when there are none.
func leftovers(ctx context.Context, db *sql.DB, d dialect.Dialect, versionTable string) (string, error) {
	res, err := reflect.Inspect(ctx, db, d, reflect.Options{VersionTable: versionTable})
	if err != nil {
		return "", fmt.Errorf("inspecting the database: %w", err)
	}
	var names []string
	for _, t := range res.MetaData.Tables {
		names = append(names, "table "+t.QualifiedName())
	}
	for _, e := range res.MetaData.Enums {
		names = append(names, "enum "+e.Name)
	}
	return strings.Join(names, ", "), nil
}
