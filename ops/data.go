package ops

import (
	"errors"
	"fmt"
	"slices"
	"sort"

	"github.com/retortdb/retort/metadata"
)

// Name returns "execute".
func (*Execute) Name() string { return "execute" }

// Name returns "bulk_insert".
func (*BulkInsert) Name() string { return "bulk_insert" }

// Name returns "bulk_delete".
func (*BulkDelete) Name() string { return "bulk_delete" }

// Name returns "call".
func (*Call) Name() string { return "call" }

// Reverse always fails: SQL text has no known reverse.
func (*Execute) Reverse() (Op, error) {
	return nil, &sentinelError{msg: "execute: raw SQL has no automatic reverse; write the downgrade's execute by hand", sentinel: ErrIrreversible}
}

// Validate checks that there is SQL, for every dialect or per dialect, not
// both.
func (o *Execute) Validate() error {
	switch {
	case o.SQL != "" && len(o.PerDialect) > 0:
		return errors.New("execute: give sql for every dialect or sql per dialect, not both")
	case o.SQL == "" && len(o.PerDialect) == 0:
		return errors.New("execute: no SQL (sql: ..., or postgresql:, mysql:, sqlite:)")
	}
	names := make([]string, 0, len(o.PerDialect))
	for d := range o.PerDialect {
		names = append(names, d)
	}
	sort.Strings(names)
	for _, d := range names {
		if d == "" || o.PerDialect[d] == "" {
			return fmt.Errorf("execute: empty SQL for dialect %q", d)
		}
	}
	return nil
}

func (o *Execute) apply(*metadata.MetaData) error {
	return &sentinelError{msg: "execute: raw SQL cannot be folded onto the model; offline mode does not see what it changes", sentinel: ErrNotFoldable}
}

func (o *BulkInsert) what() string { return "bulk_insert " + o.qname() }

// Reverse returns a BulkDelete of the same rows, matched by key. A load
// with on_conflict has no exact reverse: deleting its keys would delete
// the rows that were there before (skip) or lose their old values
// (update).
func (o *BulkInsert) Reverse() (Op, error) {
	if o.OnConflict != OnConflictError {
		return nil, &sentinelError{msg: fmt.Sprintf("%s with on_conflict: %s has no exact reverse (deleting its keys would also delete or lose the rows that were already there)", o.what(), o.OnConflict), sentinel: ErrIrreversible}
	}
	return &BulkDelete{TableRef: o.TableRef, Columns: slices.Clone(o.Columns), Rows: cloneRows(o.Rows), File: o.File, Key: o.Key}, nil
}

// Validate checks the table, the rows (or file) and the conflict policy.
func (o *BulkInsert) Validate() error {
	if err := o.validateRef("bulk_insert"); err != nil {
		return err
	}
	switch o.OnConflict {
	case OnConflictError, OnConflictSkip, OnConflictUpdate:
	default:
		return fmt.Errorf("%s: unknown on_conflict %q (skip or update)", o.what(), o.OnConflict)
	}
	return validateRows(o.what(), o.Columns, o.Rows, o.File)
}

func (*BulkInsert) apply(*metadata.MetaData) error { return nil }

func (o *BulkDelete) what() string { return "bulk_delete " + o.qname() }

// Reverse returns a BulkInsert of the same rows.
func (o *BulkDelete) Reverse() (Op, error) {
	return &BulkInsert{TableRef: o.TableRef, Columns: slices.Clone(o.Columns), Rows: cloneRows(o.Rows), File: o.File, Key: o.Key}, nil
}

// Validate checks the table and the rows (or file).
func (o *BulkDelete) Validate() error {
	if err := o.validateRef("bulk_delete"); err != nil {
		return err
	}
	return validateRows(o.what(), o.Columns, o.Rows, o.File)
}

func (*BulkDelete) apply(*metadata.MetaData) error { return nil }

// validateRows checks that there are rows or a file, not both, and that
// every row has a value of a known kind for each column.
func validateRows(what string, cols []string, rows [][]any, file string) error {
	switch {
	case file != "" && (rows != nil || cols != nil):
		return fmt.Errorf("%s: give rows or file, not both", what)
	case file != "":
		return nil
	case len(rows) == 0:
		return fmt.Errorf("%s: no rows (rows: [...] or file: ...)", what)
	}
	if err := distinct(cols, what, "rows"); err != nil {
		return err
	}
	if len(cols) == 0 {
		return fmt.Errorf("%s: rows have no columns", what)
	}
	for i, row := range rows {
		if len(row) != len(cols) {
			return fmt.Errorf("%s: row %d has %d values for %d columns", what, i+1, len(row), len(cols))
		}
		for j, v := range row {
			switch v.(type) {
			case nil, string, int64, float64, bool:
			default:
				return fmt.Errorf("%s: row %d, column %s: a value of type %T (want nil, string, int64, float64 or bool)", what, i+1, cols[j], v)
			}
		}
	}
	return nil
}

func cloneRows(rows [][]any) [][]any {
	if rows == nil {
		return nil
	}
	out := make([][]any, len(rows))
	for i, r := range rows {
		out[i] = slices.Clone(r)
	}
	return out
}

func (o *Call) what() string { return "call " + o.Function }

// Reverse returns a Call of ReverseName (whose reverse is Function again);
// without it the op is irreversible.
func (o *Call) Reverse() (Op, error) {
	if o.ReverseName == "" {
		return nil, irreversible(o.what(), "the name of the function that undoes it (call: {function: ..., reverse: ...})")
	}
	return &Call{Function: o.ReverseName, ReverseName: o.Function}, nil
}

// Validate checks that a function is named.
func (o *Call) Validate() error {
	if o.Function == "" {
		return errors.New("call: no function name")
	}
	return nil
}

func (*Call) apply(*metadata.MetaData) error { return nil }
