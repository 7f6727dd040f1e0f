package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql/script"
)

var _ dialect.ScriptDriver = (*Dialect)(nil)

// ScriptDriver is Driver with multiStatements on (unless the URL sets it),
// so that a schema script of many statements runs in one Exec.
func (d *Dialect) ScriptDriver(u *dialect.URL) (driverName, dsn string, err error) {
	if u.Query.Get("multiStatements") == "" {
		c := *u
		c.Query = make(map[string][]string, len(u.Query)+1)
		for k, v := range u.Query {
			c.Query[k] = v
		}
		c.Query.Set("multiStatements", "true")
		u = &c
	}
	return d.Driver(u)
}

var _ dialect.ScratchCleaner = (*Dialect)(nil)

// EmptyScratch drops every view, table (triggers go with them), sequence,
// routine and event of the connection's database, with foreign key
// checks off so that the order of tables does not matter. Other
// databases on the server are not touched: MySQL's schemas are databases.
func (d *Dialect) EmptyScratch(ctx context.Context, db *sql.DB) error {
	objects, err := scratchObjects(ctx, db)
	if err != nil {
		return err
	}
	stmts := []string{"SET FOREIGN_KEY_CHECKS = 0"}
	for _, o := range objects {
		stmts = append(stmts, "DROP "+o[0]+" IF EXISTS "+d.QuoteIdent(o[1]))
	}
	stmts = append(stmts, "SET FOREIGN_KEY_CHECKS = 1")
	for _, s := range stmts {
		if _, err := db.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	return nil
}

// scratchObjects lists (kind, name) of what EmptyScratch drops, views first.
func scratchObjects(ctx context.Context, db *sql.DB) ([][2]string, error) {
	rows, err := db.QueryContext(ctx, `
SELECT 'VIEW', table_name FROM information_schema.views WHERE table_schema = DATABASE()
UNION ALL SELECT IF(table_type = 'SEQUENCE', 'SEQUENCE', 'TABLE'), table_name FROM information_schema.tables
  WHERE table_schema = DATABASE() AND table_type <> 'VIEW'
UNION ALL SELECT routine_type, routine_name FROM information_schema.routines WHERE routine_schema = DATABASE()
UNION ALL SELECT 'EVENT', event_name FROM information_schema.events WHERE event_schema = DATABASE()`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][2]string
	for rows.Next() {
		var o [2]string
		if err := rows.Scan(&o[0], &o[1]); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// ResetScratch has nothing to reset: a script's session settings do not
// hide the database from reflection.
func (*Dialect) ResetScratch(context.Context, *sql.DB) error { return nil }

// ScratchSchemas is none: the scratch database is one MySQL database.
func (*Dialect) ScratchSchemas(context.Context, *sql.DB) ([]string, error) { return nil, nil }

var _ dialect.ScriptSplitter = (*Dialect)(nil)

// SplitScript splits a schema script as the mysql client does
// ([script.Split]): DELIMITER $$ ... $$ DELIMITER ; blocks around
// triggers and routines come out as one statement each.
func (*Dialect) SplitScript(s string) ([]string, error) {
	stmts, err := script.Split(s)
	if err != nil {
		return nil, fmt.Errorf("mysql: splitting the script: %w", err)
	}
	out := make([]string, len(stmts))
	for i, st := range stmts {
		out[i] = st.SQL
	}
	return out, nil
}

var _ dialect.ScriptTerminator = (*Dialect)(nil)

// TerminateStatement ends stmt with ";", or, when ";" would cut it (a
// trigger's or routine's BEGIN ... END body), puts it between DELIMITER
// lines, as mysqldump does: DELIMITER $$, the statement and $$, then
// DELIMITER ; again. The delimiter is one the statement does not hold.
func (*Dialect) TerminateStatement(stmt string) string {
	if !strings.Contains(stmt, ";") && !strings.Contains(strings.ToLower(stmt), "delimiter") {
		// Nothing can cut it: no ";" and no DELIMITER command. (Splitting
		// every CREATE TABLE to learn that was a quarter of inspect
		// --format sql on 1,000 tables.)
		return stmt + ";\n"
	}
	if parts, err := script.Split(stmt); err != nil || len(parts) <= 1 {
		return stmt + ";\n"
	}
	delim := "$$"
	for _, d := range []string{"$$", ";;", "//", "$$$"} {
		if !strings.Contains(stmt, d) {
			delim = d
			break
		}
	}
	return "DELIMITER " + delim + "\n" + stmt + delim + "\nDELIMITER ;\n"
}
