package postgres

import (
	"strings"

	"github.com/retortdb/retort/dialect"
)

// invalidIndexQuery finds the INVALID index a failed CREATE INDEX
// CONCURRENTLY left ($1 its name, $2 its schema or "" for the current
// one) and gives the statement that drops it: a valid index of the name
// (the build failed because it exists) is left alone.
const invalidIndexQuery = `SELECT 'DROP INDEX CONCURRENTLY IF EXISTS ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname)
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT i.indisvalid AND c.relname = $1 AND n.nspname = COALESCE(NULLIF($2, ''), current_schema())`

// concurrently turns the CREATE INDEX of st into CREATE INDEX
// CONCURRENTLY, which runs outside a transaction and, when it fails,
// drops the INVALID index it left.
func (p Postgres) concurrently(st []dialect.Statement, schema string) []dialect.Statement {
	for i := range st {
		name := indexName(st[i].SQL)
		st[i].SQL = strings.Replace(st[i].SQL, "INDEX ", "INDEX CONCURRENTLY ", 1)
		st[i].NoTransaction = true
		st[i].Cleanup = []dialect.Statement{{SQL: invalidIndexQuery, Args: []any{name, schema}, ExecRows: true, Op: st[i].Op}}
	}
	return st
}

// indexName reads the index name back from CREATE [UNIQUE] INDEX "name".
func indexName(sql string) string {
	_, rest, _ := strings.Cut(sql, "INDEX ")
	if !strings.HasPrefix(rest, `"`) {
		name, _, _ := strings.Cut(rest, " ")
		return name
	}
	var b strings.Builder
	for i := 1; i < len(rest); i++ {
		if rest[i] == '"' {
			if i+1 < len(rest) && rest[i+1] == '"' {
				b.WriteByte('"')
				i++
				continue
			}
			break
		}
		b.WriteByte(rest[i])
	}
	return b.String()
}
