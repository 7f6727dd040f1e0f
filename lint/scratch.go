package lint

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/versions"
)

// scratch is the database revisions are measured on.
type scratch struct {
	d  dialect.Dialect
	db *sql.DB
}

// openScratch opens devURL (or the dialect's in-memory scratch) and
// empties it; nil when there is neither or the dialect cannot probe.
func openScratch(ctx context.Context, d dialect.Dialect, devURL string) (*scratch, error) {
	if _, ok := d.(dialect.LockProber); !ok {
		return nil, nil
	}
	private := false
	if devURL == "" {
		sp, ok := d.(dialect.ScratchProvider)
		if !ok {
			return nil, nil
		}
		devURL, private = sp.ScratchURL(), true
	}
	dd, u, err := dialect.Open(devURL)
	if err != nil {
		return nil, &retort.InputError{Err: fmt.Errorf("--dev-url: %w", err)}
	}
	if dd.Name() != d.Name() {
		return nil, &retort.InputError{Err: fmt.Errorf("--dev-url is a %s database, the revisions are linted for %s", dd.Name(), d.Name())}
	}
	name, dsn, err := d.Driver(u)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open(name, dsn)
	if err != nil {
		return nil, err
	}
	if private {
		db.SetMaxOpenConns(1) // an in-memory database lives in one connection
	}
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connecting to the scratch database %s: %w", u.Redacted(), err)
	}
	if err := retort.EmptyDatabase(ctx, d, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("emptying the scratch database %s: %w", u.Redacted(), err)
	}
	return &scratch{d: d, db: db}, nil
}

// close empties the scratch database and closes it.
func (s *scratch) close(ctx context.Context) {
	_ = retort.EmptyDatabase(ctx, s.d, s.db)
	s.db.Close()
}

// load creates m on the scratch database and puts a few rows in each
// table, so that changes which depend on rows behave as on a live table.
func (s *scratch) load(ctx context.Context, d dialect.Dialect, m *metadata.MetaData) error {
	stmts, err := d.Plan(metadata.New(), dialect.CreateOpsFor(d, m))
	if err != nil {
		return fmt.Errorf("planning the scratch schema: %w", err)
	}
	if err := s.exec(ctx, stmts); err != nil {
		return fmt.Errorf("creating the scratch schema: %w", err)
	}
	ordered, _ := dialect.SortTables(m.Tables)
	for _, t := range ordered {
		seedTable(ctx, s.db, d, m, t)
	}
	return nil
}

// replay runs a revision that is not linted but lies between linted ones.
func (s *scratch) replay(ctx context.Context, d dialect.Dialect, state *metadata.MetaData, r *versions.Revision) error {
	var list []ops.Op
	for _, op := range r.Upgrade {
		if _, ok := op.(*ops.Call); !ok {
			list = append(list, op)
		}
	}
	stmts, err := d.Plan(state, list)
	if err != nil {
		return fmt.Errorf("%s: planning it on the scratch database: %w", r.Path, err)
	}
	return s.exec(ctx, stmts)
}

func (s *scratch) exec(ctx context.Context, stmts []dialect.Statement) error {
	for _, st := range stmts {
		if st.ExecRows || st.FailIfRows {
			continue
		}
		if _, err := s.db.ExecContext(ctx, st.SQL, st.Args...); err != nil {
			return fmt.Errorf("%s: %w", st.SQL, err)
		}
	}
	return nil
}

// seedRows is how many rows each scratch table gets.
const seedRows = 3

// seedTable inserts seedRows rows of made-up values into t, ids 1..3 so
// that foreign keys to integer keys find parents. A table whose types or
// checks refuse them stays empty: the measurement does not need rows.
func seedTable(ctx context.Context, db *sql.DB, d dialect.Dialect, m *metadata.MetaData, t *metadata.Table) {
	var cols []string
	for _, c := range t.Columns {
		if _, ok := sampleValue(m, c, 1); ok {
			cols = append(cols, c.Name)
		}
	}
	if len(cols) == 0 {
		return
	}
	for i := 1; i <= seedRows; i++ {
		q := "INSERT INTO " + quoteTable(d, ops.TableRef{Schema: t.Schema, Table: t.Name}) + " ("
		vals, args := "", []any{}
		for j, name := range cols {
			v, _ := sampleValue(m, t.Column(name), i)
			if j > 0 {
				q += ", "
				vals += ", "
			}
			q += d.QuoteIdent(name)
			args = append(args, v)
			vals += d.Placeholder(len(args))
		}
		if _, err := db.ExecContext(ctx, q+") VALUES ("+vals+")", args...); err != nil {
			return
		}
	}
}

// sampleValue is row i's value for c, false for a type left to its
// default (or NULL).
func sampleValue(m *metadata.MetaData, c *metadata.Column, i int) (any, bool) {
	switch c.Type.Kind {
	case metadata.SmallInt, metadata.Integer, metadata.BigInt, metadata.Numeric:
		return i, true
	case metadata.Real, metadata.Double:
		return float64(i), true
	case metadata.Boolean:
		return i%2 == 0, true
	case metadata.Varchar, metadata.Char, metadata.Text:
		s := fmt.Sprintf("v%d", i)
		if c.Type.Length > 0 && len(s) > c.Type.Length {
			s = s[:c.Type.Length]
		}
		return s, true
	case metadata.Date, metadata.Timestamp, metadata.TimestampTZ:
		return time.Date(2020, 1, i, 0, 0, 0, 0, time.UTC), true
	case metadata.UUID:
		return fmt.Sprintf("00000000-0000-0000-0000-%012d", i), true
	case metadata.JSON, metadata.JSONB:
		return "{}", true
	case metadata.EnumKind:
		if e := enumOf(m, c.Type.EnumName); e != nil && len(e.Values) > 0 {
			return e.Values[0], true
		}
	}
	return nil, false
}

func enumOf(m *metadata.MetaData, name string) *metadata.Enum {
	for _, e := range m.Enums {
		if e.Name == name || e.Schema+"."+e.Name == name {
			return e
		}
	}
	return nil
}

// quoteTable quotes a schema-qualified table name.
func quoteTable(d dialect.Dialect, t ops.TableRef) string {
	if t.Schema != "" {
		return d.QuoteIdent(t.Schema) + "." + d.QuoteIdent(t.Table)
	}
	return d.QuoteIdent(t.Table)
}
