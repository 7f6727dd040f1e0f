package retort

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// parse reads the file's keys into c.
func (c *Config) parse(data []byte, env func(string) (string, bool)) error {
	m, err := topMapping(c.File, data)
	if err != nil {
		return err
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if err := expandNode(c.File, k.Value, v, env, c); err != nil {
			return err
		}
		if err := c.key(k, v); err != nil {
			return err
		}
	}
	return nil
}

// key reads one top-level key.
func (c *Config) key(k, v *yaml.Node) error {
	at := func(err error) error { return fmt.Errorf("%s:%d: %s: %w", c.File, v.Line, k.Value, err) }
	str := func(dst *string) error {
		if v.Kind != yaml.ScalarNode {
			return at(fmt.Errorf("want a string"))
		}
		*dst = v.Value
		return nil
	}
	switch k.Value {
	case "url":
		c.urlLine = v.Line
		if err := str(&c.URL); err != nil {
			return err
		}
		c.URL = c.relSQLite(c.URL)
	case "schema", "directory":
		var s string
		if err := str(&s); err != nil {
			return err
		}
		if k.Value == "schema" {
			c.Schema = c.rel(s)
		} else {
			c.Directory = c.rel(s)
		}
	case "dev_url":
		return str(&c.DevURL)
	case "version_table":
		return str(&c.VersionTable)
	case "transaction":
		var s string
		if err := str(&s); err != nil {
			return err
		}
		switch TransactionMode(s) {
		case PerMigration, All, None:
			c.Transaction = TransactionMode(s)
		default:
			return at(fmt.Errorf("%q: want per-migration, all or none", s))
		}
	case "lock_timeout":
		return duration(str, at, &c.LockTimeout)
	case "lock_stale":
		return duration(str, at, &c.LockStale)
	case "revisions":
		return c.parseRevisions(v, at)
	case "compare":
		return decodeStrict(v, &c.Compare, at)
	case "include":
		return decodeStrict(v, &c.Include, at)
	case "exclude":
		return decodeStrict(v, &c.Exclude, at)
	case "targets":
		return c.parseTargets(v)
	default:
		return fmt.Errorf("%s:%d: unknown key %q (known: %s)", c.File, k.Line, k.Value, strings.Join(knownKeys, ", "))
	}
	return nil
}

// duration reads a non-negative Go duration (60s, 2m) into dst.
func duration(str func(*string) error, at func(error) error, dst *time.Duration) error {
	var s string
	if err := str(&s); err != nil {
		return err
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return at(fmt.Errorf("%q: want a duration such as 60s or 2m", s))
	}
	*dst = d
	return nil
}

// parseRevisions reads the revisions: mapping, the defaults of the
// revision header's online keys.
func (c *Config) parseRevisions(v *yaml.Node, at func(error) error) error {
	if v.Kind != yaml.MappingNode {
		return at(fmt.Errorf("want a mapping such as {lock_timeout: 5s, lock_retries: 10}"))
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		ok, err := c.Revisions.Set(k.Value, val.Value)
		if val.Kind != yaml.ScalarNode {
			ok, err = true, fmt.Errorf("%s: want a scalar", k.Value)
		}
		if !ok {
			err = fmt.Errorf("unknown key %q (known: lock_timeout, statement_timeout, lock_retries, retry_backoff)", k.Value)
		}
		if err != nil {
			return fmt.Errorf("%s:%d: revisions: %w", c.File, k.Line, err)
		}
	}
	return nil
}

// ConfigKeys returns the keys migrate.yaml may hold, sorted. The result is
// the caller's.
func ConfigKeys() []string { return append([]string(nil), knownKeys...) }

var knownKeys = func() []string {
	k := []string{"url", "schema", "directory", "dev_url", "version_table", "transaction", "lock_timeout", "lock_stale", "revisions", "compare", "include", "exclude", "targets"}
	sort.Strings(k)
	return k
}()

// decodeStrict decodes a mapping, refusing unknown keys.
func decodeStrict(v *yaml.Node, dst any, at func(error) error) error {
	if v.Kind != yaml.MappingNode {
		return at(fmt.Errorf("want a mapping"))
	}
	b, err := yaml.Marshal(v)
	if err != nil {
		return at(err)
	}
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(dst); err != nil {
		return at(err)
	}
	return nil
}

// expandNode expands ${VAR} in every scalar under v. An unset variable
// is an error, except in url, where it only matters when no flag or
// environment gives a URL.
func expandNode(file, key string, v *yaml.Node, env func(string) (string, bool), c *Config) error {
	if v.Kind == yaml.ScalarNode {
		out, missing := Expand(v.Value, env)
		v.Value = out
		if len(missing) > 0 {
			if key == "url" {
				c.urlMissing = missing
				return nil
			}
			return expandError(file, v.Line, key, missing)
		}
		return nil
	}
	for _, n := range v.Content {
		if err := expandNode(file, key, n, env, c); err != nil {
			return err
		}
	}
	return nil
}
