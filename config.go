package retort

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/retortdb/retort/versions"
	"go.yaml.in/yaml/v3"
)

// DefaultConfigFile is read when no --config or MIGRATE_CONFIG names one.
const DefaultConfigFile = "migrate.yaml"

// Config is migrate.yaml, resolved: variables expanded, relative paths
// made relative to the directory the file is in, flags and environment
// applied.
type Config struct {
	// File is the configuration file read, "" when there was none.
	File string
	// URL is the database URL; "" when none was given anywhere.
	URL string
	// Schema is the target schema file or folder.
	Schema string
	// Directory holds the revision files in Directory/versions.
	Directory string
	// DevURL is a scratch database for loading a .sql schema.
	DevURL string
	// VersionTable is the version table's name.
	VersionTable string
	// Transaction is the transaction mode.
	Transaction TransactionMode
	// LockTimeout is how long to wait for another runner.
	LockTimeout time.Duration
	// LockStale is how long a heartbeat lock (MySQL on Galera) may go
	// without a beat before a waiter takes it over; 0 means
	// dialect.DefaultLockStale (migrate.yaml lock_stale).
	LockStale time.Duration
	// Revisions are every revision's lock_timeout, statement_timeout,
	// lock_retries and retry_backoff (migrate.yaml's revisions: key), which
	// a revision's header keys replace.
	Revisions versions.Timeouts
	// Compare says what autogenerate compares.
	Compare CompareConfig
	// Include and Exclude filter what autogenerate and inspect read.
	Include IncludeConfig
	Exclude ExcludeConfig

	// Targets are the entries of the targets: key, a fleet's databases
	// (migrate --all; see package fleet).
	Targets []FleetTarget

	urlLine    int      // line of url: in File, for messages
	urlMissing []string // variables url: named that were unset
}

// CompareConfig is migrate.yaml's compare key.
type CompareConfig struct {
	Types          bool `yaml:"types"`
	ServerDefaults bool `yaml:"server_defaults"`
	Comments       bool `yaml:"comments"`
}

// IncludeConfig is migrate.yaml's include key: glob patterns, empty
// meaning all.
type IncludeConfig struct {
	Schemas []string `yaml:"schemas"`
	Tables  []string `yaml:"tables"`
}

// ExcludeConfig is migrate.yaml's exclude key.
type ExcludeConfig struct {
	Tables []string `yaml:"tables"`
}

// FleetTarget is one entry of migrate.yaml's targets key, as written
// (relative sqlite:/// paths made relative to the file): a database URL
// (a sqlite:/// glob of files, too), or a mapping that names a server
// (URL) and either a query on it that returns the targets' URLs, or
// schemas on it (Schemas: a list; Like: a pattern). Exactly one of
// Query, Schemas and Like is set on a mapping, none on a URL. Package
// fleet expands the entries into database URLs and runs on them.
type FleetTarget struct {
	URL     string
	Query   string   // with URL: the control database's query
	Schemas []string // with URL: the schemas (MySQL: databases) on it
	Like    string   // with URL: a LIKE pattern of schemas on it
	Line    int      // the entry's line in Config.File
}

// Overrides are what flags and the environment say; empty fields say
// nothing.
type Overrides struct {
	// Config is --config; MIGRATE_CONFIG when empty.
	Config string
	// URL is --url; DATABASE_URL when empty.
	URL       string
	Schema    string
	Directory string
	// Getenv reads the environment; os.LookupEnv when nil.
	Getenv func(string) (string, bool)
}

// defaults are docs/design.md's values for keys the file leaves out.
func defaults() *Config {
	return &Config{Schema: "schema.yaml", Directory: "migrations", VersionTable: "migrate_version",
		Transaction: PerMigration, LockTimeout: DefaultLockTimeout,
		Compare: CompareConfig{Types: true, ServerDefaults: true, Comments: true}}
}

// LoadConfig finds and reads the configuration, then applies o. A file
// named by --config or MIGRATE_CONFIG must exist; migrate.yaml in the
// current directory is read when it exists. Errors name file:line.
func LoadConfig(o Overrides) (*Config, error) {
	env := o.Getenv
	if env == nil {
		env = os.LookupEnv
	}
	path, explicit := o.Config, true
	if path == "" {
		path, _ = env("MIGRATE_CONFIG")
	}
	if path == "" {
		path, explicit = DefaultConfigFile, false
	}
	c := defaults()
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && !explicit:
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%w: %s does not exist (run 'migrate init' to write one)", ErrNoConfig, path)
	case err != nil:
		return nil, fmt.Errorf("reading configuration: %w", err)
	default:
		c.File = path
		if err := c.parse(data, env); err != nil {
			return nil, err
		}
	}
	c.override(o, env)
	return c, nil
}

// override applies flags and environment.
func (c *Config) override(o Overrides, env func(string) (string, bool)) {
	if u, ok := env("DATABASE_URL"); ok && u != "" {
		c.URL, c.urlMissing = u, nil
	}
	if o.URL != "" {
		c.URL, c.urlMissing = o.URL, nil
	}
	if o.Schema != "" {
		c.Schema = o.Schema
	}
	if o.Directory != "" {
		c.Directory = o.Directory
	}
}

// RequireURL returns the URL, or an error saying where one should come from.
func (c *Config) RequireURL() (string, error) {
	if c.URL != "" {
		return c.URL, nil
	}
	if c.File != "" && len(c.urlMissing) > 0 {
		return "", fmt.Errorf("%s:%d: url: environment variable %s is not set: set it, or pass --url", c.File, c.urlLine, c.urlMissing[0])
	}
	if c.File != "" {
		return "", fmt.Errorf("%s: no url: add one, set DATABASE_URL or pass --url", c.File)
	}
	return "", errors.New("no database URL: pass --url, set DATABASE_URL, or write migrate.yaml (migrate init)")
}

// rel makes a path from the file relative to the file's directory.
func (c *Config) rel(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(filepath.Dir(c.File), p)
}

// relSQLite makes a relative sqlite:/// path relative to the file.
func (c *Config) relSQLite(u string) string {
	scheme, rest, ok := strings.Cut(u, ":///")
	if !ok || (scheme != "sqlite" && !strings.HasPrefix(scheme, "sqlite+")) || strings.HasPrefix(rest, "/") || rest == "" || strings.HasPrefix(rest, "?") {
		return u
	}
	path, query, _ := strings.Cut(rest, "?")
	if path == ":memory:" {
		return u
	}
	abs, err := filepath.Abs(c.rel(path))
	if err != nil {
		return u
	}
	out := scheme + ":///" + filepath.ToSlash(abs)
	if query != "" {
		out += "?" + query
	}
	return out
}

// node returns the yaml node of a document's top-level mapping.
func topMapping(path string, data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode}, nil
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: want a mapping of settings (url:, schema:, ...)", path, m.Line)
	}
	return m, nil
}
