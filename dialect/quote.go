package dialect

import "strings"

// QuoteWith quotes an identifier with the quote character q, doubling q
// inside: QuoteWith(`a"b`, '"') is "a""b". Dialects build QuoteIdent on it
// (double quotes for PostgreSQL and SQLite, backticks for MySQL), so any
// name, an injection attempt included, stays one identifier.
func QuoteWith(name string, q byte) string {
	if strings.IndexByte(name, q) < 0 {
		return string(q) + name + string(q)
	}
	var b strings.Builder
	b.Grow(len(name) + 2)
	b.WriteByte(q)
	for i := 0; i < len(name); i++ {
		if name[i] == q {
			b.WriteByte(q)
		}
		b.WriteByte(name[i])
	}
	b.WriteByte(q)
	return b.String()
}

// QuoteList quotes each name for d and joins them with ", ".
func QuoteList(d Dialect, names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = d.QuoteIdent(n)
	}
	return strings.Join(quoted, ", ")
}
