package dbtest

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"strings"
	"sync"
	"testing"
)

// Counter records what a [Counting] pool sent to its server, one entry a
// round trip, in order: each query and exec, a prepared statement as
// "PREPARE ..." and each of its runs as "EXECUTE" (database/sql prepares
// a statement with arguments that the driver does not send by itself,
// go-sql-driver/mysql's without interpolateParams), BEGIN, COMMIT,
// ROLLBACK, pings and new connections.
type Counter struct {
	mu   sync.Mutex
	sent []string
}

// Sent returns the statements sent so far, in order.
func (c *Counter) Sent() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.sent...)
}

// Reset forgets what was sent.
func (c *Counter) Reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sent = nil
}

func (c *Counter) add(what string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sent = append(c.sent, strings.Join(strings.Fields(what), " "))
}

// Counting opens a second pool on db's database, through db's own driver,
// that records in the returned Counter every statement it sends. It is
// for tests that count the round trips a piece of work takes; a driver
// connection is wrapped, so work that needs the driver's own connection
// type (PostgreSQL's COPY through Conn.Raw) is not for it.
func Counting(t testing.TB, db *DB, dsn string) (*sql.DB, *Counter) {
	t.Helper()
	dc, ok := db.Driver().(driver.DriverContext)
	if !ok {
		t.Fatalf("dbtest: %T has no OpenConnector", db.Driver())
	}
	inner, err := dc.OpenConnector(dsn)
	if err != nil {
		t.Fatalf("dbtest: counting pool: %v", err)
	}
	c := &Counter{}
	pool := sql.OpenDB(countingConnector{inner, c})
	t.Cleanup(func() { pool.Close() })
	return pool, c
}

type countingConnector struct {
	inner driver.Connector
	c     *Counter
}

func (k countingConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := k.inner.Connect(ctx)
	if err != nil {
		return nil, err
	}
	k.c.add("(connect)")
	return &countingConn{conn, k.c}, nil
}

func (k countingConnector) Driver() driver.Driver { return k.inner.Driver() }

// countingConn passes every call on to the driver's connection, recording
// the ones that reach the server. The driver's connection must have the
// context methods (pgx, go-sql-driver/mysql and modernc sqlite do).
type countingConn struct {
	inner driver.Conn
	c     *Counter
}

func (w *countingConn) Prepare(query string) (driver.Stmt, error) {
	return w.PrepareContext(context.Background(), query)
}

func (w *countingConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	w.c.add("PREPARE " + query)
	st, err := w.inner.(driver.ConnPrepareContext).PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	return countingStmt{st, w.c}, nil
}

func (w *countingConn) Close() error { return w.inner.Close() }

func (w *countingConn) Begin() (driver.Tx, error) {
	return w.BeginTx(context.Background(), driver.TxOptions{})
}

func (w *countingConn) BeginTx(ctx context.Context, o driver.TxOptions) (driver.Tx, error) {
	w.c.add("BEGIN")
	tx, err := w.inner.(driver.ConnBeginTx).BeginTx(ctx, o)
	if err != nil {
		return nil, err
	}
	return countingTx{tx, w.c}, nil
}

func (w *countingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	r, err := w.inner.(driver.ExecerContext).ExecContext(ctx, query, args)
	if err != driver.ErrSkip {
		w.c.add(query)
	}
	return r, err
}

func (w *countingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	r, err := w.inner.(driver.QueryerContext).QueryContext(ctx, query, args)
	if err != driver.ErrSkip {
		w.c.add(query)
	}
	return r, err
}

func (w *countingConn) Ping(ctx context.Context) error {
	if p, ok := w.inner.(driver.Pinger); ok {
		w.c.add("(ping)")
		return p.Ping(ctx)
	}
	return nil
}

func (w *countingConn) ResetSession(ctx context.Context) error {
	if r, ok := w.inner.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

func (w *countingConn) IsValid() bool {
	v, ok := w.inner.(driver.Validator)
	return !ok || v.IsValid()
}

func (w *countingConn) CheckNamedValue(nv *driver.NamedValue) error {
	if c, ok := w.inner.(driver.NamedValueChecker); ok {
		return c.CheckNamedValue(nv)
	}
	return driver.ErrSkip
}

type countingTx struct {
	inner driver.Tx
	c     *Counter
}

func (t countingTx) Commit() error {
	t.c.add("COMMIT")
	return t.inner.Commit()
}

func (t countingTx) Rollback() error {
	t.c.add("ROLLBACK")
	return t.inner.Rollback()
}

// countingStmt records each run of a prepared statement.
type countingStmt struct {
	driver.Stmt
	c *Counter
}

func (s countingStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	s.c.add("EXECUTE")
	return s.Stmt.(driver.StmtExecContext).ExecContext(ctx, args)
}

func (s countingStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	s.c.add("EXECUTE")
	return s.Stmt.(driver.StmtQueryContext).QueryContext(ctx, args)
}
