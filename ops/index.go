package ops

import (
	"errors"
	"fmt"

	"github.com/retortdb/retort/metadata"
)

// Name returns "create_index".
func (*CreateIndex) Name() string { return "create_index" }

// Name returns "drop_index".
func (*DropIndex) Name() string { return "drop_index" }

func (o *CreateIndex) what() string {
	if o.Index == nil || o.Index.Name == "" {
		return "create_index on " + o.qname()
	}
	return "create_index " + o.Index.Name
}

// Reverse returns a DropIndex carrying the index; an unnamed index is
// irreversible.
func (o *CreateIndex) Reverse() (Op, error) {
	if o.Index == nil {
		return nil, errors.New("create_index: no index")
	}
	if o.Index.Name == "" {
		return nil, irreversible(o.what(), "the index's name (name: ...)")
	}
	return &DropIndex{TableRef: o.TableRef, AlterMode: o.AlterMode, IndexName: o.Index.Name, Index: o.Index.Clone(), Concurrently: o.Concurrently}, nil
}

// Validate checks the table name and the index.
func (o *CreateIndex) Validate() error {
	if err := o.validateRef("create_index"); err != nil {
		return err
	}
	if o.Index == nil {
		return fmt.Errorf("%s: no index", o.what())
	}
	if err := o.AlterMode.validateIndexMode(o.what(), o.Concurrently); err != nil {
		return err
	}
	return validateIndex(o.Index, o.what())
}

func (o *CreateIndex) apply(m *metadata.MetaData) error {
	t, err := o.table(m, o.what())
	if err != nil {
		return err
	}
	if err := checkColumns(t, o.Index.Columns, o.what()); err != nil {
		return err
	}
	ix := o.Index.Clone()
	if ix.Name, err = deriveName(m, t, metadata.KindIndex, ix.Name, ix.Columns, "", nil); err != nil {
		return fmt.Errorf("%s: %w", o.what(), err)
	}
	if err := checkNameFree(t, ix.Name, o.what()); err != nil {
		return err
	}
	t.Indexes = append(t.Indexes, ix)
	return nil
}

// index returns the name of the dropped index.
func (o *DropIndex) index() string {
	if o.IndexName == "" && o.Index != nil {
		return o.Index.Name
	}
	return o.IndexName
}

func (o *DropIndex) what() string { return "drop_index " + o.index() }

// Reverse returns a CreateIndex of the carried index; without it the op is
// irreversible.
func (o *DropIndex) Reverse() (Op, error) {
	if o.Index == nil {
		return nil, irreversible(o.what(), "the index's definition (columns: [...], and unique, where, using, expressions when set)")
	}
	ix := o.Index.Clone()
	ix.Name = o.index()
	return &CreateIndex{TableRef: o.TableRef, AlterMode: o.AlterMode, Index: ix, Concurrently: o.Concurrently}, nil
}

// Validate checks the names and, when carried, the index.
func (o *DropIndex) Validate() error {
	if o.index() == "" {
		return errors.New("drop_index: no index name (name: ...)")
	}
	if err := o.validateRef(o.what()); err != nil {
		return err
	}
	if err := o.AlterMode.validateIndexMode(o.what(), o.Concurrently); err != nil {
		return err
	}
	if o.Index == nil {
		return nil
	}
	if o.IndexName != "" && o.Index.Name != "" && o.Index.Name != o.IndexName {
		return fmt.Errorf("%s: the carried index is %s", o.what(), o.Index.Name)
	}
	return validateIndex(o.Index, o.what())
}

func (o *DropIndex) apply(m *metadata.MetaData) error {
	t, err := o.table(m, o.what())
	if err != nil {
		return err
	}
	name := o.index()
	if t.Index(name) == nil {
		return fmt.Errorf("%s: table %s has no index %s", o.what(), t.QualifiedName(), name)
	}
	t.Indexes = deleteFunc(t.Indexes, func(ix *metadata.Index) bool { return ix.Name == name })
	return nil
}
