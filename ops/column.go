package ops

import (
	"fmt"

	"github.com/retortdb/retort/metadata"
)

// Name returns "add_column".
func (*AddColumn) Name() string { return "add_column" }

// Name returns "drop_column".
func (*DropColumn) Name() string { return "drop_column" }

func (o *AddColumn) what() string {
	if o.Column == nil {
		return "add_column " + o.qname()
	}
	return "add_column " + o.qname() + "." + o.Column.Name
}

// Reverse returns a DropColumn carrying the column.
func (o *AddColumn) Reverse() (Op, error) {
	if o.Column == nil {
		return nil, fmt.Errorf("%s: no column", o.what())
	}
	return &DropColumn{TableRef: o.TableRef, AlterMode: o.AlterMode, ColumnName: o.Column.Name, Column: o.Column.Clone()}, nil
}

// Validate checks the table name and the column.
func (o *AddColumn) Validate() error {
	if err := o.validateRef("add_column"); err != nil {
		return err
	}
	if err := o.AlterMode.validate(o.what()); err != nil {
		return err
	}
	return validateColumn(o.Column, o.what())
}

func (o *AddColumn) apply(m *metadata.MetaData) error {
	t, err := o.table(m, o.what())
	if err != nil {
		return err
	}
	if t.Column(o.Column.Name) != nil {
		return fmt.Errorf("%s: table %s has a column %s already", o.what(), t.QualifiedName(), o.Column.Name)
	}
	t.AddColumn(o.Column.Clone())
	return nil
}

// column returns the name of the dropped column.
func (o *DropColumn) column() string {
	if o.ColumnName == "" && o.Column != nil {
		return o.Column.Name
	}
	return o.ColumnName
}

func (o *DropColumn) what() string { return "drop_column " + o.qname() + "." + o.column() }

// Reverse returns an AddColumn of the carried column; without it the op is
// irreversible.
func (o *DropColumn) Reverse() (Op, error) {
	if o.Column == nil {
		return nil, irreversible(o.what(), "the full column (column: {name, type, ...})")
	}
	return &AddColumn{TableRef: o.TableRef, AlterMode: o.AlterMode, Column: o.Column.Clone()}, nil
}

// Validate checks the names and, when carried, the column.
func (o *DropColumn) Validate() error {
	if err := o.validateRef("drop_column"); err != nil {
		return err
	}
	if err := o.AlterMode.validate(o.what()); err != nil {
		return err
	}
	if o.column() == "" {
		return fmt.Errorf("drop_column %s: no column name", o.qname())
	}
	if o.Column == nil {
		return nil
	}
	if o.ColumnName != "" && o.Column.Name != o.ColumnName {
		return fmt.Errorf("%s: the carried column is %s", o.what(), o.Column.Name)
	}
	return validateColumn(o.Column, o.what())
}

func (o *DropColumn) apply(m *metadata.MetaData) error {
	t, err := o.table(m, o.what())
	if err != nil {
		return err
	}
	name := o.column()
	switch {
	case t.Column(name) == nil:
		return fmt.Errorf("%s: table %s has no column %s", o.what(), t.QualifiedName(), name)
	case len(t.Columns) == 1:
		return fmt.Errorf("%s: it is the last column of %s; drop the table instead", o.what(), t.QualifiedName())
	}
	if user := columnUser(t, name); user != "" {
		return fmt.Errorf("%s: %s uses it; drop that first", o.what(), user)
	}
	if other, fk := referrer(m, t.Schema, t.Name, name); fk != nil {
		return fmt.Errorf("%s: foreign key %s of table %s refers to it; drop that first", o.what(), fk.Name, other.QualifiedName())
	}
	t.RemoveColumn(name)
	return nil
}
