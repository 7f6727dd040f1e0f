package sqlite

import (
	"strings"

	"github.com/retortdb/retort/metadata"
)

// A primary key's columns may hold NULL on SQLite (a long-standing quirk
// it keeps for compatibility), except the key that is the rowid's alias:
// one column declared INTEGER. Inspect reads the other keys' columns as
// nullable unless they say NOT NULL, and Plan writes NOT NULL only where
// the model asks for it, so a database adopted with such a key rebuilds
// as it was (issue 13).

// rowidAlias reports whether c, a column of t, is the alias of t's rowid:
// t's single primary key column, of canonical or declared type INTEGER.
func rowidAlias(t *metadata.Table, c *metadata.Column) bool {
	pk := t.PrimaryKey
	if pk == nil || len(pk.Columns) != 1 || pk.Columns[0] != c.Name {
		return false
	}
	typ := c.Type.For(Name)
	return typ.Kind == metadata.Integer || strings.EqualFold(strings.TrimSpace(typ.Native), "integer")
}
