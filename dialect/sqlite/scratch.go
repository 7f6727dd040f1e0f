package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
)

var _ dialect.ScratchProvider = (*Dialect)(nil)

// ScratchURL is an in-memory database: a .sql schema loads without a server.
func (*Dialect) ScratchURL() string { return "sqlite://" }

var _ dialect.ScratchCleaner = (*Dialect)(nil)

// EmptyScratch drops every view, trigger and table (indexes go with
// them) of the main database, with foreign keys off so that the order of
// tables does not matter.
func (*Dialect) EmptyScratch(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `SELECT type, name FROM sqlite_schema
WHERE type IN ('view', 'trigger', 'table') AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
ORDER BY CASE type WHEN 'view' THEN 0 WHEN 'trigger' THEN 1 ELSE 2 END`)
	if err != nil {
		return err
	}
	var stmts []string
	for rows.Next() {
		var kind, name string
		if err := rows.Scan(&kind, &name); err != nil {
			rows.Close()
			return err
		}
		stmts = append(stmts, "DROP "+strings.ToUpper(kind)+" IF EXISTS "+quote(name))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	stmts = append(append([]string{"PRAGMA foreign_keys = OFF"}, stmts...), "PRAGMA foreign_keys = ON")
	for _, s := range stmts {
		if _, err := db.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	return nil
}

// ResetScratch has nothing to reset.
func (*Dialect) ResetScratch(context.Context, *sql.DB) error { return nil }

// ScratchSchemas is none: SQLite's attached databases are out of scope.
func (*Dialect) ScratchSchemas(context.Context, *sql.DB) ([]string, error) { return nil, nil }
