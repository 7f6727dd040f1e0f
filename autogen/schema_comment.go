package autogen

import (
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// schemaComments compares the schemas' comments: a comment the target
// sets, changes or (by not listing the schema) removes is one
// comment_schema op carrying the comment before.
func (c *comparer) schemaComments() {
	for _, ts := range c.target.Schemas {
		if cur := commentOf(c.current, ts.Name); cur != ts.Comment {
			c.p.schemaComments = append(c.p.schemaComments,
				&ops.CommentSchema{SchemaName: ts.Name, Comment: ts.Comment, Existing: cur, Known: true})
		}
	}
	for _, cs := range c.current.Schemas {
		if c.target.Schema(cs.Name) == nil && cs.Comment != "" {
			c.p.schemaComments = append(c.p.schemaComments,
				&ops.CommentSchema{SchemaName: cs.Name, Existing: cs.Comment, Known: true})
		}
	}
}

// commentOf is the comment of schema name in m, or "".
func commentOf(m *metadata.MetaData, name string) string {
	if s := m.Schema(name); s != nil {
		return s.Comment
	}
	return ""
}
