package ops

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// RenameConstraint renames a constraint of a table in place, keeping it
// (PostgreSQL's ALTER TABLE ... RENAME CONSTRAINT, which renames the index
// of a key too): what a release that only renames a constraint needs,
// where a drop and a create would check the rows again. MySQL, MariaDB
// and SQLite refuse it at plan time.
type RenameConstraint struct {
	TableRef
	ConstraintName string
	NewName        string
}

// Name returns "rename_constraint".
func (*RenameConstraint) Name() string { return "rename_constraint" }

func (*RenameConstraint) op() {}

func (o *RenameConstraint) what() string {
	return "rename_constraint " + o.ConstraintName + " on " + o.qname()
}

// Reverse renames back.
func (o *RenameConstraint) Reverse() (Op, error) {
	return &RenameConstraint{TableRef: o.TableRef, ConstraintName: o.NewName, NewName: o.ConstraintName}, nil
}

// Validate checks the table and both names.
func (o *RenameConstraint) Validate() error {
	if err := o.validateRef(o.what()); err != nil {
		return err
	}
	switch {
	case o.ConstraintName == "" || o.NewName == "":
		return fmt.Errorf("%s: name and new_name are both needed", o.what())
	case o.ConstraintName == o.NewName:
		return fmt.Errorf("%s: new_name is the same name", o.what())
	}
	return nil
}

func (o *RenameConstraint) apply(m *metadata.MetaData) error {
	t, err := o.table(m, o.what())
	if err != nil {
		return err
	}
	name, _ := constraintFields(t, o.ConstraintName)
	if name == nil {
		return fmt.Errorf("%s: table %s has no constraint %s", o.what(), t.QualifiedName(), o.ConstraintName)
	}
	if err := checkNameFree(t, o.NewName, o.what()); err != nil {
		return err
	}
	*name = o.NewName
	return nil
}

func (o *RenameConstraint) encode() (*yaml.Node, error) {
	b := newMap()
	b.set("name", strNode(o.ConstraintName))
	b.ref(o.TableRef)
	b.set("new_name", strNode(o.NewName))
	return b.n, nil
}

func init() {
	decoders["rename_constraint"] = func(d *decoder, n *yaml.Node) Op {
		o := d.obj(n, labelled("rename_constraint", n, "name"), withRef("name", "new_name"))
		return &RenameConstraint{TableRef: o.ref(), ConstraintName: o.required("name"), NewName: o.required("new_name")}
	}
}
