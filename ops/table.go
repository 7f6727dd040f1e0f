package ops

import (
	"errors"
	"fmt"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// Name returns "create_table".
func (*CreateTable) Name() string { return "create_table" }

// Name returns "drop_table".
func (*DropTable) Name() string { return "drop_table" }

// Name returns "rename_table".
func (*RenameTable) Name() string { return "rename_table" }

// Name returns "set_table_comment".
func (*SetTableComment) Name() string { return "set_table_comment" }

func (o *CreateTable) what() string {
	if o.Table == nil {
		return "create_table"
	}
	return "create_table " + o.Table.QualifiedName()
}

// Reverse returns a DropTable carrying the whole table.
func (o *CreateTable) Reverse() (Op, error) {
	if o.Table == nil {
		return nil, errors.New("create_table: no table")
	}
	return &DropTable{TableRef: TableRef{Schema: o.Table.Schema, Table: o.Table.Name}, Table: o.Table.Clone()}, nil
}

// Validate checks the table: a name, columns, and constraints and indexes
// over columns it has.
func (o *CreateTable) Validate() error {
	if o.Table == nil {
		return errors.New("create_table: no table")
	}
	return validateTable(o.Table, o.what())
}

func (o *CreateTable) apply(m *metadata.MetaData) error {
	if m.Table(o.Table.Schema, o.Table.Name) != nil {
		return fmt.Errorf("%s: table %s exists already", o.what(), o.Table.QualifiedName())
	}
	t := o.Table.Clone()
	// Name what the op left unnamed with m's convention, as the dialect
	// does when it renders the DDL.
	named := &metadata.MetaData{NamingConvention: m.NamingConvention, Tables: []*metadata.Table{t}}
	if err := named.ApplyNamingConvention(); err != nil {
		return fmt.Errorf("%s: %w", o.what(), err)
	}
	m.AddTable(t)
	return nil
}

func (o *DropTable) what() string { return "drop_table " + o.qname() }

// Reverse returns a CreateTable of the carried table; without it the op is
// irreversible.
func (o *DropTable) Reverse() (Op, error) {
	if o.Table == nil {
		return nil, irreversible(o.what(), "the full table (its columns, constraints and indexes, as in create_table)")
	}
	return &CreateTable{Table: o.Table.Clone()}, nil
}

// Validate checks the table name and, when carried, the definition.
func (o *DropTable) Validate() error {
	if err := o.validateRef("drop_table"); err != nil {
		return err
	}
	if o.Table == nil {
		return nil
	}
	if o.Table.Schema != o.Schema || o.Table.Name != o.TableRef.Table {
		return fmt.Errorf("%s: the carried table is %s", o.what(), o.Table.QualifiedName())
	}
	return validateTable(o.Table, o.what())
}

func (o *DropTable) apply(m *metadata.MetaData) error {
	if _, err := o.table(m, o.what()); err != nil {
		return err
	}
	if t, fk := referrer(m, o.Schema, o.TableRef.Table, ""); fk != nil {
		return fmt.Errorf("%s: foreign key %s of table %s refers to it; drop that first", o.what(), fk.Name, t.QualifiedName())
	}
	m.RemoveTable(o.Schema, o.TableRef.Table)
	dropTablePolicies(m, o.Schema, o.TableRef.Table)
	if len(m.Tables) == 0 {
		m.Tables = nil // as in a model that never had one
	}
	return nil
}

func (o *RenameTable) what() string { return "rename_table " + o.qname() }

// Reverse renames the table back.
func (o *RenameTable) Reverse() (Op, error) {
	return &RenameTable{TableRef: TableRef{Schema: o.Schema, Table: o.NewName}, NewName: o.Table}, nil
}

// Validate checks both names.
func (o *RenameTable) Validate() error {
	if err := o.validateRef("rename_table"); err != nil {
		return err
	}
	switch o.NewName {
	case "":
		return fmt.Errorf("%s: no new_name", o.what())
	case o.Table:
		return fmt.Errorf("%s: new_name is the same name", o.what())
	}
	return nil
}

func (o *RenameTable) apply(m *metadata.MetaData) error {
	t, err := o.table(m, o.what())
	if err != nil {
		return err
	}
	if m.Table(o.Schema, o.NewName) != nil {
		return fmt.Errorf("%s: table %s exists already", o.what(), TableRef{o.Schema, o.NewName}.qname())
	}
	renameTableRefs(m, o.Schema, o.Table, o.NewName)
	t.Name = o.NewName
	return nil
}

func (o *SetTableComment) what() string { return "set_table_comment " + o.qname() }

// Reverse restores ExistingComment; without it the op is irreversible.
func (o *SetTableComment) Reverse() (Op, error) {
	if o.ExistingComment == nil {
		return nil, irreversible(o.what(), "the comment it replaces (existing_comment: ..., or null for none)")
	}
	c := o.Comment
	return &SetTableComment{TableRef: o.TableRef, Comment: *o.ExistingComment, ExistingComment: &c}, nil
}

// Validate checks the table name.
func (o *SetTableComment) Validate() error { return o.validateRef("set_table_comment") }

func (o *SetTableComment) apply(m *metadata.MetaData) error {
	t, err := o.table(m, o.what())
	if err != nil {
		return err
	}
	t.Comment = o.Comment
	return nil
}

// Name returns "alter_table".
func (*AlterTable) Name() string { return "alter_table" }

func (o *AlterTable) what() string { return "alter_table " + o.qname() }

// Reverse swaps each changed option with its Existing* field; a changed
// option without it makes the op irreversible.
func (o *AlterTable) Reverse() (Op, error) {
	r := &AlterTable{TableRef: o.TableRef}
	var missing []string
	r.Charset, r.ExistingCharset = swap(o.Charset, o.ExistingCharset, "existing_charset", &missing)
	r.Collation, r.ExistingCollation = swap(o.Collation, o.ExistingCollation, "existing_collation", &missing)
	r.RowFormat, r.ExistingRowFormat = swap(o.RowFormat, o.ExistingRowFormat, "existing_row_format", &missing)
	if len(missing) > 0 {
		return nil, irreversible(o.what(), strings.Join(missing, ", ")+" (the options as they were)")
	}
	return r, nil
}

// Validate checks the table name and that something changes.
func (o *AlterTable) Validate() error {
	if err := o.validateRef("alter_table"); err != nil {
		return err
	}
	if o.Charset == nil && o.Collation == nil && o.RowFormat == nil {
		return fmt.Errorf("%s: nothing to change (charset, collation or row_format)", o.what())
	}
	return nil
}

func (o *AlterTable) apply(m *metadata.MetaData) error {
	t, err := o.table(m, o.what())
	if err != nil {
		return err
	}
	for _, f := range []struct {
		v   *string
		dst *string
	}{{o.Charset, &t.Charset}, {o.Collation, &t.Collation}, {o.RowFormat, &t.RowFormat}} {
		if f.v != nil {
			*f.dst = *f.v
		}
	}
	return nil
}
