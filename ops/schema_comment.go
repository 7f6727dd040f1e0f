package ops

import (
	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// CommentSchema sets a PostgreSQL schema's comment (COMMENT ON SCHEMA);
// Comment "" removes it. Existing is the comment before, for Reverse;
// Known says Existing was recorded (a revision that gives no existing:
// key is irreversible). MySQL and SQLite have no schema comments and
// refuse it.
type CommentSchema struct {
	SchemaName string
	Comment    string
	Existing   string
	Known      bool
}

// Name returns "comment_schema".
func (*CommentSchema) Name() string { return "comment_schema" }

func (*CommentSchema) op() {}

func (o *CommentSchema) what() string {
	if o.SchemaName == "" {
		return "comment_schema (the default schema)"
	}
	return "comment_schema " + o.SchemaName
}

// Reverse sets the comment back; without Existing the op is
// irreversible.
func (o *CommentSchema) Reverse() (Op, error) {
	if !o.Known {
		return nil, irreversible(o.what(), "the comment as it was (existing: ...; empty for none)")
	}
	return &CommentSchema{SchemaName: o.SchemaName, Comment: o.Existing, Existing: o.Comment, Known: true}, nil
}

// Validate accepts every CommentSchema: "" names the default schema and
// an empty comment removes it.
func (o *CommentSchema) Validate() error { return nil }

func (o *CommentSchema) apply(m *metadata.MetaData) error {
	m.SetSchemaComment(o.SchemaName, o.Comment)
	return nil
}

func (o *CommentSchema) encode() (*yaml.Node, error) {
	b := newMap()
	b.str("schema", o.SchemaName)
	b.set("comment", strNode(o.Comment))
	if o.Known {
		b.set("existing", strNode(o.Existing))
	}
	return b.n, nil
}

// schemaCommentKeys are a comment_schema op's keys.
var schemaCommentKeys = []string{"schema", "comment", "existing"}

func init() {
	decoders["comment_schema"] = func(d *decoder, n *yaml.Node) Op {
		o := d.obj(n, "comment_schema", schemaCommentKeys)
		return &CommentSchema{SchemaName: o.str("schema"), Comment: o.str("comment"), Existing: o.str("existing"), Known: o.has("existing")}
	}
}
