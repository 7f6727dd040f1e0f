package ops

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// CommentConstraint sets a constraint's comment (PostgreSQL's COMMENT ON
// CONSTRAINT ... ON table) without rebuilding the constraint; Comment ""
// removes it. Existing is the comment before, for Reverse; Known says it
// was recorded. MySQL, MariaDB and SQLite have no constraint comments and
// refuse it at plan time.
type CommentConstraint struct {
	TableRef
	ConstraintName string
	Comment        string
	Existing       string
	Known          bool
}

// Name returns "comment_constraint".
func (*CommentConstraint) Name() string { return "comment_constraint" }

func (*CommentConstraint) op() {}

func (o *CommentConstraint) what() string {
	return "comment_constraint " + o.ConstraintName + " on " + o.qname()
}

// Reverse sets the comment back; without Existing the op is
// irreversible.
func (o *CommentConstraint) Reverse() (Op, error) {
	if !o.Known {
		return nil, irreversible(o.what(), "the comment as it was (existing: ...; empty for none)")
	}
	return &CommentConstraint{TableRef: o.TableRef, ConstraintName: o.ConstraintName, Comment: o.Existing, Existing: o.Comment, Known: true}, nil
}

// Validate checks the table and the constraint's name.
func (o *CommentConstraint) Validate() error {
	if o.ConstraintName == "" {
		return fmt.Errorf("comment_constraint on %s: no constraint name (name: ...)", o.qname())
	}
	return o.validateRef(o.what())
}

func (o *CommentConstraint) apply(m *metadata.MetaData) error {
	t, err := o.table(m, o.what())
	if err != nil {
		return err
	}
	_, c := constraintFields(t, o.ConstraintName)
	if c == nil {
		return fmt.Errorf("%s: table %s has no constraint %s", o.what(), t.QualifiedName(), o.ConstraintName)
	}
	*c = o.Comment
	return nil
}

// constraintFields returns the name and comment fields of t's
// constraint called name, or nils when t has none.
func constraintFields(t *metadata.Table, name string) (nameField, comment *string) {
	if pk := t.PrimaryKey; pk != nil && pk.Name == name {
		return &pk.Name, &pk.Comment
	}
	if u := t.Unique(name); u != nil {
		return &u.Name, &u.Comment
	}
	if fk := t.ForeignKey(name); fk != nil {
		return &fk.Name, &fk.Comment
	}
	if c := t.Check(name); c != nil {
		return &c.Name, &c.Comment
	}
	if x := t.Exclusion(name); x != nil {
		return &x.Name, &x.Comment
	}
	return nil, nil
}

func (o *CommentConstraint) encode() (*yaml.Node, error) {
	b := newMap()
	b.set("name", strNode(o.ConstraintName))
	b.ref(o.TableRef)
	b.set("comment", strNode(o.Comment))
	if o.Known {
		b.set("existing", strNode(o.Existing))
	}
	return b.n, nil
}

func init() {
	decoders["comment_constraint"] = func(d *decoder, n *yaml.Node) Op {
		o := d.obj(n, labelled("comment_constraint", n, "name"), withRef("name", "comment", "existing"))
		return &CommentConstraint{TableRef: o.ref(), ConstraintName: o.required("name"), Comment: o.str("comment"),
			Existing: o.str("existing"), Known: o.has("existing")}
	}
}
