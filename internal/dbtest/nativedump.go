package dbtest

import (
	"net/url"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// NativeDump is db's schema as a user would dump it with the database's
// own tool, normalised as testdata/realworld/README.md ("Dump round trip")
// documents, one statement-line per line:
//
//   - PostgreSQL: pg_dump --schema-only --no-owner;
//   - MySQL/MariaDB: mysqldump --no-data --routines --triggers --events
//     (with --skip-dump-date);
//   - SQLite: the sql column of sqlite_schema, what the sqlite3 shell's
//     .schema prints, read through the test's own connection.
//
// The version table (versionTable) is left out of every dump. A missing
// pg_dump or mysqldump skips the test with a one-line reason: the dump
// tools are not part of RETORT_REQUIRE_DBS.
func NativeDump(t testing.TB, db *DB, versionTable string) string {
	t.Helper()
	switch db.Dialect {
	case DialectPostgres:
		out := runTool(t, "pg_dump", "--schema-only", "--no-owner", "--exclude-table="+versionTable, db.URL)
		return normaliseLines(out, db.Name, pgNoise)
	case DialectMySQL:
		u, err := url.Parse(db.URL)
		if err != nil {
			t.Fatal(err)
		}
		args := []string{"--no-data", "--routines", "--triggers", "--events", "--skip-dump-date",
			"--ignore-table=" + db.Name + "." + versionTable, "-h", u.Hostname(), "-u", u.User.Username()}
		if p := u.Port(); p != "" {
			args = append(args, "-P", p)
		}
		out := runTool(t, "mysqldump", append(args, db.Name)...)
		return normaliseLines(out, db.Name, nil)
	}
	return sqliteSchema(t, db, versionTable)
}

// pgNoise are pg_dump lines that change from one run to the next without
// the schema changing: the \restrict key, new in every dump.
var pgNoise = regexp.MustCompile(`^\\(un)?restrict `)

// normaliseLines drops blank lines, comment lines (pg_dump's "-- Name: …;
// Type: …" headers and mysqldump's "-- Dump completed" banners) and lines
// noise matches, writes the database's name as DB, and drops AUTO_INCREMENT
// counters (the next id is data, not schema).
func normaliseLines(out, dbName string, noise *regexp.Regexp) string {
	var keep []string
	for _, line := range strings.Split(out, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "--") || noise != nil && noise.MatchString(line) {
			continue
		}
		line = strings.ReplaceAll(line, dbName, "DB")
		keep = append(keep, autoIncrementRE.ReplaceAllString(line, ""))
	}
	return strings.Join(keep, "\n")
}

// sqliteSchema is sqlite_schema's SQL text (what the sqlite3 shell's
// .schema prints), sorted by type and name (SQLite keeps creation order,
// which is not part of the schema), each statement in SQLite's own terms:
// white space outside quotes squeezed, a quoted identifier that needs no
// quotes written bare ([Album], "Album", `Album` and Album are one name
// to SQLite), and a CREATE TABLE split into one line per column or table
// constraint, each line prefixed with its object, so that a difference
// shows as the one definition that differs.
func sqliteSchema(t testing.TB, db *DB, versionTable string) string {
	t.Helper()
	rows := Lines(t, db.DB, `SELECT type || ' ' || name || ': ' || sql FROM sqlite_schema
		WHERE sql IS NOT NULL AND name <> ? AND tbl_name <> ? ORDER BY type, name`, versionTable, versionTable)
	var lines []string
	for _, r := range rows {
		head, sql, _ := strings.Cut(r, ": ")
		for _, part := range splitDefinitions(normaliseSQLite(sql)) {
			lines = append(lines, head+": "+part)
		}
	}
	return strings.Join(lines, "\n")
}

// plainIdent is an identifier SQLite reads the same with or without
// quotes.
var plainIdent = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// normaliseSQLite squeezes white space outside quotes (dropping it next
// to ( ) , where SQL gives it no meaning) and unquotes plain identifiers;
// string literals are kept as written.
func normaliseSQLite(s string) string {
	var b strings.Builder
	space := false
	last := byte(0)
	for i := 0; i < len(s); {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			space, i = true, i+1
			continue
		}
		tok, n := sqliteToken(s[i:])
		if space && last != 0 && !strings.ContainsRune("(),", rune(last)) && !strings.ContainsRune("(),", rune(tok[0])) {
			b.WriteByte(' ')
		}
		space = false
		b.WriteString(tok)
		last, i = tok[len(tok)-1], i+n
	}
	return b.String()
}

// sqliteToken is the token at the start of s, normalised, and its length
// in s: a quoted identifier, a string literal, or one other byte.
func sqliteToken(s string) (string, int) {
	closer := map[byte]byte{'"': '"', '`': '`', '[': ']', '\'': '\''}[s[0]]
	if closer == 0 {
		return s[:1], 1
	}
	end := 1
	for end < len(s) {
		if s[end] == closer {
			if closer != ']' && end+1 < len(s) && s[end+1] == closer { // doubled quote
				end += 2
				continue
			}
			break
		}
		end++
	}
	if end >= len(s) {
		return s, len(s)
	}
	tok := s[:end+1]
	if name := s[1:end]; closer != '\'' && plainIdent.MatchString(name) {
		return name, end + 1
	}
	return tok, end + 1
}

// splitDefinitions splits a CREATE TABLE at the commas between its
// columns and table constraints: "CREATE TABLE t(", one line per
// definition, and ")" with what follows (WITHOUT ROWID, STRICT). Other
// statements are one line.
func splitDefinitions(sql string) []string {
	if !strings.HasPrefix(strings.ToUpper(sql), "CREATE TABLE") {
		return []string{sql}
	}
	var out []string
	depth, from := 0, 0
	quoted := byte(0)
	for i := 0; i < len(sql); i++ {
		c := sql[i]
		switch {
		case quoted != 0:
			if c == quoted || quoted == '[' && c == ']' {
				quoted = 0
			}
		case c == '\'' || c == '"' || c == '`' || c == '[':
			quoted = c
		case c == '(':
			depth++
			if depth == 1 {
				out, from = append(out, sql[:i+1]), i+1
			}
		case c == ')':
			depth--
			if depth == 0 {
				return append(out, "  "+sql[from:i], sql[i:])
			}
		case c == ',' && depth == 1:
			out, from = append(out, "  "+sql[from:i]), i+1
		}
	}
	return append(out, sql[from:])
}

// runTool runs a dump tool, skipping the test when it is not installed.
func runTool(t testing.TB, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("dbtest: %s is not installed (the dump round trip needs it)", name)
	}
	return run(t, name, args...)
}
