package postgres

import (
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
)

// SQLSTATEs of a missing table and of a missing schema.
const (
	undefinedTable  = "42P01"
	undefinedSchema = "3F000"
)

// MissingTable reports SQLSTATE 42P01 (undefined_table) and 3F000
// (invalid_schema_name).
func (Postgres) MissingTable(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && (pgErr.Code == undefinedTable || pgErr.Code == undefinedSchema)
}
