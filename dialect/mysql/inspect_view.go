package mysql

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// The views query reads every view of the databases with its query (as
// the server stores it: every name quoted, table names qualified by
// their database, but string literals without their charset introducer),
// CHECK OPTION, SQL SECURITY, DEFINER, ALGORITHM (MariaDB's
// information_schema has it; MySQL's does not, and the view is read as
// UNDEFINED), the session character sets it was created under, and the
// inspecting account and session's own, to tell settings of its own from
// the server's defaults.
const (
	viewsQueryMariaDB = `SELECT TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, SECURITY_TYPE, DEFINER, ALGORITHM, CURRENT_USER(),
  CHARACTER_SET_CLIENT, COLLATION_CONNECTION, @@character_set_client, @@collation_connection
FROM information_schema.VIEWS
WHERE TABLE_SCHEMA IN (%s)
ORDER BY TABLE_SCHEMA, TABLE_NAME`
	viewsQueryMySQL = `SELECT TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, SECURITY_TYPE, DEFINER, 'UNDEFINED', CURRENT_USER(),
  CHARACTER_SET_CLIENT, COLLATION_CONNECTION, @@character_set_client, @@collation_connection
FROM information_schema.VIEWS
WHERE TABLE_SCHEMA IN (%s)
ORDER BY TABLE_SCHEMA, TABLE_NAME`
)

// viewsQuery is the views query of the server's flavor.
func (in *inspector) viewsQuery() catalogQuery {
	q := viewsQueryMySQL
	if in.flavor == MariaDB {
		q = viewsQueryMariaDB
	}
	return catalogQuery{"views", q, 1, in.viewRow}
}

// viewRow reads one view. Its query is kept without the qualifier of
// its own database (the server adds it to every table it reads), so that
// the view builds the same in a database of another name; the relations
// it reads are those names qualified by a database read. A query with a
// string literal is read again by readViewTexts, with its introducers.
// The session character sets are kept when they are not the inspecting
// session's.
func (in *inspector) viewRow(rows scanner) error {
	var db, name, def, check, security, definer, algorithm, user, cs, coll, sessionCS, sessionColl string
	if err := rows.Scan(&db, &name, &def, &check, &security, &definer, &algorithm, &user,
		&cs, &coll, &sessionCS, &sessionColl); err != nil {
		return err
	}
	v := &metadata.View{Schema: in.modelSchema(db), Name: name}
	v.Definition, v.Reads = unqualifyView(def, db, in.readSchema)
	v.Definition = metadata.TrimDefinition(v.Definition)
	if check = strings.ToLower(check); check != "none" {
		v.CheckOption = check
	}
	if security = strings.ToLower(security); security != "definer" {
		v.Security = security
	}
	if algorithm = strings.ToLower(algorithm); algorithm != "undefined" {
		v.Algorithm = algorithm
	}
	if definer != user {
		v.Definer = definer
	}
	if !strings.EqualFold(cs, sessionCS) || !strings.EqualFold(coll, sessionColl) {
		v.CharacterSetClient, v.CollationConnection = cs, coll
	}
	in.views = append(in.views, v)
	if hasStringLiteral(def) {
		in.viewTexts = append(in.viewTexts, viewText{db: db, v: v})
	}
	return nil
}

// readSchema is the model schema of database schema, when it is read.
func (in *inspector) readSchema(schema string) (string, bool) {
	if !slices.Contains(in.schemas, schema) {
		return "", false
	}
	return in.modelSchema(schema), true
}

// unqualifyView drops the qualifier `own`. from the names of a view's
// query, outside string literals, and lists the relations it names
// qualified by a database that schema maps to a model schema.
func unqualifyView(def, own string, schema func(string) (string, bool)) (string, []string) {
	var b strings.Builder
	var reads []string
	toks := viewTokens(def)
	for i := 0; i < len(toks); i++ {
		tk := toks[i]
		if tk.ident && i+2 < len(toks) && toks[i+1].text == "." && toks[i+2].ident {
			if s, ok := schema(tk.name()); ok {
				r := qualifyName(s, toks[i+2].name())
				if !slices.Contains(reads, r) {
					reads = append(reads, r)
				}
			}
			if tk.name() == own {
				i++ // and the dot
				continue
			}
		}
		b.WriteString(tk.text)
	}
	return b.String(), reads
}

func qualifyName(schema, name string) string {
	if schema == "" {
		return name
	}
	return schema + "." + name
}

// viewToken is a piece of a view's query: a backquoted identifier, a
// string literal, or any other run of text.
type viewToken struct {
	text  string
	ident bool
}

func (t viewToken) name() string {
	return strings.ReplaceAll(t.text[1:len(t.text)-1], "``", "`")
}

// viewTokens splits a query into backquoted identifiers, literals ('...'
// and "...", with doubled and backslash-escaped quotes) and the rest.
func viewTokens(s string) []viewToken {
	var out []viewToken
	start := 0
	flush := func(i int) {
		if i > start {
			out = append(out, viewToken{text: s[start:i]})
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '`' && c != '\'' && c != '"' && c != '.' {
			continue
		}
		flush(i)
		if c == '.' {
			out = append(out, viewToken{text: "."})
			start = i + 1
			continue
		}
		j := quotedEnd(s, i)
		out = append(out, viewToken{text: s[i:j], ident: c == '`'})
		start, i = j, j-1
	}
	flush(len(s))
	return out
}

// quotedEnd returns the index after the quoted text that starts at i.
func quotedEnd(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch {
		case s[j] == '\\' && q != '`':
			j++
		case s[j] == q && j+1 < len(s) && s[j+1] == q:
			j++
		case s[j] == q:
			return j + 1
		}
	}
	return len(s)
}
