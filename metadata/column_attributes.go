package metadata

import (
	"fmt"
	"slices"
	"strings"
)

// ColumnAttributes are a PostgreSQL column's physical attributes, the
// ones pg_dump writes as ALTER TABLE ... ALTER COLUMN after the table:
// each is its zero value when the column has the server's default.
// MySQL and SQLite have none of them and refuse a column that sets one.
type ColumnAttributes struct {
	// Storage is SET STORAGE when not the type's default: plain,
	// external, extended or main.
	Storage string
	// Compression is SET COMPRESSION: pglz or lz4; "" is the server's
	// default_toast_compression.
	Compression string
	// Statistics is SET STATISTICS, the column's statistics target (0
	// to 10000); nil is default_statistics_target.
	Statistics *int
	// Options are the attribute options (SET (n_distinct=-0.5)),
	// "name=value" as the catalog spells them, in its order.
	Options []string
}

// Storages are the values of [ColumnAttributes.Storage].
var Storages = []string{"plain", "external", "extended", "main"}

// Compressions are the values of [ColumnAttributes.Compression].
var Compressions = []string{"pglz", "lz4"}

// IsZero reports whether a sets nothing: every attribute the default.
func (a ColumnAttributes) IsZero() bool {
	return a.Storage == "" && a.Compression == "" && a.Statistics == nil && len(a.Options) == 0
}

// Equal reports whether a and b set the same attributes (options in the
// same order, as the catalog keeps them).
func (a ColumnAttributes) Equal(b ColumnAttributes) bool {
	return a.Storage == b.Storage && a.Compression == b.Compression &&
		equalTarget(a.Statistics, b.Statistics) && slices.Equal(a.Options, b.Options)
}

func equalTarget(a, b *int) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}

// Clone returns a copy of a that shares nothing with it.
func (a ColumnAttributes) Clone() ColumnAttributes {
	c := a
	if a.Statistics != nil {
		n := *a.Statistics
		c.Statistics = &n
	}
	c.Options = cloneSlice(a.Options)
	return c
}

// OptionName is the name part of an attribute option ("n_distinct" of
// "n_distinct=-0.5").
func OptionName(option string) string {
	name, _, _ := strings.Cut(option, "=")
	return strings.TrimSpace(name)
}

// Problems lists what is wrong with a, each a sentence saying what to
// write instead; none for a valid set.
func (a ColumnAttributes) Problems() []string {
	var out []string
	if a.Storage != "" && !slices.Contains(Storages, a.Storage) {
		out = append(out, fmt.Sprintf("storage %q is not one of %s", a.Storage, strings.Join(Storages, ", ")))
	}
	if a.Compression != "" && !slices.Contains(Compressions, a.Compression) {
		out = append(out, fmt.Sprintf("compression %q is not one of %s", a.Compression, strings.Join(Compressions, ", ")))
	}
	if s := a.Statistics; s != nil && (*s < 0 || *s > 10000) {
		out = append(out, fmt.Sprintf("statistics %d is not between 0 and 10000 (leave it out for the default)", *s))
	}
	seen := map[string]bool{}
	for _, o := range a.Options {
		name, value, ok := strings.Cut(o, "=")
		switch {
		case !ok || strings.TrimSpace(name) == "" || strings.TrimSpace(value) == "":
			out = append(out, fmt.Sprintf("option %q is not name=value, as in n_distinct=-0.5", o))
		case seen[OptionName(o)]:
			out = append(out, fmt.Sprintf("option %s is given twice", OptionName(o)))
		}
		seen[OptionName(o)] = true
	}
	return out
}
