package retort

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/reflect"
)

// canonicalViews gives the views of a schema.yaml target the database's
// own rendering of their queries, so that they compare with a
// reflection whoever spelled them: the model is created on the scratch
// database at devURL (emptied before and after), reflected, and each
// view's definition (and reads, where the file gives none) taken from
// there. Should the scratch database refuse the model, the views are
// compared as written and the returned warning says why.
func canonicalViews(ctx context.Context, d dialect.Dialect, devURL string, m *metadata.MetaData) string {
	db, u, err := OpenScratch(d, devURL)
	if err != nil {
		return fmt.Sprintf("views are compared as schema.yaml spells them: %v", err)
	}
	defer db.Close()
	reflected, err := buildOnScratch(ctx, d, db, m)
	if e := emptyScratch(ctx, d, db); e != nil && err == nil {
		err = fmt.Errorf("emptying it after: %w", e)
	}
	if err != nil {
		err = dialect.RedactError(err, u.Password)
		return fmt.Sprintf("views are compared as schema.yaml spells them: building them on the scratch database %s: %v", u.Redacted(), err)
	}
	for _, v := range m.Views {
		if rv := reflected.View(v.Schema, v.Name); rv != nil {
			v.Definition = rv.Definition
			if len(v.Reads) == 0 {
				v.Reads = rv.Reads
			}
		}
	}
	return ""
}

// buildOnScratch empties db, creates m there and reflects it, every
// schema it holds by name where the dialect can list them.
func buildOnScratch(ctx context.Context, d dialect.Dialect, db *sql.DB, m *metadata.MetaData) (*metadata.MetaData, error) {
	if err := emptyScratch(ctx, d, db); err != nil {
		return nil, fmt.Errorf("emptying it first: %w", err)
	}
	stmts, err := d.Plan(metadata.New(), dialect.CreateOpsFor(d, m))
	if err != nil {
		return nil, err
	}
	for _, st := range stmts {
		if st.ExecRows || st.FailIfRows {
			continue // checks and replays of a recreate: nothing to create
		}
		if _, err := db.ExecContext(ctx, st.SQL, st.Args...); err != nil {
			return nil, fmt.Errorf("%s: %w", st.SQL, err)
		}
	}
	opts := reflect.Options{}
	if sc, ok := d.(dialect.ScratchCleaner); ok {
		if opts.Schemas, err = sc.ScratchSchemas(ctx, db); err != nil {
			return nil, err
		}
	}
	res, err := reflect.Inspect(ctx, db, d, opts)
	if err != nil {
		return nil, err
	}
	return res.MetaData, nil
}
