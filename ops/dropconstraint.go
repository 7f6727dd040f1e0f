package ops

import (
	"fmt"
	"slices"

	"github.com/retortdb/retort/metadata"
)

// Name returns "drop_constraint".
func (*DropConstraint) Name() string { return "drop_constraint" }

// constraintTypes lists the values of DropConstraint.Type.
var constraintTypes = []string{ConstraintUnique, ConstraintForeignKey, ConstraintCheck, ConstraintPrimary, ConstraintExclude}

// definition returns the type and name of the carried definition, or ""
// when there is none; n counts the definitions set.
func (o *DropConstraint) definition() (typ, name string, n int) {
	if o.Unique != nil {
		typ, name, n = ConstraintUnique, o.Unique.Name, n+1
	}
	if o.ForeignKey != nil {
		typ, name, n = ConstraintForeignKey, o.ForeignKey.Name, n+1
	}
	if o.Check != nil {
		typ, name, n = ConstraintCheck, o.Check.Name, n+1
	}
	if o.PrimaryKey != nil {
		typ, name, n = ConstraintPrimary, o.PrimaryKey.Name, n+1
	}
	if o.Exclusion != nil {
		typ, name, n = ConstraintExclude, o.Exclusion.Name, n+1
	}
	return typ, name, n
}

// constraint returns the name of the dropped constraint.
func (o *DropConstraint) constraint() string {
	if o.ConstraintName == "" {
		_, name, _ := o.definition()
		return name
	}
	return o.ConstraintName
}

func (o *DropConstraint) what() string {
	if o.constraint() == "" && o.ForeignKey != nil {
		fk := o.ForeignKey
		return fmt.Sprintf("drop_constraint (foreign key %v -> %s%v) on %s", fk.Columns, fk.RefTable, fk.RefColumns, o.qname())
	}
	return "drop_constraint " + o.constraint() + " on " + o.qname()
}

// Reverse returns the create op of the carried definition; without one the
// op is irreversible.
func (o *DropConstraint) Reverse() (Op, error) {
	name := o.constraint()
	switch {
	case o.Unique != nil:
		u := o.Unique.Clone()
		u.Name = name
		return &CreateUniqueConstraint{TableRef: o.TableRef, AlterMode: o.AlterMode, Unique: u}, nil
	case o.ForeignKey != nil:
		fk := o.ForeignKey.Clone()
		fk.Name = name
		return &CreateForeignKey{TableRef: o.TableRef, AlterMode: o.AlterMode, ForeignKey: fk, NotValid: o.NotValid}, nil
	case o.Check != nil:
		c := o.Check.Clone()
		c.Name = name
		return &CreateCheckConstraint{TableRef: o.TableRef, AlterMode: o.AlterMode, Check: c, NotValid: o.NotValid}, nil
	case o.PrimaryKey != nil:
		pk := o.PrimaryKey.Clone()
		pk.Name = name
		return &CreatePrimaryKey{TableRef: o.TableRef, PrimaryKey: pk}, nil
	case o.Exclusion != nil:
		x := o.Exclusion.Clone()
		x.Name = name
		return &CreateExclusionConstraint{TableRef: o.TableRef, Exclusion: x}, nil
	}
	return nil, irreversible(o.what(), "the constraint's definition (type: unique|foreignkey|check|primary, with its columns, ref_table and ref_columns, or expression)")
}

// Validate checks the names, the type, and that the carried definition
// (at most one) matches the type.
func (o *DropConstraint) Validate() error {
	if o.constraint() == "" && o.ForeignKey == nil {
		return fmt.Errorf("drop_constraint on %s: no constraint name (name: ...), and no foreign key that names it by its columns", o.qname())
	}
	if err := o.validateRef(o.what()); err != nil {
		return err
	}
	if err := o.AlterMode.validate(o.what()); err != nil {
		return err
	}
	if o.Type != "" && !slices.Contains(constraintTypes, o.Type) {
		return fmt.Errorf("%s: unknown type %q (one of %q)", o.what(), o.Type, constraintTypes)
	}
	typ, name, n := o.definition()
	switch {
	case n > 1:
		return fmt.Errorf("%s: carries %d definitions; give one", o.what(), n)
	case n == 0:
		return nil
	case o.Type != "" && o.Type != typ:
		return fmt.Errorf("%s: type is %s but the definition is a %s", o.what(), o.Type, typ)
	case name != "" && o.ConstraintName != "" && name != o.ConstraintName:
		return fmt.Errorf("%s: the carried definition is named %s", o.what(), name)
	}
	return o.validateDefinition()
}

func (o *DropConstraint) validateDefinition() error {
	switch {
	case o.Unique != nil:
		return validateUnique(o.Unique, o.what())
	case o.ForeignKey != nil:
		return validateForeignKey(o.ForeignKey, o.what())
	case o.Check != nil:
		return validateCheck(o.Check, o.what())
	case o.Exclusion != nil:
		return validateExclusion(o.Exclusion, o.what())
	}
	return validatePrimaryKey(o.PrimaryKey, o.what())
}

func (o *DropConstraint) apply(m *metadata.MetaData) error {
	t, err := o.table(m, o.what())
	if err != nil {
		return err
	}
	typ := o.Type
	if typ == "" {
		typ, _, _ = o.definition()
	}
	name := o.constraint()
	if name == "" && o.ForeignKey != nil {
		if i := slices.IndexFunc(t.ForeignKeys, o.ForeignKey.SameTarget); i >= 0 {
			t.ForeignKeys = slices.Delete(t.ForeignKeys, i, i+1)
			return nil
		}
		return fmt.Errorf("%s: table %s has no such foreign key", o.what(), t.QualifiedName())
	}
	if drop(t, typ, name) {
		return nil
	}
	kind := "constraint"
	if typ != "" {
		kind = map[string]string{ConstraintUnique: "unique constraint", ConstraintForeignKey: "foreign key",
			ConstraintCheck: "check constraint", ConstraintPrimary: "primary key", ConstraintExclude: "exclusion constraint"}[typ]
	}
	return fmt.Errorf("%s: table %s has no %s %s", o.what(), t.QualifiedName(), kind, name)
}

// drop removes the constraint of t of type typ (any type when empty) called
// name and reports whether there was one. A primary key the model holds
// unnamed matches any name: the database named it.
func drop(t *metadata.Table, typ, name string) bool {
	any := typ == ""
	switch {
	case (any || typ == ConstraintUnique) && t.Unique(name) != nil:
		t.Uniques = deleteFunc(t.Uniques, func(u *metadata.Unique) bool { return u.Name == name })
	case (any || typ == ConstraintForeignKey) && t.ForeignKey(name) != nil:
		t.ForeignKeys = deleteFunc(t.ForeignKeys, func(fk *metadata.ForeignKey) bool { return fk.Name == name })
	case (any || typ == ConstraintCheck) && t.Check(name) != nil:
		t.Checks = deleteFunc(t.Checks, func(c *metadata.Check) bool { return c.Name == name })
	case (any || typ == ConstraintExclude) && t.Exclusion(name) != nil:
		t.Exclusions = deleteFunc(t.Exclusions, func(x *metadata.Exclusion) bool { return x.Name == name })
	case (any || typ == ConstraintPrimary) && t.PrimaryKey != nil &&
		(t.PrimaryKey.Name == name || (!any && t.PrimaryKey.Name == "")):
		t.PrimaryKey = nil
	default:
		return false
	}
	return true
}
