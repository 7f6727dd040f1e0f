package mysql

import (
	"context"
	"fmt"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// viewText is a view whose query has a string literal: information_schema
// printed it without the literal's charset introducer (_utf8mb4' '
// becomes ' ', _binary'x' becomes 'x'), which changes what the view
// returns, so SHOW CREATE VIEW reads it again. See docs/design.md
// (MySQL view literals).
type viewText struct {
	db string
	v  *metadata.View
}

// hasStringLiteral reports whether a query as information_schema prints
// it has a quoted literal: the server prints every string literal, with
// or without an introducer, in single quotes (numbers, 0x41 and b'1'
// come back as 0x.. hex and have none).
func hasStringLiteral(def string) bool {
	for _, tk := range viewTokens(def) {
		if !tk.ident && tk.text[0] == '\'' {
			return true
		}
	}
	return false
}

// readViewTexts reads the query of each view with a string literal from
// SHOW CREATE VIEW, which keeps the introducers: one statement per such
// view, none for the others. A user who may not run it (SHOW VIEW
// privilege) keeps information_schema's query, with a warning.
func (in *inspector) readViewTexts(ctx context.Context) error {
	for _, vt := range in.viewTexts {
		create, err := in.showCreateView(ctx, vt.db, vt.v.Name)
		if err != nil && accessDenied(err) {
			in.warn("view %q: SHOW CREATE VIEW refused (%v); its string literals are read without their charset introducers: "+
				"grant SHOW VIEW to inspect it exactly", vt.v.QualifiedName(), err)
			continue
		}
		if err != nil {
			return fmt.Errorf("mysql: reading view %s: %w", vt.v.QualifiedName(), err)
		}
		body, ok := showCreateBody(create, vt.v.CheckOption)
		if !ok {
			return fmt.Errorf("mysql: reading view %s: SHOW CREATE VIEW printed %q, which is not CREATE ... VIEW name AS query; "+
				"report it with the server's version", vt.v.QualifiedName(), create)
		}
		def, _ := unqualifyView(body, vt.db, in.readSchema)
		vt.v.Definition = metadata.TrimDefinition(def)
	}
	return nil
}

// showCreateView is the Create View column of SHOW CREATE VIEW.
func (in *inspector) showCreateView(ctx context.Context, db, name string) (string, error) {
	q := "SHOW CREATE VIEW " + dialectQuote(db) + "." + dialectQuote(name)
	rows, err := in.q.QueryContext(ctx, q)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var view, create, cs, coll string
	if rows.Next() {
		if err := rows.Scan(&view, &create, &cs, &coll); err != nil {
			return "", err
		}
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	if create == "" {
		return "", fmt.Errorf("%s returned no row: was the view dropped during the inspection? Inspect again", q)
	}
	return create, nil
}

// showCreateBody is the query of "CREATE ... VIEW `name` AS query [WITH
// ... CHECK OPTION]", without the check option the view has.
func showCreateBody(create, check string) (string, bool) {
	toks := viewTokens(create)
	off := 0
	for i, tk := range toks {
		off += len(tk.text)
		if tk.ident || !strings.HasSuffix(tk.text, " VIEW ") || i+1 >= len(toks) || !toks[i+1].ident {
			continue
		}
		j := i + 1
		off += len(toks[j].text)
		if j+2 < len(toks) && toks[j+1].text == "." && toks[j+2].ident {
			off += len(toks[j+1].text) + len(toks[j+2].text)
			j += 2
		}
		if !strings.HasPrefix(create[off:], " AS ") {
			return "", false
		}
		body := create[off+len(" AS "):]
		if check != "" {
			suffix := " WITH " + strings.ToUpper(check) + " CHECK OPTION"
			if !strings.HasSuffix(body, suffix) {
				return "", false
			}
			body = strings.TrimSuffix(body, suffix)
		}
		return body, true
	}
	return "", false
}
