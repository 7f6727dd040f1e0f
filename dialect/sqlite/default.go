package sqlite

import "strings"

// A server default is SQL text. SQLite takes a literal (a number, a string,
// NULL, TRUE, FALSE, CURRENT_TIMESTAMP, ...) as it is and any other
// expression only in parentheses, and pragma_table_xinfo gives the text
// back as written, parentheses included. defaultSQL adds the parentheses
// an expression needs; normalDefault removes them again, so a model's
// default and a reflected one compare equal.

// literalWords are the keywords SQLite accepts as a default without
// parentheses.
var literalWords = map[string]bool{"NULL": true, "TRUE": true, "FALSE": true,
	"CURRENT_TIME": true, "CURRENT_DATE": true, "CURRENT_TIMESTAMP": true}

// defaultSQL renders a model default for a column definition.
func defaultSQL(def string) string {
	def = strings.TrimSpace(def)
	if def == "" || isLiteralDefault(def) || parenthesized(lex(def)) {
		return def
	}
	return "(" + def + ")"
}

// isLiteralDefault reports whether def is one literal: a signed number, a
// string, a blob, or one of literalWords.
func isLiteralDefault(def string) bool {
	toks := lex(def)
	if len(toks) == 2 && (toks[0].punct("-") || toks[0].punct("+")) && toks[1].kind == tokNumber {
		return true
	}
	if len(toks) != 1 {
		return false
	}
	switch t := toks[0]; t.kind {
	case tokNumber, tokString, tokBlob:
		return t.end == len(strings.TrimSpace(def)) // a closed literal
	case tokWord:
		return literalWords[strings.ToUpper(t.text)]
	}
	return false
}

// isConstantDefault reports whether ALTER TABLE ADD COLUMN accepts def:
// a literal, but not CURRENT_TIME, CURRENT_DATE or CURRENT_TIMESTAMP.
func isConstantDefault(def string) bool {
	def = strings.TrimSpace(def)
	if def == "" {
		return true
	}
	return isLiteralDefault(def) && !strings.HasPrefix(strings.ToUpper(def), "CURRENT_")
}

// parenthesized reports whether toks are one parenthesised group.
func parenthesized(toks []token) bool {
	if len(toks) < 2 || !toks[0].punct("(") || !toks[len(toks)-1].punct(")") {
		return false
	}
	depth := 0
	for i, t := range toks {
		switch {
		case t.punct("("):
			depth++
		case t.punct(")"):
			depth--
			if depth == 0 && i != len(toks)-1 {
				return false
			}
		}
	}
	return depth == 0
}

// normalDefault returns a default as Retort compares it on SQLite: without
// outer parentheses, and with the literal keywords in upper case.
func normalDefault(def string) string {
	def = strings.TrimSpace(def)
	for {
		toks := lex(def)
		if !parenthesized(toks) {
			break
		}
		def = strings.TrimSpace(def[toks[0].end:toks[len(toks)-1].start])
	}
	if up := strings.ToUpper(def); literalWords[up] {
		return up
	}
	return def
}
