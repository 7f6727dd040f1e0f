package ops

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// RenameIndex renames an index of a table, keeping the index: what a
// release that only renames an index needs, where a drop and a create
// would build it again (PostgreSQL's ALTER INDEX ... RENAME TO, MySQL's
// RENAME INDEX; SQLite, which has no rename, drops and creates it).
type RenameIndex struct {
	TableRef
	IndexName string
	NewName   string
}

// Name returns "rename_index".
func (*RenameIndex) Name() string { return "rename_index" }

func (*RenameIndex) op() {}

func (o *RenameIndex) what() string { return "rename_index " + o.IndexName }

// Reverse renames back.
func (o *RenameIndex) Reverse() (Op, error) {
	return &RenameIndex{TableRef: o.TableRef, IndexName: o.NewName, NewName: o.IndexName}, nil
}

// Validate checks the table and both names.
func (o *RenameIndex) Validate() error {
	if err := o.validateRef("rename_index"); err != nil {
		return err
	}
	switch {
	case o.IndexName == "" || o.NewName == "":
		return fmt.Errorf("%s: name and new_name are both needed", o.what())
	case o.IndexName == o.NewName:
		return fmt.Errorf("%s: new_name is the same name", o.what())
	}
	return nil
}

func (o *RenameIndex) apply(m *metadata.MetaData) error {
	t, err := o.table(m, o.what())
	if err != nil {
		return err
	}
	ix := t.Index(o.IndexName)
	if ix == nil {
		return fmt.Errorf("%s: table %s has no index %s", o.what(), t.QualifiedName(), o.IndexName)
	}
	if err := checkNameFree(t, o.NewName, o.what()); err != nil {
		return err
	}
	ix.Name = o.NewName
	return nil
}

func (o *RenameIndex) encode() (*yaml.Node, error) {
	b := newMap()
	b.set("name", strNode(o.IndexName))
	b.ref(o.TableRef)
	b.set("new_name", strNode(o.NewName))
	return b.n, nil
}

func decodeRenameIndex(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("rename_index", n, "name"), withRef("name", "new_name"))
	return &RenameIndex{TableRef: o.ref(), IndexName: o.required("name"), NewName: o.required("new_name")}
}
