package schemagen

// Config says what [Generate] builds. A zero field takes the default named
// in its comment; a count field takes -1 for "none".
type Config struct {
	// Seed picks the schema: the same Config gives the same model, always.
	Seed int64
	// Tables is the number of tables; default 10.
	Tables int
	// MinColumns and MaxColumns bound each table's column count, primary
	// and foreign key columns included; defaults 3 and 10. When only one
	// is set and the other's default is on the wrong side of it, both
	// take the set value.
	MinColumns, MaxColumns int
	// IndexesPerTable is how many indexes each table gets (plain, unique
	// and multi-column), as far as it has columns fit to index; default 2.
	IndexesPerTable int
	// FKsPerTable is the most foreign keys a table gets: every table but
	// the first has 1 to FKsPerTable, each to an earlier table's primary
	// key, so creating the tables in slice order always works; default 2.
	FKsPerTable int
	// UniquesPerTable is the most unique constraints a table gets; default 1.
	UniquesPerTable int
	// ChecksPerTable is the most named check constraints a table gets;
	// default 1.
	ChecksPerTable int
	// CompositePKPercent is the share of tables (0-100) with a two-column
	// primary key instead of an autoincrement id; default 15.
	CompositePKPercent int
	// Enums declares a few enums and uses them in columns.
	Enums bool
	// AllTypes adds the types that not every database holds natively and
	// that reflect back differently (interval, jsonb).
	AllTypes bool
	// AwkwardNames names some tables and columns with reserved words,
	// MixedCase, spaces and non-ASCII letters, and puts quotes, percent
	// signs and backslashes in comments, to test quoting everywhere.
	AwkwardNames bool
	// Views, Functions and Triggers are how many of each to add over the
	// tables (none by default), written in Flavor's SQL; see objects.go.
	Views, Functions, Triggers int
	// Flavor is the database the objects' SQL is written for
	// (FlavorPostgres, FlavorMySQL, FlavorSQLite); without it no object
	// is added.
	Flavor string
}

// Defaults for zero [Config] fields.
const (
	DefaultTables             = 10
	DefaultMinColumns         = 3
	DefaultMaxColumns         = 10
	DefaultIndexesPerTable    = 2
	DefaultFKsPerTable        = 2
	DefaultUniquesPerTable    = 1
	DefaultChecksPerTable     = 1
	DefaultCompositePKPercent = 15
)

// withDefaults returns cfg with zero fields defaulted and -1 counts zeroed.
func (cfg Config) withDefaults() Config {
	count := func(v *int, def int) {
		switch {
		case *v == 0:
			*v = def
		case *v < 0:
			*v = 0
		}
	}
	count(&cfg.Tables, DefaultTables)
	count(&cfg.IndexesPerTable, DefaultIndexesPerTable)
	count(&cfg.FKsPerTable, DefaultFKsPerTable)
	count(&cfg.UniquesPerTable, DefaultUniquesPerTable)
	count(&cfg.ChecksPerTable, DefaultChecksPerTable)
	count(&cfg.CompositePKPercent, DefaultCompositePKPercent)
	switch {
	case cfg.MinColumns <= 0 && cfg.MaxColumns <= 0:
		cfg.MinColumns, cfg.MaxColumns = DefaultMinColumns, DefaultMaxColumns
	case cfg.MinColumns <= 0:
		cfg.MinColumns = min(DefaultMinColumns, cfg.MaxColumns)
	case cfg.MaxColumns <= 0:
		cfg.MaxColumns = max(DefaultMaxColumns, cfg.MinColumns)
	}
	cfg.MaxColumns = max(cfg.MaxColumns, cfg.MinColumns)
	cfg.CompositePKPercent = min(cfg.CompositePKPercent, 100)
	return cfg
}
