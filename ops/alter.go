package ops

import (
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// Name returns "alter_column".
func (*AlterColumn) Name() string { return "alter_column" }

func (o *AlterColumn) what() string { return "alter_column " + o.qname() + "." + o.ColumnName }

// changes reports whether the op changes anything.
func (o *AlterColumn) changes() bool {
	return o.NewName != "" || o.Type != nil || o.Nullable != nil || o.Default != nil ||
		o.Comment != nil || o.AutoIncrement != nil || o.Charset != nil || o.Collation != nil ||
		o.Identity != nil || o.Sequence != nil || o.Generated != nil || o.Attributes != nil
}

// Reverse swaps each changed field with its Existing* field and renames
// back. A field changed without its Existing* counterpart makes the op
// irreversible; the error lists the fields to add.
func (o *AlterColumn) Reverse() (Op, error) {
	r := &AlterColumn{TableRef: o.TableRef, AlterMode: o.AlterMode, ColumnName: o.ColumnName, Online: o.Online}
	if o.NewName != "" {
		r.ColumnName, r.NewName = o.NewName, o.ColumnName
	}
	var missing []string
	r.Type, r.ExistingType = swap(o.Type, o.ExistingType, "existing_type", &missing)
	r.Nullable, r.ExistingNullable = swap(o.Nullable, o.ExistingNullable, "existing_nullable", &missing)
	r.Default, r.ExistingDefault = swap(o.Default, o.ExistingDefault, "existing_default", &missing)
	r.Comment, r.ExistingComment = swap(o.Comment, o.ExistingComment, "existing_comment", &missing)
	r.AutoIncrement, r.ExistingAutoIncrement = swap(o.AutoIncrement, o.ExistingAutoIncrement, "existing_autoincrement", &missing)
	r.Charset, r.ExistingCharset = swap(o.Charset, o.ExistingCharset, "existing_charset", &missing)
	r.Collation, r.ExistingCollation = swap(o.Collation, o.ExistingCollation, "existing_collation", &missing)
	r.Identity, r.ExistingIdentity = swap(o.Identity, o.ExistingIdentity, "existing_identity", &missing)
	r.Sequence, r.ExistingSequence = swap(o.Sequence, o.ExistingSequence, "existing_sequence", &missing)
	r.Generated, r.ExistingGenerated = swap(o.Generated, o.ExistingGenerated, "existing_generated", &missing)
	r.Attributes, r.ExistingAttributes = swap(o.Attributes, o.ExistingAttributes, "existing_attributes", &missing)
	if len(missing) > 0 {
		return nil, irreversible(o.what(), strings.Join(missing, ", ")+" (the column as it was)")
	}
	r.Type, r.ExistingType = cloneType(r.Type), cloneType(r.ExistingType)
	r.Sequence, r.ExistingSequence = r.Sequence.Clone(), r.ExistingSequence.Clone()
	r.Generated, r.ExistingGenerated = r.Generated.Clone(), r.ExistingGenerated.Clone()
	r.Attributes, r.ExistingAttributes = cloneAttributes(r.Attributes), cloneAttributes(r.ExistingAttributes)
	return r, nil
}

// swap returns the reverse's (new, existing) pair for one field: a changed
// field swaps with its existing value; an unchanged one keeps its existing
// value, which dialects may need (MySQL's MODIFY COLUMN restates the type).
func swap[T any](changed, existing *T, field string, missing *[]string) (*T, *T) {
	switch {
	case changed == nil:
		return nil, existing
	case existing == nil:
		*missing = append(*missing, field)
		return nil, nil
	}
	return existing, changed
}

func cloneAttributes(a *metadata.ColumnAttributes) *metadata.ColumnAttributes {
	if a == nil {
		return nil
	}
	c := a.Clone()
	return &c
}

func cloneType(t *metadata.Type) *metadata.Type {
	if t == nil {
		return nil
	}
	c := t.Clone()
	return &c
}

// Validate checks the names, that something changes, and the types.
func (o *AlterColumn) Validate() error {
	if err := o.validateRef("alter_column"); err != nil {
		return err
	}
	switch {
	case o.ColumnName == "":
		return fmt.Errorf("alter_column %s: no column name", o.qname())
	case o.NewName == o.ColumnName:
		return fmt.Errorf("%s: new_name is the same name", o.what())
	case !o.changes():
		return fmt.Errorf("%s: nothing to change (new_name, type, nullable, default, comment, autoincrement, charset, collation, generated or attributes)", o.what())
	}
	if err := o.AlterMode.validate(o.what()); err != nil {
		return err
	}
	for _, a := range []*metadata.ColumnAttributes{o.Attributes, o.ExistingAttributes} {
		if a == nil {
			continue
		}
		if p := a.Problems(); len(p) > 0 {
			return fmt.Errorf("%s: attributes: %s", o.what(), strings.Join(p, "; "))
		}
	}
	for _, t := range []*metadata.Type{o.Type, o.ExistingType} {
		if t == nil {
			continue
		}
		if err := validateType(*t); err != nil {
			return fmt.Errorf("%s: %w", o.what(), err)
		}
	}
	return nil
}

func (o *AlterColumn) apply(m *metadata.MetaData) error {
	t, err := o.table(m, o.what())
	if err != nil {
		return err
	}
	c := t.Column(o.ColumnName)
	if c == nil {
		return fmt.Errorf("%s: table %s has no column %s", o.what(), t.QualifiedName(), o.ColumnName)
	}
	if o.NewName != "" && t.Column(o.NewName) != nil {
		return fmt.Errorf("%s: table %s has a column %s already", o.what(), t.QualifiedName(), o.NewName)
	}
	if o.Nullable != nil && *o.Nullable && t.PrimaryKey != nil && slices.Contains(t.PrimaryKey.Columns, c.Name) {
		return fmt.Errorf("%s: a column of the primary key cannot be nullable", o.what())
	}
	o.change(c)
	if o.NewName != "" {
		renameColumnRefs(m, t, c.Name, o.NewName)
		c.Name = o.NewName
	}
	return nil
}

// change sets the changed fields on c.
func (o *AlterColumn) change(c *metadata.Column) {
	if o.Type != nil {
		c.Type = o.Type.Clone()
	}
	if o.Nullable != nil {
		c.Nullable = *o.Nullable
	}
	if o.Default != nil {
		c.Default = *o.Default
	}
	if o.Comment != nil {
		c.Comment = *o.Comment
	}
	if o.AutoIncrement != nil {
		c.AutoIncrement = *o.AutoIncrement
	}
	if o.Charset != nil {
		c.Charset = *o.Charset
	}
	if o.Collation != nil {
		c.Collation = *o.Collation
	}
	if o.Identity != nil {
		c.Identity = *o.Identity
		if c.Identity != metadata.IdentitySerial {
			c.Sequence = nil
		}
	}
	if o.Sequence != nil {
		c.Sequence = nil
		if *o.Sequence != (metadata.Sequence{}) {
			c.Sequence = o.Sequence.Clone()
		}
	}
	if o.Generated != nil {
		c.Generated = nil
		if o.Generated.Expression != "" {
			c.Generated = o.Generated.Clone()
		}
	}
	if o.Attributes != nil {
		c.Attributes = o.Attributes.Clone()
	}
}
