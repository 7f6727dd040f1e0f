package retort

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/versions"
)

// deleteRows is the most rows one DELETE of a bulk_delete file matches.
const deleteRows = 1000

// deleteParams caps the values one DELETE binds: SQLite's variable limit,
// the lowest of the dialects' (PostgreSQL and MySQL allow 65,535).
const deleteParams = 32766

// deleteKey returns the columns a bulk_delete from a file matches rows on:
// its Key's, or the table's primary key. Without either the rows the
// bulk_insert loaded cannot be told from others, so the downgrade is
// refused before anything runs.
func deleteKey(m *metadata.MetaData, o *ops.BulkDelete) ([]string, error) {
	t := m.Table(o.Schema, o.Table)
	switch {
	case t == nil:
		return nil, fmt.Errorf("table %s is not in the schema at this revision, so its key is unknown", o.Table)
	case o.Key == "" && (t.PrimaryKey == nil || len(t.PrimaryKey.Columns) == 0):
		return nil, fmt.Errorf("table %s has no primary key, so the rows the file loaded cannot be told from "+
			"other rows: write this downgrade by hand (an execute with a DELETE), or give the bulk_insert "+
			"and its bulk_delete a unique constraint with key:", o.Table)
	}
	return dialect.ConflictKey(t, o.Key)
}

// deleteFile runs a bulk_delete from a file inside the revision's
// transaction: the file's rows are streamed and deleted by key in batches.
func (r *Runner) deleteFile(ctx context.Context, t *txn, p *plannedStep, u unit) error {
	return r.fileDeletes(p.step.Revision, u, func(st dialect.Statement) error {
		return r.exec(ctx, t.x(), p.id(), st)
	})
}

// deleteFile writes a bulk_delete from a file to a --sql script as
// DELETE statements with literal keys.
func (s *script) deleteFile(p *plannedStep, u unit) error {
	s.line("-- bulk_delete %s from %s", u.del.Table, u.del.File)
	return s.r.fileDeletes(p.step.Revision, u, func(st dialect.Statement) error {
		s.stmt(st)
		return s.err
	})
}

// fileDeletes streams the rows of u.del's file and passes fn one DELETE
// per batch, matching the rows' key values (column IN (...) for a key of
// one column, else an OR of ANDs), bound as a bulk load stored them. Rows
// with a NULL in the key match nothing for sure and are left, with a
// notice. One batch of keys is held in memory.
func (r *Runner) fileDeletes(rev *versions.Revision, u unit, fn func(dialect.Statement) error) error {
	o := u.del
	rd, table, err := r.openRows(rev, u.model, o.TableRef, o.File)
	if err != nil {
		return err
	}
	defer rd.Close()
	pos := make([]int, len(u.key))
	cols := make([]*metadata.Column, len(u.key))
	for i, k := range u.key {
		if pos[i] = slices.Index(rd.Columns(), k); pos[i] < 0 {
			return fmt.Errorf("%s has no column %s, which the key of %s needs to find the rows to delete", rd.Name(), k, o.Table)
		}
		cols[i] = table.Column(k)
	}
	valuer, _ := r.opts.Dialect.(dialect.BulkValuer)
	per := min(deleteRows, deleteParams/len(u.key))
	var (
		batch        [][]any
		done, nulled int64
	)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		st, err := dialect.Compile(r.opts.Dialect, &dialect.Delete{Table: o.TableRef, Where: keyMatch(u.key, batch)})
		if err != nil {
			return err
		}
		if err := fn(st); err != nil {
			return err
		}
		done += int64(len(batch))
		batch = batch[:0]
		r.emit(Event{Kind: Progress, Revision: rev.ID, Message: "bulk_delete " + o.Table + " from " + o.File, Rows: done})
		return nil
	}
	for {
		row, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		key := make([]any, len(pos))
		for i, p := range pos {
			key[i] = row[p]
			if valuer != nil && cols[i] != nil && key[i] != nil {
				key[i] = valuer.BulkValue(cols[i], key[i])
			}
		}
		if slices.Contains(key, nil) {
			nulled++
			continue
		}
		if batch = append(batch, key); len(batch) == per {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if nulled > 0 {
		r.emit(Event{Kind: Notice, Revision: rev.ID, Message: fmt.Sprintf(
			"bulk_delete %s from %s: %d rows have a NULL key value and were left in place", o.Table, o.File, nulled)})
	}
	return nil
}

// keyMatch is the condition matching rows whose key columns hold one of
// keys' value tuples.
func keyMatch(key []string, keys [][]any) dialect.Cond {
	if len(key) == 1 {
		vals := make([]any, len(keys))
		for i, k := range keys {
			vals[i] = k[0]
		}
		return dialect.In(key[0], vals...)
	}
	any := make([]dialect.Cond, len(keys))
	for i, k := range keys {
		all := make([]dialect.Cond, len(key))
		for j, c := range key {
			all[j] = dialect.Eq(c, k[j])
		}
		any[i] = dialect.And(all...)
	}
	return dialect.Or(any...)
}
