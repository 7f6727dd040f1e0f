package metadata

import (
	"slices"
	"strings"
)

// Nulls orders of an index key (IndexKey.Nulls). Empty is the database's
// default for the key's direction (PostgreSQL: NULLS LAST ascending, NULLS
// FIRST descending).
const (
	NullsFirst = "first"
	NullsLast  = "last"
)

// IndexKey is one part of an index's key in full: a column or an
// expression, with what a plain column list cannot say. An index whose key
// is plain columns then plain expressions keeps Index.Keys nil and is
// written `columns: [...]` as it always was; any other key (an operator
// class, a collation, DESC, a NULLS order, a prefix length, or an
// expression before a column) needs the long form, `keys:`, so that
// rebuilding the index builds the same index.
type IndexKey struct {
	Column     string // the column, or empty for an expression
	Expression string // SQL text, for an expression key
	OpClass    string // operator class (PostgreSQL: text_pattern_ops, jsonb_path_ops, gin_trgm_ops); empty is the type's default
	Collation  string // COLLATE, in the catalog's spelling; empty is the column's (or the expression's)
	Desc       bool   // descending
	Nulls      string // NullsFirst, NullsLast, or empty for the default of the direction
	Length     int    // MySQL/MariaDB prefix length: col(10); 0 is the whole column
}

// Plain reports whether k is a bare column or expression, with none of the
// options.
func (k IndexKey) Plain() bool {
	return k.OpClass == "" && k.Collation == "" && !k.Desc && k.Nulls == "" && k.Length == 0
}

// NullsOrder returns where k sorts nulls, the default of its direction
// spelled out (PostgreSQL's rule: last ascending, first descending), so
// that two spellings of one order compare equal.
func (k IndexKey) NullsOrder() string {
	switch {
	case k.Nulls != "":
		return strings.ToLower(k.Nulls)
	case k.Desc:
		return NullsFirst
	default:
		return NullsLast
	}
}

// KeyList returns ix's key in order: Keys when set, else its columns then
// its expressions as plain keys.
func (ix *Index) KeyList() []IndexKey {
	if ix.Keys != nil {
		return ix.Keys
	}
	out := make([]IndexKey, 0, len(ix.Columns)+len(ix.Expressions))
	for _, c := range ix.Columns {
		out = append(out, IndexKey{Column: c})
	}
	for _, e := range ix.Expressions {
		out = append(out, IndexKey{Expression: e})
	}
	return out
}

// SetKeys sets ix's key to keys: Columns and Expressions become the column
// and expression keys in order (what naming conventions, column checks and
// renames read), and Keys keeps the full list only when the short form
// cannot say it (see [IndexKey]).
func (ix *Index) SetKeys(keys []IndexKey) {
	ix.Columns, ix.Expressions, ix.Keys = nil, nil, nil
	short, seenExpr := true, false
	for _, k := range keys {
		if k.Column != "" {
			ix.Columns = append(ix.Columns, k.Column)
			short = short && !seenExpr
		} else {
			ix.Expressions = append(ix.Expressions, k.Expression)
			seenExpr = true
		}
		short = short && k.Plain()
	}
	if !short {
		ix.Keys = slices.Clone(keys)
	}
}

// RenameColumn renames column old to new in ix's key and INCLUDE list.
func (ix *Index) RenameColumn(old, new string) {
	for i, c := range ix.Columns {
		if c == old {
			ix.Columns[i] = new
		}
	}
	for i := range ix.Keys {
		if ix.Keys[i].Column == old {
			ix.Keys[i].Column = new
		}
	}
	for i, c := range ix.Include {
		if c == old {
			ix.Include[i] = new
		}
	}
}

// UsesColumn reports whether ix names column in its key or INCLUDE list.
func (ix *Index) UsesColumn(column string) bool {
	return slices.Contains(ix.Columns, column) || slices.Contains(ix.Include, column)
}
