package metadata

import "slices"

// The column clauses whose written order a column may keep
// ([Column.ClauseOrder]).
const (
	ClauseNotNull    = "not_null"
	ClauseDefault    = "default"
	ClausePrimaryKey = "primary_key" // the key written on its column (SQLite's INTEGER PRIMARY KEY)
)

// ClauseKinds are the values of [Column.ClauseOrder], in the order a
// column's clauses are written when it keeps none.
var ClauseKinds = []string{ClauseNotNull, ClauseDefault, ClausePrimaryKey}

// OrderClauses returns the clauses (kind to SQL text, kinds of
// [ClauseKinds]) in the order order gives, then the ones it leaves out in
// the order of ClauseKinds; a kind without text is left out.
func OrderClauses(order []string, text map[string]string) []string {
	var out []string
	done := map[string]bool{}
	for _, k := range append(slices.Clone(order), ClauseKinds...) {
		if s := text[k]; s != "" && !done[k] {
			done[k] = true
			out = append(out, s)
		}
	}
	return out
}

// clauseOrder checks a column's clause_order: known kinds, each once.
func (v *validator) clauseOrder(p Path, where string, order []string) {
	for i, k := range order {
		switch {
		case !slices.Contains(ClauseKinds, k):
			v.add(p.Index(i), "%s: clause_order: unknown clause %q%s", where, k, didYouMean(k, ClauseKinds))
		case slices.Index(order, k) < i:
			v.add(p.Index(i), "%s: clause_order: %s is listed twice; list it once", where, k)
		}
	}
}
