package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"

	"github.com/retortdb/retort/dialect"
)

// SchemaURL sets raw's search_path to schema alone: pgx sends it as a
// startup parameter, so every connection of the pool, the runner's
// version table and every unqualified name of a revision are in schema.
func (p Postgres) SchemaURL(raw, schema string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("a schemas: target's url does not parse (percent-encode special characters in the password)")
	}
	q := u.Query()
	q.Set("search_path", p.QuoteIdent(schema))
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// listSchemasQuery lists the user schemas matching a LIKE pattern.
const listSchemasQuery = `SELECT nspname FROM pg_namespace
WHERE nspname LIKE $1 AND nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema'
ORDER BY nspname`

// ListSchemas lists the schemas matching like, PostgreSQL's own left out.
func (Postgres) ListSchemas(ctx context.Context, db *sql.DB, like string) ([]string, error) {
	return dialect.QueryStrings(ctx, db, listSchemasQuery, like)
}
