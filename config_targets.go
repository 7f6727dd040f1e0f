package retort

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/dialect"
)

// target is one entry of migrate.yaml's targets key, with its line: a
// database URL (a sqlite:/// glob of files, too), or a mapping that
// names a server (url) and either a query on it that returns the
// targets' URLs, or schemas on it (schemas: a list; like: a pattern).
type target struct {
	url     string
	query   string   // with url: the control database's query
	schemas []string // with url: the schemas (MySQL: databases) on it
	like    string   // with url: a LIKE pattern of schemas on it
	line    int
}

// parseTargets reads targets: a list whose entries are database URLs or
// mappings {url, query | schemas | like}.
func (c *Config) parseTargets(v *yaml.Node) error {
	if v.Kind != yaml.SequenceNode {
		return fmt.Errorf("%s:%d: targets: want a list of database URLs", c.File, v.Line)
	}
	for _, n := range v.Content {
		switch {
		case n.Kind == yaml.ScalarNode && n.Value != "":
			c.targets = append(c.targets, target{url: c.relSQLite(n.Value), line: n.Line})
		case n.Kind == yaml.MappingNode:
			t, err := c.parseTargetMap(n)
			if err != nil {
				return err
			}
			c.targets = append(c.targets, t)
		default:
			return fmt.Errorf("%s:%d: targets: want a database URL, or {url, query | schemas | like}", c.File, n.Line)
		}
	}
	return nil
}

// parseTargetMap reads one {url, query | schemas | like} entry.
func (c *Config) parseTargetMap(n *yaml.Node) (target, error) {
	t := target{line: n.Line}
	at := func(line int, format string, args ...any) error {
		return fmt.Errorf("%s:%d: targets: %s", c.File, line, fmt.Sprintf(format, args...))
	}
	ways := 0
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "url", "query", "like":
			if v.Kind != yaml.ScalarNode || v.Value == "" {
				return t, at(v.Line, "%s: want a string", k.Value)
			}
			switch k.Value {
			case "url":
				t.url = c.relSQLite(v.Value)
			case "query":
				t.query = v.Value
			default:
				t.like = v.Value
			}
		case "schemas":
			if err := v.Decode(&t.schemas); err != nil || len(t.schemas) == 0 || slices.Contains(t.schemas, "") {
				return t, at(v.Line, "schemas: want a list of schema names (MySQL: database names)")
			}
		default:
			return t, at(k.Line, "unknown key %q (known: url, query, schemas, like)", k.Value)
		}
		if k.Value != "url" {
			ways++
		}
	}
	switch {
	case t.url == "":
		return t, at(n.Line, "an entry with query, schemas or like needs url: the server it runs on")
	case ways != 1:
		return t, at(n.Line, "give one of query (a control database's SQL returning URLs), schemas (a list) or like (a pattern of schema names)")
	}
	return t, nil
}

// Targets returns the fleet's database URLs when every entry of
// targets: is a URL or a SQLite glob; see [Config.ResolveTargets] for
// the entries that need a database to expand.
func (c *Config) Targets() ([]string, error) {
	for _, t := range c.targets {
		if t.query != "" || t.schemas != nil || t.like != "" {
			return nil, fmt.Errorf("%s:%d: targets: this entry is read from a database: use ResolveTargets", c.File, t.line)
		}
	}
	return c.ResolveTargets(context.Background())
}

// ResolveTargets returns the fleet's database URLs, in the order of
// targets: each SQLite glob expanded to the files it matches (sorted), each
// query entry to the URLs its query returns, each schemas or like entry
// to one URL per schema (database) on that server. A glob or pattern
// that matches nothing, or a listed schema the server lacks, is an error:
// a typo would otherwise migrate nothing, or create a stray schema.
func (c *Config) ResolveTargets(ctx context.Context) ([]string, error) {
	if len(c.targets) == 0 {
		where := "migrate.yaml"
		if c.File != "" {
			where = c.File
		}
		return nil, fmt.Errorf("--all: %s has no targets: list the databases' URLs under targets:", where)
	}
	var out []string
	for _, t := range c.targets {
		urls, err := c.resolve(ctx, t)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: targets: %w", c.File, t.line, err)
		}
		out = append(out, urls...)
	}
	return out, nil
}

// resolve expands one entry of targets:.
func (c *Config) resolve(ctx context.Context, t target) ([]string, error) {
	if t.query == "" && t.schemas == nil && t.like == "" {
		return globSQLite(t.url)
	}
	d, u, err := dialect.Open(t.url)
	if err != nil {
		return nil, err
	}
	urls, err := resolveOn(ctx, d, u, t)
	return urls, dialect.RedactError(err, u.Password)
}

// resolveOn connects to t's server and reads its query's URLs or lists
// its schemas.
func resolveOn(ctx context.Context, d dialect.Dialect, u *dialect.URL, t target) ([]string, error) {
	st, hasSchemas := d.(dialect.SchemaTargets)
	if t.query == "" && !hasSchemas {
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
	if t.query != "" {
		urls, err := dialect.QueryStrings(ctx, db, t.query)
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
		if out[i], err = st.SchemaURL(t.url, s); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// matchSchemas lists the schemas of a like entry, or checks that each
// schema of a schemas entry exists.
func matchSchemas(ctx context.Context, st dialect.SchemaTargets, db *sql.DB, t target) ([]string, error) {
	like := t.like
	if like == "" {
		like = "%"
	}
	have, err := st.ListSchemas(ctx, db, like)
	if err != nil {
		return nil, fmt.Errorf("listing schemas: %w", err)
	}
	if t.like != "" {
		if len(have) == 0 {
			return nil, fmt.Errorf("like %q matches no schema", t.like)
		}
		return have, nil
	}
	var missing []string
	for _, s := range t.schemas {
		if !slices.Contains(have, s) {
			missing = append(missing, s)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("no schema %s on the server (create it first, or remove it from schemas:)", strings.Join(missing, ", "))
	}
	return t.schemas, nil
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
