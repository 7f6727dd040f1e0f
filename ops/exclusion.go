package ops

import (
	"errors"
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// CreateExclusionConstraint adds an exclusion constraint (PostgreSQL's
// ALTER TABLE ADD CONSTRAINT ... EXCLUDE USING ...). MySQL, MariaDB and
// SQLite have none and refuse it at plan time.
type CreateExclusionConstraint struct {
	TableRef
	Exclusion *metadata.Exclusion
}

// ConstraintExclude is DropConstraint's type of an exclusion constraint.
const ConstraintExclude = "exclude"

func (*CreateExclusionConstraint) op() {}

// Name returns "create_exclude_constraint" (Alembic's name).
func (*CreateExclusionConstraint) Name() string { return "create_exclude_constraint" }

func (o *CreateExclusionConstraint) what() string {
	return constraintWhat("create_exclude_constraint", nameOf(o.Exclusion, func(x *metadata.Exclusion) string { return x.Name }), o.TableRef)
}

// Reverse returns a DropConstraint carrying the constraint.
func (o *CreateExclusionConstraint) Reverse() (Op, error) {
	if o.Exclusion == nil {
		return nil, errors.New("create_exclude_constraint: no constraint")
	}
	d, err := dropOf(o.TableRef, o.what(), ConstraintExclude, o.Exclusion.Name)
	if err != nil {
		return nil, err
	}
	d.Exclusion = o.Exclusion.Clone()
	return d, nil
}

// Validate checks the table name and the constraint.
func (o *CreateExclusionConstraint) Validate() error {
	if o.Exclusion == nil {
		return errors.New("create_exclude_constraint: no constraint")
	}
	if err := o.validateRef(o.what()); err != nil {
		return err
	}
	return validateExclusion(o.Exclusion, o.what())
}

// validateExclusion checks that x has elements, each with one of column
// and expression, and an operator.
func validateExclusion(x *metadata.Exclusion, what string) error {
	if len(x.Elements) == 0 {
		return fmt.Errorf("%s: exclusion constraint %s has no elements (elements: [{column: ..., operator: ...}])", what, x.Name)
	}
	for i, e := range x.Elements {
		if (e.Column == "") == (e.Expression == "") || e.Operator == "" {
			return fmt.Errorf("%s: exclusion constraint %s: element %d needs one of column and expression, and an operator", what, x.Name, i+1)
		}
	}
	return nil
}

func (o *CreateExclusionConstraint) apply(m *metadata.MetaData) error {
	t, err := o.table(m, o.what())
	if err != nil {
		return err
	}
	x := o.Exclusion.Clone()
	if err := checkColumns(t, append(x.Columns(), x.Include...), o.what()); err != nil {
		return err
	}
	if err := checkNameFree(t, x.Name, o.what()); err != nil {
		return err
	}
	t.Exclusions = append(t.Exclusions, x)
	return nil
}

func decodeCreateExclusion(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("create_exclude_constraint", n, "name"), withRef(exclusionKeys...))
	return &CreateExclusionConstraint{TableRef: o.ref(), Exclusion: element(d, o, exclusionKeys, metadata.DecodeExclusion)}
}

func (o *CreateExclusionConstraint) encode() (*yaml.Node, error) {
	b := newMap()
	b.str("name", o.Exclusion.Name)
	b.ref(o.TableRef)
	return b.n, b.element(metadata.EncodeExclusion(o.Exclusion))
}
