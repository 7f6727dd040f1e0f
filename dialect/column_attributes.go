package dialect

import (
	"errors"
	"fmt"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// ErrNoColumnAttributes is what a database without PostgreSQL's column
// attributes (storage, compression, statistics target, attribute
// options: metadata.ColumnAttributes) answers an op that sets them with,
// wrapped with the database's name and the column.
var ErrNoColumnAttributes = errors.New("the database has no column storage, compression, statistics or attribute options; " +
	"remove attributes: from the column, or target PostgreSQL")

// refuseColumnAttributes returns the error of a create_table, add_column
// or alter_column that sets a column's attributes, and nil for any other
// op or one that sets none.
func refuseColumnAttributes(dialect string, o ops.Op) error {
	var ref ops.TableRef
	var cols []*metadata.Column
	switch o := o.(type) {
	case *ops.CreateTable:
		ref, cols = TableOf(o.Table), o.Table.Columns
	case *ops.AddColumn:
		ref, cols = o.TableRef, []*metadata.Column{o.Column}
	case *ops.AlterColumn:
		if o.Attributes != nil && (!o.Attributes.IsZero() || (o.ExistingAttributes != nil && !o.ExistingAttributes.IsZero())) {
			return fmt.Errorf("%s: column %s.%s: %w", dialect, o.Table, o.ColumnName, ErrNoColumnAttributes)
		}
	}
	for _, c := range cols {
		if c != nil && !c.Attributes.IsZero() {
			return fmt.Errorf("%s: column %s.%s: %w", dialect, ref.Table, c.Name, ErrNoColumnAttributes)
		}
	}
	return nil
}
