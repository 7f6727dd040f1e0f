package autogen

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// sameIndexOptions compares what an index has beyond its columns,
// expressions, kind, method and predicate (which sameIndex compares): the
// place of each expression among the columns, each key's operator class,
// collation, direction, NULLS order and prefix length, the INCLUDE
// columns, the storage parameters and the comment. Any difference
// rebuilds a different index, so it is a change (drop and create).
func sameIndexOptions(a, b *metadata.Index) bool {
	ka, kb := a.KeyList(), b.KeyList()
	if len(ka) != len(kb) {
		return false
	}
	for i := range ka {
		x, y := ka[i], kb[i]
		if (x.Column == "") != (y.Column == "") || !strings.EqualFold(x.OpClass, y.OpClass) ||
			!strings.EqualFold(x.Collation, y.Collation) || x.Desc != y.Desc ||
			x.NullsOrder() != y.NullsOrder() || x.Length != y.Length {
			return false
		}
	}
	return slices.Equal(a.Include, b.Include) && sameParams(a.With, b.With) && a.Comment == b.Comment
}

// sameParams compares storage parameters as a set, case aside.
func sameParams(a, b []string) bool {
	norm := func(s []string) []string {
		out := make([]string, len(s))
		for i, v := range s {
			out[i] = strings.ToLower(strings.ReplaceAll(v, " ", ""))
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(norm(a), norm(b))
}
