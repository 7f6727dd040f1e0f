package dialect

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"strings"
	"time"
)

// Batcher loads rows as multi-row INSERT statements with bound values:
// the generic bulk load, for databases without a faster path, and the
// literal form of any load for --sql scripts.
type Batcher struct {
	Dialect Dialect
	// MaxParams is the database's limit of bound parameters per statement.
	MaxParams int
	// MaxRows caps the rows of one statement (default 1,000).
	MaxRows int
	// MaxBytes, when set, caps the estimated size of one statement's
	// values (MySQL: under max_allowed_packet).
	MaxBytes int
	// Verb replaces the leading INSERT (INSERT IGNORE, INSERT OR IGNORE).
	Verb string
	// Suffix follows the VALUES list (ON CONFLICT ..., ON DUPLICATE KEY ...).
	Suffix string
	// Adapt, when set, turns a value of column i into the form the driver
	// stores as the dialect wants; it may return v.
	Adapt func(i int, v any) any
}

// Execer runs statements: a *sql.Conn or *sql.Tx.
type Execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// batch accumulates the rows of one statement.
type batch struct {
	b         Batcher
	table     TableRef
	cols      []string
	per       int
	rows      [][]any
	flat      []any
	bytes     int
	first     int
	firstLine int
	err       error // the source's error, which ends the load
}

func (b Batcher) start(table TableRef, cols []string) *batch {
	per := b.MaxRows
	if per <= 0 {
		per = 1000
	}
	if b.MaxParams > 0 {
		per = max(1, min(per, b.MaxParams/max(len(cols), 1)))
	}
	return &batch{b: b, table: table, cols: cols, per: per}
}

// add copies row into the batch and reports whether the batch is full.
func (t *batch) add(row []any, src RowSource) bool {
	if len(t.rows) == 0 {
		t.first, t.firstLine = 0, 0
		if p, ok := src.(RowPositioner); ok {
			t.first, t.firstLine = p.Row(), p.Line()
		}
	}
	at := len(t.flat)
	for i, v := range row {
		if t.b.Adapt != nil {
			v = t.b.Adapt(i, v)
		}
		t.flat = append(t.flat, v)
		t.bytes += valueSize(v)
	}
	t.rows = append(t.rows, t.flat[at:len(t.flat):len(t.flat)])
	return len(t.rows) >= t.per || (t.b.MaxBytes > 0 && t.bytes >= t.b.MaxBytes)
}

func (t *batch) reset() {
	t.rows, t.flat, t.bytes = t.rows[:0], t.flat[:0], 0
}

// insert returns the statement for the current rows.
func (t *batch) insert() *Insert {
	return &Insert{Table: t.table, Columns: t.cols, Rows: t.rows}
}

func (t *batch) sql(s string) string {
	if t.b.Verb != "" {
		s = t.b.Verb + strings.TrimPrefix(s, "INSERT")
	}
	return s + t.b.Suffix
}

func (t *batch) fail(err error) error {
	first := t.first
	if first == 0 {
		return fmt.Errorf("bulk_insert into %s: %w", t.table.Table, err)
	}
	return &BatchError{Table: t.table.Table, FirstRow: first, LastRow: first + len(t.rows) - 1, FirstLine: t.firstLine, Err: err}
}

// valueSize estimates the bytes v takes in a statement or packet.
func valueSize(v any) int {
	switch x := v.(type) {
	case string:
		return len(x) + 8
	case []byte:
		return 2*len(x) + 8
	case time.Time:
		return 32
	}
	return 24
}

// Load inserts every row of src into table through ex and returns the
// number of rows. Full batches reuse one prepared statement. Reading and
// converting the next batch (in a goroutine, which alone calls src.Next)
// overlaps with the database executing the current one.
func (b Batcher) Load(ctx context.Context, ex Execer, table TableRef, src RowSource) (int64, error) {
	t := b.start(table, src.Columns())
	p := b.produce(t, src)
	defer p.stop()
	var full *sql.Stmt
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	var n int64
	for fb := range p.out {
		if fb.err != nil {
			return n, fb.err
		}
		var err error
		if len(fb.rows) == t.per && full == nil {
			var st Statement
			if st, err = Compile(b.Dialect, fb.insert()); err == nil {
				full, err = ex.PrepareContext(ctx, fb.sql(st.SQL))
			}
		}
		if err == nil && len(fb.rows) == t.per {
			_, err = full.ExecContext(ctx, fb.flat...)
		} else if err == nil {
			var st Statement
			if st, err = Compile(b.Dialect, fb.insert()); err == nil {
				_, err = ex.ExecContext(ctx, fb.sql(st.SQL), st.Args...)
			}
		}
		if err != nil {
			return n, fb.fail(err)
		}
		n += int64(len(fb.rows))
		p.back <- fb // hand the buffers back
	}
	return n, nil
}

// producer reads src into batches on a goroutine, two batches in
// circulation: each filled batch is sent on out (the last one with err set
// when src failed) and comes back on back once executed.
type producer struct {
	out      chan *batch
	back     chan *batch
	done     chan struct{}
	finished chan struct{}
}

func (b Batcher) produce(proto *batch, src RowSource) *producer {
	p := &producer{out: make(chan *batch), back: make(chan *batch, 2), done: make(chan struct{}), finished: make(chan struct{})}
	p.back <- proto
	p.back <- &batch{b: proto.b, table: proto.table, cols: proto.cols, per: proto.per}
	go func() {
		defer close(p.finished)
		defer close(p.out)
		for {
			var t *batch
			select {
			case t = <-p.back:
			case <-p.done:
				return
			}
			t.reset()
			eof := false
			for !eof {
				row, err := src.Next()
				if err == io.EOF {
					eof = true
				} else if err != nil {
					t.err, eof = err, true
				} else if t.add(row, src) {
					break
				}
			}
			if len(t.rows) > 0 || t.err != nil {
				select {
				case p.out <- t:
				case <-p.done:
					return
				}
			}
			if eof {
				return
			}
		}
	}()
	return p
}

// stop ends the goroutine and waits for it, so src is not read after Load
// returns.
func (p *producer) stop() {
	close(p.done)
	<-p.finished
}

// Script writes the rows of src as INSERT statements with literal values
// (the dialect's Literal), each ending in ";\n", and returns the number of
// rows.
func (b Batcher) Script(w io.Writer, table TableRef, src RowSource) (int64, error) {
	t := b.start(table, src.Columns())
	var n int64
	flush := func() error {
		if len(t.rows) == 0 {
			return nil
		}
		s, err := CompileLiteral(b.Dialect, t.insert())
		if err != nil {
			return t.fail(err)
		}
		if _, err := io.WriteString(w, t.sql(s)+";\n"); err != nil {
			return err
		}
		n += int64(len(t.rows))
		t.reset()
		return nil
	}
	for {
		row, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return n, err
		}
		if t.add(row, src) {
			if err := flush(); err != nil {
				return n, err
			}
		}
	}
	return n, flush()
}
