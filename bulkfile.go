package retort

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/rowfile"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/versions"
)

// fileBatch is how many rows of a bulk_insert file go into one planned
// op when the dialect has no bulk loader of its own.
const fileBatch = 1000

// openRows opens a bulk_insert (or bulk_delete) file (CSV or JSON,
// relative to the revision file in Options.Migrations) as a stream of rows
// typed by the columns of table o in m.
func (r *Runner) openRows(rev *versions.Revision, m *metadata.MetaData, o ops.TableRef, file string) (*closingReader, *metadata.Table, error) {
	name := path.Join(path.Dir(rev.Path), file)
	format, err := rowfile.FormatOf(name)
	if err != nil {
		return nil, nil, err
	}
	f, err := r.opts.Migrations.Open(name)
	if err != nil {
		return nil, nil, err
	}
	table := m.Table(o.Schema, o.Table)
	rd, err := rowfile.NewReader(name, f, format, table)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return &closingReader{rd, f}, table, nil
}

// loadFile runs a bulk_insert from a file: through the dialect's
// BulkLoader (COPY, LOAD DATA, prepared batches) inside the revision's
// transaction, or else as planned batches of inline rows.
func (r *Runner) loadFile(ctx context.Context, t *txn, p *plannedStep, u unit) error {
	if bl, ok := r.opts.Dialect.(dialect.BulkLoader); ok {
		rd, table, err := r.openRows(p.step.Revision, u.model, u.file.TableRef, u.file.File)
		if err != nil {
			return err
		}
		defer rd.Close()
		start := time.Now()
		// The loader runs on the connection's session, so inside the
		// transaction open on it.
		n, err := bl.BulkLoad(ctx, t.conn, table, dialect.WritableSource(table, rd), dialect.BulkOptions{OnConflict: u.file.OnConflict, Key: u.file.Key})
		r.emit(Event{Kind: StatementRan, Revision: p.id(), Duration: time.Since(start),
			SQL: fmt.Sprintf("-- bulk_insert %s from %s: %d rows", u.file.Table, u.file.File, n)})
		r.emit(Event{Kind: Progress, Revision: p.id(), Message: "bulk_insert " + u.file.Table + " from " + u.file.File, Rows: n})
		return err
	}
	return r.fileBatches(p.step.Revision, u.model, u.file, func(stmts []dialect.Statement) error {
		for _, st := range stmts {
			if err := r.exec(ctx, t.x(), p.id(), st); err != nil {
				return err
			}
		}
		return nil
	})
}

// scriptFile writes a bulk_insert from a file to a --sql script.
func (s *script) file(p *plannedStep, u unit) error {
	s.line("-- bulk_insert %s from %s", u.file.Table, u.file.File)
	if bl, ok := s.r.opts.Dialect.(dialect.BulkLoader); ok {
		rd, table, err := s.r.openRows(p.step.Revision, u.model, u.file.TableRef, u.file.File)
		if err != nil {
			return err
		}
		defer rd.Close()
		if s.err == nil {
			_, s.err = bl.BulkScript(s.w, table, dialect.WritableSource(table, rd), dialect.BulkOptions{OnConflict: u.file.OnConflict, Key: u.file.Key})
		}
		s.line("")
		return s.err
	}
	return s.r.fileBatches(p.step.Revision, u.model, u.file, func(stmts []dialect.Statement) error {
		for _, st := range stmts {
			s.stmt(st)
		}
		return s.err
	})
}

// fileBatches streams the file in batches, planning each as inline rows
// against m and passing its statements to fn; one batch is held in memory.
func (r *Runner) fileBatches(rev *versions.Revision, m *metadata.MetaData, o *ops.BulkInsert, fn func([]dialect.Statement) error) error {
	rd, _, err := r.openRows(rev, m, o.TableRef, o.File)
	if err != nil {
		return err
	}
	defer rd.Close()
	batch := *o
	batch.File, batch.Columns = "", rd.Columns()
	var done int64
	flush := func() error {
		if len(batch.Rows) == 0 {
			return nil
		}
		stmts, err := r.opts.Dialect.Plan(m, []ops.Op{&batch})
		if err != nil {
			return err
		}
		done += int64(len(batch.Rows))
		batch.Rows = batch.Rows[:0]
		if err := fn(stmts); err != nil {
			return err
		}
		r.emit(Event{Kind: Progress, Revision: rev.ID, Message: "bulk_insert " + o.Table + " from " + o.File, Rows: done})
		return nil
	}
	for {
		row, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return flush()
		}
		if err != nil {
			return err
		}
		batch.Rows = append(batch.Rows, slices.Clone(row))
		if len(batch.Rows) == fileBatch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
}

// closingReader closes the file under a rowfile.Reader with it.
type closingReader struct {
	*rowfile.Reader
	file io.Closer
}

// Close closes the reader and the file.
func (c *closingReader) Close() error {
	err := c.Reader.Close()
	if e := c.file.Close(); err == nil {
		err = e
	}
	return err
}
