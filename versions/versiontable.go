package versions

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/retortdb/retort/dialect"
)

// DefaultVersionTable is the version table's name unless configured;
// "alembic_version" adopts a database Alembic manages.
const DefaultVersionTable = "migrate_version"

// Querier is what the version table works through: a *sql.DB, *sql.Tx or
// *sql.Conn.
type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// VersionTable is Alembic's version table: one row per applied head,
// version_num VARCHAR(32) NOT NULL PRIMARY KEY.
type VersionTable struct {
	Dialect dialect.Dialect
	// Schema is empty for the connection's default schema.
	Schema string
	// Name is DefaultVersionTable when empty.
	Name string
}

const versionColumn = "version_num"

func (v VersionTable) name() string {
	if v.Name == "" {
		return DefaultVersionTable
	}
	return v.Name
}

func (v VersionTable) ref() dialect.TableRef {
	return dialect.TableRef{Schema: v.Schema, Table: v.name()}
}

// CreateSQL is the statement that creates the table when it is missing,
// with Alembic's layout and constraint name.
func (v VersionTable) CreateSQL() string {
	d := v.Dialect
	return fmt.Sprintf("CREATE TABLE IF NOT EXISTS %s (%s VARCHAR(32) NOT NULL, CONSTRAINT %s PRIMARY KEY (%s))",
		dialect.QualifiedName(d, v.Schema, v.name()), d.QuoteIdent(versionColumn),
		d.QuoteIdent(v.name()+"_pkc"), d.QuoteIdent(versionColumn))
}

// Ensure creates the table if it does not exist.
func (v VersionTable) Ensure(ctx context.Context, q Querier) error {
	if _, err := q.ExecContext(ctx, v.CreateSQL()); err != nil {
		return fmt.Errorf("creating version table %s: %w", v.name(), err)
	}
	return nil
}

// Heads reads the current heads, sorted. The table must exist (see
// [VersionTable.Ensure] and [VersionTable.Exists]).
func (v VersionTable) Heads(ctx context.Context, q Querier) ([]string, error) {
	st, err := dialect.Compile(v.Dialect, &dialect.Select{Table: v.ref(), Columns: []string{versionColumn}, OrderBy: []dialect.Order{dialect.Asc(versionColumn)}})
	if err != nil {
		return nil, fmt.Errorf("version table %s: %w", v.name(), err)
	}
	rows, err := q.QueryContext(ctx, st.SQL, st.Args...)
	if err != nil {
		return nil, fmt.Errorf("reading version table %s: %w", v.name(), err)
	}
	defer rows.Close()
	var heads []string
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			return nil, fmt.Errorf("reading version table %s: %w", v.name(), err)
		}
		heads = append(heads, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading version table %s: %w", v.name(), err)
	}
	return heads, nil
}

// Statements compiles head changes (from [Graph.MoveHeads]) into the
// INSERT, UPDATE and DELETE statements that make them, with bound values.
func (v VersionTable) Statements(changes []HeadChange) ([]dialect.Statement, error) {
	out := make([]dialect.Statement, 0, len(changes))
	for _, c := range changes {
		st, err := dialect.Compile(v.Dialect, v.stmt(c))
		if err != nil {
			return nil, fmt.Errorf("version table %s: %s: %w", v.name(), c, err)
		}
		out = append(out, st)
	}
	return out, nil
}

// Script renders head changes as SQL text with literal values, for --sql.
func (v VersionTable) Script(changes []HeadChange) ([]string, error) {
	out := make([]string, 0, len(changes))
	for _, c := range changes {
		s, err := dialect.CompileLiteral(v.Dialect, v.stmt(c))
		if err != nil {
			return nil, fmt.Errorf("version table %s: %s: %w", v.name(), c, err)
		}
		out = append(out, s)
	}
	return out, nil
}

func (v VersionTable) stmt(c HeadChange) dialect.Stmt {
	switch c.Kind {
	case Insert:
		return dialect.InsertInto(v.ref(), versionColumn).Values(c.To)
	case Delete:
		return &dialect.Delete{Table: v.ref(), Where: dialect.Eq(versionColumn, c.From)}
	}
	return &dialect.Update{Table: v.ref(), Set: []dialect.Assignment{dialect.Set(versionColumn, c.To)}, Where: dialect.Eq(versionColumn, c.From)}
}

// Apply runs head changes. An UPDATE or DELETE must match exactly one row,
// as in Alembic: anything else means the table is not what the graph
// thinks, and nothing should go on.
func (v VersionTable) Apply(ctx context.Context, q Querier, changes []HeadChange) error {
	stmts, err := v.Statements(changes)
	if err != nil {
		return err
	}
	for i, st := range stmts {
		res, err := q.ExecContext(ctx, st.SQL, st.Args...)
		if err != nil {
			return fmt.Errorf("version table %s: %s: %w", v.name(), changes[i], err)
		}
		if changes[i].Kind == Insert {
			continue
		}
		if n, err := res.RowsAffected(); err == nil && n != 1 {
			return fmt.Errorf("version table %s: %s expected to match one row; %d found", v.name(), changes[i], n)
		}
	}
	return nil
}

// Purge deletes every row (stamp --purge).
func (v VersionTable) Purge(ctx context.Context, q Querier) error {
	st, err := dialect.Compile(v.Dialect, &dialect.Delete{Table: v.ref()})
	if err == nil {
		_, err = q.ExecContext(ctx, st.SQL, st.Args...)
	}
	if err != nil {
		return fmt.Errorf("purging version table %s: %w", v.name(), err)
	}
	return nil
}

// Stamp sets the table to targets without running a revision: it reads
// the heads (after purging the table when purge is set), plans the stamp
// steps with [Graph.Stamp] and applies them. It returns the new heads.
// The table must exist.
func (v VersionTable) Stamp(ctx context.Context, q Querier, g *Graph, targets []string, purge bool) ([]string, error) {
	if purge {
		if err := v.Purge(ctx, q); err != nil {
			return nil, err
		}
	}
	heads, err := v.Heads(ctx, q)
	if err != nil {
		return nil, err
	}
	steps, err := g.Stamp(heads, targets)
	if err != nil {
		return nil, err
	}
	for _, s := range steps {
		next, changes, err := g.MoveHeads(heads, s)
		if err != nil {
			return nil, err
		}
		if err := v.Apply(ctx, q, changes); err != nil {
			return nil, err
		}
		heads = next
	}
	return heads, nil
}
