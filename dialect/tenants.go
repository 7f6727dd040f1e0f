package dialect

import (
	"context"
	"database/sql"
	"errors"
)

// ErrNoSchemaTargets is returned where a fleet's schemas: target names a
// database without several schemas per server (SQLite: list its files,
// or a glob of them, instead).
var ErrNoSchemaTargets = errors.New("this database has no schemas to run a fleet over: list each database's URL under targets:, or a sqlite:/// glob of the files")

// SchemaTargets is implemented by a dialect whose server holds several
// schemas (PostgreSQL) or databases (MySQL/MariaDB) that a fleet can run
// one history in each of, each with its own version table: migrate.yaml's
// targets: entry {url, schemas | like}.
type SchemaTargets interface {
	// SchemaURL returns raw, a URL of the server, changed so that a
	// connection opened with it works in schema: unqualified names and
	// the version table resolve there.
	SchemaURL(raw, schema string) (string, error)
	// ListSchemas returns the server's user schemas whose names match
	// the SQL LIKE pattern like, sorted; the database's own (pg_catalog,
	// information_schema, mysql, ...) are never listed.
	ListSchemas(ctx context.Context, db *sql.DB, like string) ([]string, error)
}

// QueryStrings runs query with args and returns its one text column, row
// by row: the lists of names and URLs catalogs and control databases give.
func QueryStrings(ctx context.Context, db *sql.DB, query string, args ...any) ([]string, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
