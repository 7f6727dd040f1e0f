package retort

import (
	"context"
	"database/sql"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/versions"
)

// Current returns the database's version-table heads, sorted; none when
// the version table does not exist yet. It takes no lock.
func (r *Runner) Current(ctx context.Context) ([]string, error) {
	if err := r.needDB(); err != nil {
		return nil, err
	}
	return CurrentHeads(ctx, r.opts.DB, r.vt)
}

// CurrentHeads reads vt's heads on db without a history; a missing
// version table means no heads. The dialect tells a missing table from its
// error when it can (see [dialect.MissingTableReporter]); otherwise a ping
// and a probe of the table tell it from a lost connection.
func CurrentHeads(ctx context.Context, db *sql.DB, vt versions.VersionTable) ([]string, error) {
	heads, err := vt.Heads(ctx, db)
	if err == nil {
		return heads, nil
	}
	if dialect.MissingTable(vt.Dialect, err) {
		return nil, nil
	}
	if err := db.PingContext(ctx); err != nil {
		return nil, err
	}
	name := vt.Name
	if name == "" {
		name = versions.DefaultVersionTable
	}
	rows, probe := db.QueryContext(ctx, "SELECT 1 FROM "+dialect.QualifiedName(vt.Dialect, vt.Schema, name)+" WHERE 1 = 0")
	if probe != nil {
		return nil, nil
	}
	rows.Close()
	return nil, err
}
