package ops

import (
	"errors"
	"fmt"

	"github.com/retortdb/retort/metadata"
)

// Name returns "create_unique_constraint".
func (*CreateUniqueConstraint) Name() string { return "create_unique_constraint" }

// Name returns "create_foreign_key".
func (*CreateForeignKey) Name() string { return "create_foreign_key" }

// Name returns "create_check_constraint".
func (*CreateCheckConstraint) Name() string { return "create_check_constraint" }

// Name returns "create_primary_key".
func (*CreatePrimaryKey) Name() string { return "create_primary_key" }

// constraintWhat describes a create op on a constraint named name.
func constraintWhat(op, name string, r TableRef) string {
	if name == "" {
		return op + " on " + r.qname()
	}
	return op + " " + name + " on " + r.qname()
}

// dropOf returns the DropConstraint reversing a create op, or an
// irreversible error when the constraint has no name.
func dropOf(r TableRef, what, typ, name string) (*DropConstraint, error) {
	if name == "" {
		return nil, irreversible(what, "the constraint's name (name: ...)")
	}
	return &DropConstraint{TableRef: r, ConstraintName: name, Type: typ}, nil
}

func (o *CreateUniqueConstraint) what() string {
	return constraintWhat("create_unique_constraint", nameOf(o.Unique, func(u *metadata.Unique) string { return u.Name }), o.TableRef)
}

// Reverse returns a DropConstraint carrying the constraint.
func (o *CreateUniqueConstraint) Reverse() (Op, error) {
	if o.Unique == nil {
		return nil, errors.New("create_unique_constraint: no constraint")
	}
	d, err := dropOf(o.TableRef, o.what(), ConstraintUnique, o.Unique.Name)
	if err != nil {
		return nil, err
	}
	d.Unique = o.Unique.Clone()
	d.AlterMode = o.AlterMode
	return d, nil
}

// Validate checks the table name and the constraint.
func (o *CreateUniqueConstraint) Validate() error {
	if o.Unique == nil {
		return errors.New("create_unique_constraint: no constraint")
	}
	if err := o.validateRef(o.what()); err != nil {
		return err
	}
	if err := o.AlterMode.validate(o.what()); err != nil {
		return err
	}
	return validateUnique(o.Unique, o.what())
}

func (o *CreateUniqueConstraint) apply(m *metadata.MetaData) error {
	t, err := o.table(m, o.what())
	if err != nil {
		return err
	}
	u := o.Unique.Clone()
	if err := addConstraint(m, t, o.what(), metadata.KindUnique, &u.Name, u.Columns, "", nil); err != nil {
		return err
	}
	t.Uniques = append(t.Uniques, u)
	return nil
}

// addConstraint checks that t has cols and that the name, derived from m's
// convention when empty, is free.
func addConstraint(m *metadata.MetaData, t *metadata.Table, what, kind string, name *string, cols []string, refTable string, refCols []string) error {
	if err := checkColumns(t, cols, what); err != nil {
		return err
	}
	n, err := deriveName(m, t, kind, *name, cols, refTable, refCols)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := checkNameFree(t, n, what); err != nil {
		return err
	}
	*name = n
	return nil
}

func (o *CreateForeignKey) what() string {
	return constraintWhat("create_foreign_key", nameOf(o.ForeignKey, func(fk *metadata.ForeignKey) string { return fk.Name }), o.TableRef)
}

// Reverse returns a DropConstraint carrying the foreign key.
func (o *CreateForeignKey) Reverse() (Op, error) {
	if o.ForeignKey == nil {
		return nil, errors.New("create_foreign_key: no foreign key")
	}
	// An unnamed foreign key (SQLite's usual spelling: foreign keys there
	// have no names) is identified by what it holds: its columns and the
	// table and columns it references.
	d := &DropConstraint{TableRef: o.TableRef, AlterMode: o.AlterMode, ConstraintName: o.ForeignKey.Name, Type: ConstraintForeignKey, NotValid: o.NotValid}
	d.ForeignKey = o.ForeignKey.Clone()
	return d, nil
}

// Validate checks the table name and the foreign key.
func (o *CreateForeignKey) Validate() error {
	if o.ForeignKey == nil {
		return errors.New("create_foreign_key: no foreign key")
	}
	if err := o.validateRef(o.what()); err != nil {
		return err
	}
	if err := o.AlterMode.validate(o.what()); err != nil {
		return err
	}
	return validateForeignKey(o.ForeignKey, o.what())
}

func (o *CreateForeignKey) apply(m *metadata.MetaData) error {
	t, err := o.table(m, o.what())
	if err != nil {
		return err
	}
	fk := o.ForeignKey.Clone()
	fk.NotValid = o.IsNotValid()
	if err := addConstraint(m, t, o.what(), metadata.KindForeignKey, &fk.Name, fk.Columns, fk.RefTable, fk.RefColumns); err != nil {
		return err
	}
	t.ForeignKeys = append(t.ForeignKeys, fk)
	return nil
}

func (o *CreateCheckConstraint) what() string {
	return constraintWhat("create_check_constraint", nameOf(o.Check, func(c *metadata.Check) string { return c.Name }), o.TableRef)
}

// Reverse returns a DropConstraint carrying the check.
func (o *CreateCheckConstraint) Reverse() (Op, error) {
	if o.Check == nil {
		return nil, errors.New("create_check_constraint: no check")
	}
	d, err := dropOf(o.TableRef, o.what(), ConstraintCheck, o.Check.Name)
	if err != nil {
		return nil, err
	}
	d.Check = o.Check.Clone()
	d.NotValid = o.NotValid
	d.AlterMode = o.AlterMode
	return d, nil
}

// Validate checks the table name and the expression.
func (o *CreateCheckConstraint) Validate() error {
	if o.Check == nil {
		return errors.New("create_check_constraint: no check")
	}
	if err := o.validateRef(o.what()); err != nil {
		return err
	}
	if err := o.AlterMode.validate(o.what()); err != nil {
		return err
	}
	return validateCheck(o.Check, o.what())
}

func (o *CreateCheckConstraint) apply(m *metadata.MetaData) error {
	t, err := o.table(m, o.what())
	if err != nil {
		return err
	}
	c := o.Check.Clone()
	c.NotValid = o.IsNotValid()
	if err := addConstraint(m, t, o.what(), metadata.KindCheck, &c.Name, nil, "", nil); err != nil {
		return err
	}
	t.Checks = append(t.Checks, c)
	return nil
}

func (o *CreatePrimaryKey) what() string {
	return constraintWhat("create_primary_key", nameOf(o.PrimaryKey, func(pk *metadata.PrimaryKey) string { return pk.Name }), o.TableRef)
}

// Reverse returns a DropConstraint carrying the key.
func (o *CreatePrimaryKey) Reverse() (Op, error) {
	if o.PrimaryKey == nil {
		return nil, errors.New("create_primary_key: no primary key")
	}
	d, err := dropOf(o.TableRef, o.what(), ConstraintPrimary, o.PrimaryKey.Name)
	if err != nil {
		return nil, err
	}
	d.PrimaryKey = o.PrimaryKey.Clone()
	return d, nil
}

// Validate checks the table name and the key's columns.
func (o *CreatePrimaryKey) Validate() error {
	if o.PrimaryKey == nil {
		return errors.New("create_primary_key: no primary key")
	}
	if err := o.validateRef(o.what()); err != nil {
		return err
	}
	return validatePrimaryKey(o.PrimaryKey, o.what())
}

func (o *CreatePrimaryKey) apply(m *metadata.MetaData) error {
	t, err := o.table(m, o.what())
	if err != nil {
		return err
	}
	if t.PrimaryKey != nil {
		return fmt.Errorf("%s: table %s has a primary key already", o.what(), t.QualifiedName())
	}
	pk := o.PrimaryKey.Clone()
	if err := addConstraint(m, t, o.what(), metadata.KindPrimaryKey, &pk.Name, pk.Columns, "", nil); err != nil {
		return err
	}
	t.PrimaryKey = pk
	for _, c := range pk.Columns {
		t.Column(c).Nullable = false // as the databases do
	}
	return nil
}

// nameOf returns the name of a possibly nil object.
func nameOf[T any](v *T, name func(*T) string) string {
	if v == nil {
		return ""
	}
	return name(v)
}
