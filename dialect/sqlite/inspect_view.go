package sqlite

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// viewFromSQL reads a view from its CREATE VIEW text in sqlite_schema:
// the query after AS, as written, and the tables and views it names
// (known, by name, case aside), found with the lexer so that names in
// strings and comments do not count.
func viewFromSQL(name, sql string, known map[string]string) (*metadata.View, error) {
	toks := lex(sql)
	for k, t := range toks {
		if t.punct("(") {
			return nil, fmt.Errorf("its column list is not modelled")
		}
		if t.is("AS") {
			def := metadata.TrimDefinition(sql[t.end:])
			return &metadata.View{Name: name, Definition: def, Reads: viewReads(toks[k+1:], name, known)}, nil
		}
	}
	return nil, fmt.Errorf("no AS in %q", sql)
}

// viewReads lists the known relations the tokens name, once each.
func viewReads(toks []token, self string, known map[string]string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range toks {
		if t.kind != tokWord && t.kind != tokQuoted {
			continue
		}
		n, ok := known[strings.ToLower(t.text)]
		if ok && n != self && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// quoteIfNeeded quotes a name unless it is a plain word that is no
// keyword of a CREATE VIEW.
func quoteIfNeeded(name string) string {
	if name == "" || isDigit(name[0]) || keywords[strings.ToUpper(name)] {
		return quote(name)
	}
	for i := 0; i < len(name); i++ {
		if !isWordByte(name[i]) || name[i] >= 0x80 {
			return quote(name)
		}
	}
	return name
}

// keywords are SQLite keywords a view name must be quoted as.
var keywords = map[string]bool{"AS": true, "SELECT": true, "FROM": true, "WHERE": true, "ORDER": true, "GROUP": true,
	"TABLE": true, "VIEW": true, "INDEX": true, "IF": true, "NOT": true, "EXISTS": true, "TEMP": true, "TEMPORARY": true,
	"CREATE": true, "DROP": true, "JOIN": true, "ON": true, "AND": true, "OR": true, "NULL": true, "KEY": true,
	"PRIMARY": true, "UNIQUE": true, "CHECK": true, "DEFAULT": true, "REFERENCES": true, "WITH": true, "VALUES": true,
	"UNION": true, "LIMIT": true, "BY": true, "IN": true, "IS": true, "CASE": true, "WHEN": true, "THEN": true,
	"ELSE": true, "END": true, "TRIGGER": true, "DELETE": true, "INSERT": true, "UPDATE": true, "INTO": true, "SET": true}
