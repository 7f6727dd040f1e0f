package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"

	"github.com/retortdb/retort/dialect"
)

// SchemaURL points raw at the database schema: on MySQL/MariaDB a schema
// is a database, and the URL's path names the one a connection uses.
func (*Dialect) SchemaURL(raw, schema string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("a schemas: target's url does not parse (percent-encode special characters in the password)")
	}
	u.Path, u.RawPath = "/"+schema, ""
	return u.String(), nil
}

// listSchemasQuery lists the databases matching a LIKE pattern.
const listSchemasQuery = `SELECT SCHEMA_NAME FROM information_schema.SCHEMATA
WHERE SCHEMA_NAME LIKE ? AND SCHEMA_NAME NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')
ORDER BY SCHEMA_NAME`

// ListSchemas lists the databases matching like, the server's own left out.
func (*Dialect) ListSchemas(ctx context.Context, db *sql.DB, like string) ([]string, error) {
	return dialect.QueryStrings(ctx, db, listSchemasQuery, like)
}
