package ops

import (
	"fmt"
	"maps"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// TODO(dedupe): write tables and columns through metadata once it exports
// node-level encoders. This copy writes schema.yaml's long forms, which
// read back as the same model.

// tableNode writes a table as schema.yaml does, in long form.
func tableNode(t *metadata.Table) (*yaml.Node, error) {
	b := newMap()
	b.set("name", strNode(t.Name))
	b.str("schema", t.Schema)
	b.str("comment", t.Comment)
	cols := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, c := range t.Columns {
		inKey := t.PrimaryKey != nil && slices.Contains(t.PrimaryKey.Columns, c.Name)
		n, err := columnNode(c, inKey)
		if err != nil {
			return nil, err
		}
		cols.Content = append(cols.Content, n)
	}
	b.set("columns", cols)
	items(b, "indexes", t.Indexes, func(ix *metadata.Index) *yaml.Node {
		m := newMap()
		m.str("name", ix.Name)
		indexFields(m, ix)
		return m.n
	})
	items(b, "unique", t.Uniques, func(u *metadata.Unique) *yaml.Node {
		m := newMap()
		m.str("name", u.Name)
		m.list("columns", u.Columns)
		return m.n
	})
	items(b, "checks", t.Checks, func(c *metadata.Check) *yaml.Node {
		m := newMap()
		m.str("name", c.Name)
		m.str("expression", c.Expression)
		return m.n
	})
	items(b, "foreign_keys", t.ForeignKeys, func(fk *metadata.ForeignKey) *yaml.Node {
		m := newMap()
		m.str("name", fk.Name)
		foreignKeyFields(m, fk)
		return m.n
	})
	if pk := t.PrimaryKey; pk != nil {
		m := newMap()
		m.str("name", pk.Name)
		m.list("columns", pk.Columns)
		b.set("primary_key", m.n)
	}
	return b.n, nil
}

// items adds a list of mappings made by item, left out when empty.
func items[T any](b mapb, key string, vs []*T, item func(*T) *yaml.Node) {
	if len(vs) == 0 {
		return
	}
	list := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, v := range vs {
		list.Content = append(list.Content, item(v))
	}
	b.set(key, list)
}

// columnNode writes a column; nullable is written only when it is not what
// the reader assumes (nullable, or not nullable in the primary key).
func columnNode(c *metadata.Column, inKey bool) (*yaml.Node, error) {
	b := newMap()
	b.set("name", strNode(c.Name))
	if err := typeFields(b, c.Type); err != nil {
		return nil, fmt.Errorf("column %s: %w", c.Name, err)
	}
	if c.Nullable == inKey {
		b.set("nullable", boolNode(c.Nullable))
	}
	b.str("default", c.Default)
	b.flag("autoincrement", c.AutoIncrement)
	b.str("comment", c.Comment)
	return b.n, nil
}

// typeFields adds type: in the canonical spelling, or native: for a native
// type that would not read back as itself, and variants.
func typeFields(b mapb, t metadata.Type) error {
	key, err := typeKey(t)
	if err != nil {
		return err
	}
	b.set(key, strNode(t.String()))
	if len(t.Variants) > 0 {
		v := newMap()
		for _, d := range slices.Sorted(maps.Keys(t.Variants)) {
			v.set(d, strNode(t.Variants[d]))
		}
		b.set("variants", v.n)
	}
	return nil
}

// typeKey returns the key a type is written under.
func typeKey(t metadata.Type) (string, error) {
	plain := t.For("") // without variants
	u, err := metadata.ParseType(t.String())
	switch {
	case err == nil && u.Equal(plain):
		return "type", nil
	case t.Kind == metadata.Native:
		return "native", nil
	}
	return "", fmt.Errorf("type %s does not read back as itself", t)
}

// typeNode writes alter_column's type: text, or a mapping when it needs
// native: or variants.
func typeNode(t *metadata.Type) (*yaml.Node, error) {
	key, err := typeKey(*t)
	if err != nil {
		return nil, err
	}
	if key == "type" && len(t.Variants) == 0 {
		return strNode(t.String()), nil
	}
	b := newMap()
	return b.n, typeFields(b, *t)
}

func indexFields(b mapb, ix *metadata.Index) {
	b.list("columns", ix.Columns)
	b.list("expressions", ix.Expressions)
	b.flag("unique", ix.Unique)
	b.str("where", ix.Where)
	b.str("using", ix.Using)
}

func foreignKeyFields(b mapb, fk *metadata.ForeignKey) {
	b.list("columns", fk.Columns)
	b.str("ref_schema", fk.RefSchema)
	b.str("ref_table", fk.RefTable)
	b.list("ref_columns", fk.RefColumns)
	b.str("on_delete", fk.OnDelete)
	b.str("on_update", fk.OnUpdate)
	b.flag("deferrable", fk.Deferrable)
	b.flag("initially_deferred", fk.InitiallyDeferred)
}
