package ops

import (
	"errors"
	"fmt"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// ValidateConstraint checks the rows a foreign key or check added NOT
// VALID let in (PostgreSQL VALIDATE CONSTRAINT: a scan under a lock that
// lets reads and writes go on). In the model it clears the constraint's
// NotValid (Invalidate sets it); the table must have the constraint.
//
// Its reverse, Invalidate, puts the constraint back to NOT VALID: dropped
// and added again NOT VALID, which scans nothing. That needs the whole
// constraint, ForeignKey or Check, as a drop's reverse does.
type ValidateConstraint struct {
	TableRef
	ConstraintName string
	// Type is ConstraintForeignKey or ConstraintCheck; inferred from a
	// carried definition when empty.
	Type       string
	ForeignKey *metadata.ForeignKey
	Check      *metadata.Check
	Invalidate bool
}

func (*ValidateConstraint) op() {}

// Name returns "validate_constraint".
func (*ValidateConstraint) Name() string { return "validate_constraint" }

func (o *ValidateConstraint) what() string {
	return "validate_constraint " + o.ConstraintName + " on " + o.qname()
}

// Kind is the constraint's type: Type, or the carried definition's.
func (o *ValidateConstraint) Kind() string {
	switch {
	case o.Type != "":
		return o.Type
	case o.ForeignKey != nil:
		return ConstraintForeignKey
	case o.Check != nil:
		return ConstraintCheck
	}
	return ""
}

// Reverse returns the op that undoes it (Invalidate flipped), carrying the
// same definition; without one the op is irreversible.
func (o *ValidateConstraint) Reverse() (Op, error) {
	if o.ForeignKey == nil && o.Check == nil {
		return nil, irreversible(o.what(), "the constraint's definition (ref_table and columns, or expression), to add it back NOT VALID")
	}
	r := *o
	if o.ForeignKey != nil {
		r.ForeignKey = o.ForeignKey.Clone()
	}
	if o.Check != nil {
		r.Check = o.Check.Clone()
	}
	r.Invalidate = !o.Invalidate
	return &r, nil
}

// Validate checks the name, the type and the carried definition.
func (o *ValidateConstraint) Validate() error {
	if o.ConstraintName == "" {
		return errors.New("validate_constraint: no constraint name (name: ...)")
	}
	if err := o.validateRef(o.what()); err != nil {
		return err
	}
	switch {
	case o.ForeignKey != nil && o.Check != nil:
		return fmt.Errorf("%s: carries a foreign key and a check", o.what())
	case o.Kind() != ConstraintForeignKey && o.Kind() != ConstraintCheck:
		return fmt.Errorf("%s: type %q: only a foreign key or a check can be NOT VALID (type: foreignkey or check)", o.what(), o.Kind())
	case o.Type == ConstraintForeignKey && o.Check != nil, o.Type == ConstraintCheck && o.ForeignKey != nil:
		return fmt.Errorf("%s: type %s with another kind's definition", o.what(), o.Type)
	case o.ForeignKey != nil:
		return validateForeignKey(o.ForeignKey, o.what())
	case o.Check != nil:
		return validateCheck(o.Check, o.what())
	}
	return nil
}

// apply marks the table's constraint valid, or NOT VALID (Invalidate).
func (o *ValidateConstraint) apply(m *metadata.MetaData) error {
	t, err := o.table(m, o.what())
	if err != nil {
		return err
	}
	var notValid *bool
	if o.Kind() == ConstraintForeignKey {
		if i := slices.IndexFunc(t.ForeignKeys, func(fk *metadata.ForeignKey) bool { return fk.Name == o.ConstraintName }); i >= 0 {
			notValid = &t.ForeignKeys[i].NotValid
		}
	} else if i := slices.IndexFunc(t.Checks, func(c *metadata.Check) bool { return c.Name == o.ConstraintName }); i >= 0 {
		notValid = &t.Checks[i].NotValid
	}
	if notValid == nil {
		return fmt.Errorf("%s: table %s has no %s %s", o.what(), t.QualifiedName(), o.Kind(), o.ConstraintName)
	}
	*notValid = o.Invalidate
	return nil
}

func decodeValidateConstraint(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("validate_constraint", n, "name"), append(withRef("name", "type", "invalidate"), opElementKeys(constraintDefinitionKeys)...))
	op := &ValidateConstraint{TableRef: o.ref(), ConstraintName: o.required("name"), Type: o.str("type"), Invalidate: o.boolean("invalidate")}
	typ := op.Type
	if typ == "" {
		typ = inferConstraintType(o)
	}
	for _, k := range opElementKeys(constraintDefinitionKeys) {
		if o.has(k) {
			if typ != ConstraintForeignKey && typ != ConstraintCheck || !slices.Contains(constraintKeys[typ], k) {
				d.errorf(o.f[k].key, "%s: %s is not part of a %s's definition", o.what, k, typ)
				return op
			}
			dc := &DropConstraint{}
			setConstraintDefinition(d, o, dc, typ)
			op.ForeignKey, op.Check = dc.ForeignKey, dc.Check
			break
		}
	}
	return op
}

func (o *ValidateConstraint) encode() (*yaml.Node, error) {
	b := newMap()
	b.set("name", strNode(o.ConstraintName))
	b.ref(o.TableRef)
	b.str("type", o.Type)
	b.flag("invalidate", o.Invalidate)
	switch {
	case o.Check != nil:
		return b.n, b.element(metadata.EncodeCheck(o.Check))
	case o.ForeignKey != nil:
		return b.n, b.element(metadata.EncodeForeignKey(o.ForeignKey))
	}
	return b.n, nil
}
