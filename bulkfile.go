package retort

import (
	"errors"
	"fmt"
	"io"
	"path"
	"slices"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/rowfile"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/versions"
)

// fileBatch is how many rows of a bulk_insert file go into one planned
// op; the dialect splits it further into statements of its own size.
const fileBatch = 1000

// fileRows streams a bulk_insert file (CSV or JSON, relative to the
// revision file in Options.Migrations) in batches, planning each batch
// as inline rows against m and passing its statements to fn. Only one
// batch is held in memory.
func (r *Runner) fileRows(rev *versions.Revision, m *metadata.MetaData, o *ops.BulkInsert, fn func([]dialect.Statement) error) error {
	revPath := rev.Path
	name := path.Join(path.Dir(revPath), o.File)
	format, err := rowfile.FormatOf(name)
	if err != nil {
		return err
	}
	f, err := r.opts.Migrations.Open(name)
	if err != nil {
		return fmt.Errorf("bulk_insert: %w", err)
	}
	defer f.Close()
	rd, err := rowfile.NewReader(name, f, format, m.Table(o.Schema, o.Table))
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
