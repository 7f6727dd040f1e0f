package fleet

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
)

// Targets returns the database URLs of c's targets: when every entry is
// a URL or a SQLite glob; see [ResolveTargets] for the entries that need
// a database to expand.
func Targets(c *retort.Config) ([]string, error) {
	for _, t := range c.Targets {
		if t.Query != "" || t.Schemas != nil || t.Like != "" {
			return nil, fmt.Errorf("%s:%d: targets: this entry is read from a database: use ResolveTargets", c.File, t.Line)
		}
	}
	return ResolveTargets(context.Background(), c)
}

// ResolveTargets returns the database URLs of c's targets:, in their
// order: each SQLite glob expanded to the files it matches (sorted), each
// query entry to the URLs its query returns, each schemas or like entry
// to one URL per schema (database) on that server. A glob or pattern
// that matches nothing, or a listed schema the server lacks, is an error:
// a typo would otherwise migrate nothing, or create a stray schema.
func ResolveTargets(ctx context.Context, c *retort.Config) ([]string, error) {
	if len(c.Targets) == 0 {
		where := "migrate.yaml"
		if c.File != "" {
			where = c.File
		}
		return nil, fmt.Errorf("--all: %s has no targets: list the databases' URLs under targets:", where)
	}
	var out []string
	for _, t := range c.Targets {
		urls, err := resolve(ctx, t)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: targets: %w", c.File, t.Line, err)
		}
		out = append(out, urls...)
	}
	return out, nil
}

// resolve expands one entry of targets:.
func resolve(ctx context.Context, t retort.FleetTarget) ([]string, error) {
	if t.Query == "" && t.Schemas == nil && t.Like == "" {
		return globSQLite(t.URL)
	}
	d, u, err := dialect.Open(t.URL)
	if err != nil {
		return nil, err
	}
	urls, err := resolveOn(ctx, d, u, t)
	return urls, dialect.RedactError(err, u.Password)
}

// resolveOn connects to t's server and reads its query's URLs or lists
// its schemas.
func resolveOn(ctx context.Context, d dialect.Dialect, u *dialect.URL, t retort.FleetTarget) ([]string, error) {
	st, hasSchemas := d.(dialect.SchemaTargets)
	if t.Query == "" && !hasSchemas {
		return nil, dialect.ErrNoSchemaTargets
	}
	name, dsn, err := d.Driver(u)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open(name, dsn)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	if t.Query != "" {
		urls, err := dialect.QueryStrings(ctx, db, t.Query)
		if err != nil {
			return nil, fmt.Errorf("query on %s: %w (it must return one column of database URLs)", u.Redacted(), err)
		}
		return urls, nil
	}
	schemas, err := matchSchemas(ctx, st, db, t)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u.Redacted(), err)
	}
	out := make([]string, len(schemas))
	for i, s := range schemas {
		if out[i], err = st.SchemaURL(t.URL, s); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// matchSchemas lists the schemas of a like entry, or checks that each
// schema of a schemas entry exists.
func matchSchemas(ctx context.Context, st dialect.SchemaTargets, db *sql.DB, t retort.FleetTarget) ([]string, error) {
	like := t.Like
	if like == "" {
		like = "%"
	}
	have, err := st.ListSchemas(ctx, db, like)
	if err != nil {
		return nil, fmt.Errorf("listing schemas: %w", err)
	}
	if t.Like != "" {
		if len(have) == 0 {
			return nil, fmt.Errorf("like %q matches no schema", t.Like)
		}
		return have, nil
	}
	var missing []string
	for _, s := range t.Schemas {
		if !slices.Contains(have, s) {
			missing = append(missing, s)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("no schema %s on the server (create it first, or remove it from schemas:)", strings.Join(missing, ", "))
	}
	return t.Schemas, nil
}

// globSQLite expands a sqlite:/// URL whose path holds *, ? or [ to the
// files it matches, sorted; any other URL is itself.
func globSQLite(raw string) ([]string, error) {
	scheme, path, ok := strings.Cut(raw, ":///")
	if !ok || !strings.HasPrefix(scheme, "sqlite") || !strings.ContainsAny(path, "*?[") {
		return []string{raw}, nil
	}
	path, query, _ := strings.Cut(path, "?")
	files, err := filepath.Glob("/" + strings.TrimPrefix(path, "/"))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", raw, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s matches no file", raw)
	}
	sort.Strings(files)
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = scheme + ":///" + filepath.ToSlash(f)
		if query != "" {
			out[i] += "?" + query
		}
	}
	return out, nil
}
