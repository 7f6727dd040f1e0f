package retort

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/reflect"
	"github.com/retortdb/retort/versions"
)

// ErrNotAtHead is returned (by [Check], and in [Comparison.NotAtHead])
// when the database is not at the history's heads: autogenerating against
// it would write changes the history already holds.
var ErrNotAtHead = errors.New("the database is not at head: run migrate upgrade heads first")

// ErrCheckFailed is [Check]'s error when the target schema and the
// migrations differ.
var ErrCheckFailed = errors.New("the target schema and the migrations differ: run migrate revision --autogenerate")

// InputError marks an error in what the caller asked for (a missing
// target file, a URL of the wrong database, no database to compare with);
// the command line exits 2 on it.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }

// Unwrap returns the cause.
func (e *InputError) Unwrap() error { return e.Err }

func inputf(format string, args ...any) error {
	return &InputError{fmt.Errorf(format, args...)}
}

// DiffOptions say what [Diff] and [Check] compare: the target schema
// with a live database, or with the history folded from the revision
// files (Offline).
type DiffOptions struct {
	// URL is the database to compare with. With Offline it only picks
	// the dialect (SQLite when empty).
	URL string
	// Offline compares with the history folded from the revision files
	// instead of a database.
	Offline bool
	// Schema is the target schema: a schema.yaml, or a .sql script loaded
	// into a scratch database and reflected ("schema.yaml" when empty).
	Schema string
	// DevURL is the scratch database a .sql target is loaded into,
	// emptied before and after; not needed for SQLite.
	DevURL string
	// Migrations holds the revision files in Directory (default
	// os.DirFS("migrations") and "versions"); a missing folder is an
	// empty history.
	Migrations fs.FS
	Directory  string
	// Compare says what autogenerate compares and which tables it reads.
	Compare autogen.Options
	// Schemas are the schemas to reflect (include.schemas); empty: the
	// default one and every other the target uses.
	Schemas []string
	// Strict refuses a target schema.yaml that breaks any validation rule;
	// without it, rules the database does not enforce are left out (see
	// [metadata.Rules]).
	Strict bool
	// Portable warns of the rules the database does not enforce but
	// another does: a schema meant for other databases too.
	Portable bool
	// Reflected says the target schema.yaml was written from a database's
	// catalog (init --from-database): only a model no DDL can be written
	// for is refused.
	Reflected bool
}

// DiffOptions are the options migrate.yaml gives [Diff]: its url,
// schema, dev_url, directory, compare, include, exclude and
// version_table keys.
func (c *Config) DiffOptions() DiffOptions {
	return DiffOptions{
		URL: c.URL, Schema: c.Schema, DevURL: c.DevURL,
		Migrations: os.DirFS(c.Directory), Directory: "versions",
		Compare: autogen.Options{
			IgnoreTypes:          !c.Compare.Types,
			IgnoreServerDefaults: !c.Compare.ServerDefaults,
			IgnoreComments:       !c.Compare.Comments,
			Tables:               c.Include.Tables,
			ExcludeTables:        c.Exclude.Tables,
			VersionTable:         c.VersionTable,
		},
		Schemas: c.Include.Schemas,
	}
}

// Comparison is a target schema compared with the current one.
type Comparison struct {
	// Dialect is the database's dialect.
	Dialect dialect.Dialect
	// Target is the schema asked for, Current the database's (or the
	// folded history's).
	Target, Current *metadata.MetaData
	// Graph is the history read.
	Graph *versions.Graph
	// Result holds the ops that bring Current to Target, and warnings
	// (reflection's first, then the comparison's).
	Result *autogen.Result
	// NotAtHead is set (wrapping [ErrNotAtHead]) when the database is not
	// at the history's heads.
	NotAtHead error
	// DatabaseHeads are the database's heads, sorted (none offline).
	DatabaseHeads []string
}

// Diff reads the target schema, reads the current one (the database, or
// the folded history when Offline) and compares them. Nothing is
// written. It is [LoadHistory], [ReadDiffTarget] and [DiffWith] in one;
// a caller comparing one history and target schema with many databases
// (package fleet) reads the first two once and calls DiffWith for each.
func Diff(ctx context.Context, o DiffOptions) (*Comparison, error) {
	g, err := LoadHistory(o)
	if err != nil {
		return nil, err
	}
	raw := o.URL
	if raw == "" && !o.Offline {
		return nil, inputf("no database to compare with: pass --url, set DATABASE_URL, write url in migrate.yaml, or use --offline")
	}
	if raw == "" {
		raw = "sqlite://"
	}
	d, u, err := dialect.Open(raw)
	if err != nil {
		return nil, &InputError{err}
	}
	t, err := ReadDiffTarget(ctx, d, o)
	if err != nil {
		return nil, err
	}
	return DiffWith(ctx, o, g, d, u, t)
}

// ReadDiffTarget reads o's target schema (o.Schema, "schema.yaml" when
// empty) for d's database, as [Diff] does: see [ReadTargetWith].
func ReadDiffTarget(ctx context.Context, d dialect.Dialect, o DiffOptions) (*Target, error) {
	schema := o.Schema
	if schema == "" {
		schema = "schema.yaml"
	}
	return ReadTargetWith(ctx, d, TargetOptions{Path: schema, DevURL: o.DevURL, Strict: o.Strict, Reflected: o.Reflected, Portable: o.Portable})
}

// DiffWith is [Diff] with the history g and the target schema t read
// already (by [LoadHistory] and [ReadDiffTarget]): it compares t with the
// database at u, of dialect d (or with the folded g when o.Offline);
// o.URL is not read. t.MetaData becomes the Comparison's Target, not a
// copy of it: a caller reusing t gives each call its own
// (t.MetaData.Clone()).
func DiffWith(ctx context.Context, o DiffOptions, g *versions.Graph, d dialect.Dialect, u *dialect.URL, t *Target) (*Comparison, error) {
	c := &Comparison{Dialect: d, Target: t.MetaData, Graph: g}
	warnings := t.Warnings
	var more []string
	var err error
	if o.Offline {
		c.Current, more, err = foldHeads(g)
	} else {
		c.Current, more, err = c.fromDatabase(ctx, u, o)
		err = dialect.RedactError(err, u.Password)
	}
	if err != nil {
		return nil, err
	}
	if c.Result == nil { // offline: the rules, and the scratch database when there is one
		if c.Result, err = compareOffline(ctx, c.Target, c.Current, d, o); err != nil {
			return nil, err
		}
	}
	c.Result.Warnings = slices.Concat(warnings, more, c.Result.Warnings, c.Result.Notes)
	return c, nil
}

// Check is [Diff] that fails: with an error wrapping [ErrNotAtHead] when
// the database is not at head, else with [ErrCheckFailed] when there are
// ops. The comparison is returned with either error.
func Check(ctx context.Context, o DiffOptions) (*Comparison, error) {
	c, err := Diff(ctx, o)
	if err != nil {
		return nil, err
	}
	return c, c.Err()
}

// Err is what [Check] fails with for c: NotAtHead, else [ErrCheckFailed]
// when there are ops, else nil.
func (c *Comparison) Err() error {
	switch {
	case c.NotAtHead != nil:
		return c.NotAtHead
	case len(c.Result.Ops) > 0:
		return ErrCheckFailed
	}
	return nil
}

// LoadHistory reads o's revision files (o.Migrations and o.Directory, as
// [Diff] defaults them) with their operations, which folding needs; a
// missing folder is an empty history.
func LoadHistory(o DiffOptions) (*versions.Graph, error) {
	fsys := o.Migrations
	if fsys == nil {
		fsys = os.DirFS("migrations")
	}
	g, err := LoadGraph(Options{Migrations: fsys, Directory: o.Directory})
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
func (c *Comparison) fromDatabase(ctx context.Context, u *dialect.URL, o DiffOptions) (*metadata.MetaData, []string, error) {
	driverName, dsn, err := c.Dialect.Driver(u)
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
	heads, err := CurrentHeads(ctx, db, versions.VersionTable{Dialect: c.Dialect, Name: o.Compare.VersionTable})
	if err != nil {
		return nil, nil, fmt.Errorf("reading the version table: %w", err)
	}
	c.DatabaseHeads = heads
	want := c.Graph.HeadIDs()
	if !slices.Equal(heads, want) {
		c.NotAtHead = fmt.Errorf("%w (database: %s; history: %s)", ErrNotAtHead, orNone(heads), orNone(want))
	}
	schemas := o.Schemas
	if len(schemas) == 0 {
		schemas = schemasOf(c.Dialect, c.Target)
	}
	res, err := reflect.Inspect(ctx, db, c.Dialect, reflect.Options{Schemas: schemas, Tables: o.Compare.Tables,
		ExcludeTables: o.Compare.ExcludeTables, VersionTable: o.Compare.VersionTable})
	if err != nil {
		return nil, nil, fmt.Errorf("inspecting %s: %w", u.Redacted(), err)
	}
	// Spellings the dialect's rules cannot judge are asked of the database
	// itself, in one batch (autogen.CompareOnline).
	if c.Result, err = autogen.CompareOnline(ctx, db, c.Target, res.MetaData, c.Dialect, o.Compare); err != nil {
		return nil, nil, err
	}
	return res.MetaData, res.Warnings, nil
}

// schemasOf lists the schemas to reflect, where the database has schemas:
// every one the target uses, the default one ("") when the target has
// objects there or none at all. A target that names every schema (as
// adoption and a .sql target with several schemas do) is read with those
// names, the default schema's included.
func schemasOf(d dialect.Dialect, target *metadata.MetaData) []string {
	if !d.Capabilities().Schemas {
		return nil
	}
	var out []string
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
	if len(out) == 0 || len(out) == 1 && out[0] == "" {
		return nil
	}
	return out
}

func orNone(ids []string) string {
	if len(ids) == 0 {
		return "none"
	}
	return strings.Join(ids, ", ")
}

// compareOffline compares with the folded history. What the dialect's
// rules cannot decide is asked of the scratch database, when there is one
// at hand (--dev-url, or SQLite's own in memory); else the rules alone
// answer and the rest is noted.
func compareOffline(ctx context.Context, target, current *metadata.MetaData, d dialect.Dialect, o DiffOptions) (*autogen.Result, error) {
	_, scratch := d.(dialect.ScratchProvider)
	if o.DevURL == "" && !scratch {
		return autogen.Compare(target, current, d, o.Compare)
	}
	db, _, err := OpenScratch(d, o.DevURL)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return autogen.CompareOnline(ctx, db, target, current, d, o.Compare)
}
