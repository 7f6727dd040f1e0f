package retort

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// target is one entry of migrate.yaml's targets key, with its line.
type target struct {
	url  string
	line int
}

// parseTargets reads targets: a list of database URLs. A sqlite:/// URL
// whose path holds *, ? or [ is a glob of database files, expanded when
// the fleet runs (relative to migrate.yaml's folder).
func (c *Config) parseTargets(v *yaml.Node) error {
	if v.Kind != yaml.SequenceNode {
		return fmt.Errorf("%s:%d: targets: want a list of database URLs", c.File, v.Line)
	}
	for _, n := range v.Content {
		if n.Kind != yaml.ScalarNode || n.Value == "" {
			return fmt.Errorf("%s:%d: targets: want a database URL", c.File, n.Line)
		}
		c.targets = append(c.targets, target{url: c.relSQLite(n.Value), line: n.Line})
	}
	return nil
}

// Targets returns the fleet's database URLs: targets: with each SQLite
// glob expanded to the files it matches, sorted. A glob that matches
// nothing is an error (a typo would otherwise migrate no database).
func (c *Config) Targets() ([]string, error) {
	if len(c.targets) == 0 {
		where := "migrate.yaml"
		if c.File != "" {
			where = c.File
		}
		return nil, fmt.Errorf("--all: %s has no targets: list the databases' URLs under targets:", where)
	}
	var out []string
	for _, t := range c.targets {
		scheme, path, ok := strings.Cut(t.url, ":///")
		if !ok || !strings.HasPrefix(scheme, "sqlite") || !strings.ContainsAny(path, "*?[") {
			out = append(out, t.url)
			continue
		}
		path, query, _ := strings.Cut(path, "?")
		files, err := filepath.Glob("/" + strings.TrimPrefix(path, "/"))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: targets: %s: %w", c.File, t.line, t.url, err)
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("%s:%d: targets: %s matches no file", c.File, t.line, t.url)
		}
		sort.Strings(files)
		for _, f := range files {
			u := scheme + ":///" + filepath.ToSlash(f)
			if query != "" {
				u += "?" + query
			}
			out = append(out, u)
		}
	}
	return out, nil
}
