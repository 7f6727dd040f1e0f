package sqlite

import (
	"strings"

	"github.com/retortdb/retort/metadata"
)

// enumFromCheck recognises the CHECK that columnSQL writes for an enum
// column: a column constraint named "enum_<name>" whose expression is
// `"column" IN ('a', 'b', ...)`. It returns the enum's name and values.
func enumFromCheck(ck parsedCheck) (name string, values []string, ok bool) {
	if ck.Column == "" || !strings.HasPrefix(ck.Name, enumCheckPrefix) || len(ck.Name) == len(enumCheckPrefix) {
		return "", nil, false
	}
	toks := lex(ck.Expr)
	if len(toks) < 5 {
		return "", nil, false
	}
	if col, ok := toks[0].ident(); !ok || toks[0].kind == tokString || !strings.EqualFold(col, ck.Column) {
		return "", nil, false
	}
	if !toks[1].is("IN") || !toks[2].punct("(") || !toks[len(toks)-1].punct(")") {
		return "", nil, false
	}
	list := toks[3 : len(toks)-1]
	for i, t := range list {
		switch {
		case i%2 == 0 && t.kind == tokString:
			values = append(values, t.text)
		case i%2 == 1 && t.punct(","):
		default:
			return "", nil, false
		}
	}
	if len(list)%2 == 0 {
		return "", nil, false // a trailing comma
	}
	return ck.Name[len(enumCheckPrefix):], values, true
}

// enumSet gathers the enums found in enum CHECKs, in the order first seen.
type enumSet struct {
	order  []string
	values map[string][]string
	first  map[string]string // the table that showed the values kept
	clash  map[string][]string
}

func (s *enumSet) add(name string, values []string, table string) {
	if s.values == nil {
		s.values, s.first, s.clash = map[string][]string{}, map[string]string{}, map[string][]string{}
	}
	if old, ok := s.values[name]; ok {
		if !equalStrings(old, values) {
			s.clash[name] = append(s.clash[name], table)
		}
		return
	}
	s.order = append(s.order, name)
	s.values[name] = values
	s.first[name] = table
}

// list returns the enums, warning where tables disagree on an enum's values.
func (s *enumSet) list(warn func(string, ...any)) []*metadata.Enum {
	var out []*metadata.Enum
	for _, name := range s.order {
		if tables := s.clash[name]; len(tables) > 0 {
			warn("sqlite: enum %q: the CHECKs of tables %s list other values than table %q; its values are read from %q",
				name, strings.Join(tables, ", "), s.first[name], s.first[name])
		}
		out = append(out, &metadata.Enum{Name: name, Values: s.values[name]})
	}
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// indexFromSQL reads an index from its CREATE INDEX statement.
func indexFromSQL(sql string) (*metadata.Index, error) {
	pi, err := parseCreateIndex(sql)
	if err != nil {
		return nil, err
	}
	ix := &metadata.Index{Name: pi.Name, Unique: pi.Unique, Where: pi.Where}
	for _, k := range pi.Keys {
		if k.Column != "" {
			ix.Columns = append(ix.Columns, k.Column)
		} else {
			ix.Expressions = append(ix.Expressions, normalIndexExpr(k.Expr))
		}
	}
	return ix, nil
}

// normalIndexExpr removes the parentheses around a whole index expression.
func normalIndexExpr(e string) string {
	e = strings.TrimSpace(e)
	for {
		toks := lex(e)
		if !parenthesized(toks) {
			return e
		}
		e = strings.TrimSpace(e[toks[0].end:toks[len(toks)-1].start])
	}
}
