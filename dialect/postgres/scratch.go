package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/retortdb/retort/dialect"
)

var _ dialect.ScratchCleaner = Postgres{}

// userSchemas lists the schemas outside the system ones.
const userSchemas = `SELECT nspname FROM pg_namespace
WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema' ORDER BY nspname`

// EmptyScratch drops every schema but the system ones with CASCADE (which
// drops what is in them, extensions included, in dependency order), then
// creates public again with the owner and privileges it had.
func (p Postgres) EmptyScratch(ctx context.Context, db *sql.DB) error {
	schemas, err := dialect.QueryStrings(ctx, db, userSchemas)
	if err != nil {
		return err
	}
	var owner string
	if err := db.QueryRowContext(ctx, `SELECT coalesce((SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'public'), current_user)`).Scan(&owner); err != nil {
		return err
	}
	for _, s := range schemas {
		if _, err := db.ExecContext(ctx, "DROP SCHEMA "+p.QuoteIdent(s)+" CASCADE"); err != nil {
			return fmt.Errorf("dropping schema %s: %w", s, err)
		}
	}
	for _, stmt := range []string{
		"CREATE SCHEMA public AUTHORIZATION " + p.QuoteIdent(owner),
		"GRANT USAGE ON SCHEMA public TO PUBLIC",
	} {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("%s: %w", stmt, err)
		}
	}
	return p.ResetScratch(ctx, db)
}

// ResetScratch resets the session's search_path (a pg_dump file sets it
// to the empty string).
func (Postgres) ResetScratch(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, "RESET search_path")
	return err
}

// ScratchSchemas lists every user schema, public included, when there is
// any besides public; none otherwise.
func (Postgres) ScratchSchemas(ctx context.Context, db *sql.DB) ([]string, error) {
	all, err := dialect.QueryStrings(ctx, db, userSchemas)
	if err != nil || len(all) == 0 || len(all) == 1 && all[0] == "public" {
		return nil, err
	}
	return all, nil
}
