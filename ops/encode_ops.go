package ops

import (
	"maps"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// ref adds table and schema.
func (b mapb) ref(r TableRef) {
	b.set("table", strNode(r.Table))
	b.str("schema", r.Schema)
}

// element adds the fields of a schema.yaml element metadata wrote, but
// for its name, which an op writes first, before its table.
func (b mapb) element(n *yaml.Node, err error) error {
	if err != nil {
		return err
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value != "name" {
			b.n.Content = append(b.n.Content, n.Content[i], n.Content[i+1])
		}
	}
	return nil
}

func (o *CreateTable) encode() (*yaml.Node, error) { return metadata.EncodeTable(o.Table) }

func (o *DropTable) encode() (*yaml.Node, error) {
	if o.Table != nil {
		return metadata.EncodeTable(o.Table)
	}
	b := newMap()
	b.set("name", strNode(o.TableRef.Table))
	b.str("schema", o.Schema)
	return b.n, nil
}

func (o *RenameTable) encode() (*yaml.Node, error) {
	b := newMap()
	b.ref(o.TableRef)
	b.set("new_name", strNode(o.NewName))
	return b.n, nil
}

func (o *SetTableComment) encode() (*yaml.Node, error) {
	b := newMap()
	b.ref(o.TableRef)
	c := o.Comment
	b.optStr("comment", &c)
	b.optStr("existing_comment", o.ExistingComment)
	return b.n, nil
}

func (o *AddColumn) encode() (*yaml.Node, error) {
	b := newMap()
	defer b.mode(o.AlterMode)
	b.ref(o.TableRef)
	return b.n, b.column(o.Column)
}

// column adds a column standing alone.
func (b mapb) column(c *metadata.Column) error {
	n, err := metadata.EncodeColumn(c)
	if err == nil {
		b.set("column", n)
	}
	return err
}

func (o *DropColumn) encode() (*yaml.Node, error) {
	b := newMap()
	defer b.mode(o.AlterMode)
	b.ref(o.TableRef)
	if o.Column == nil {
		b.set("column", strNode(o.column()))
		return b.n, nil
	}
	return b.n, b.column(o.Column)
}

func (o *AlterColumn) encode() (*yaml.Node, error) {
	b := newMap()
	defer b.mode(o.AlterMode)
	b.ref(o.TableRef)
	b.set("column", strNode(o.ColumnName))
	b.flag("online", o.Online)
	b.str("new_name", o.NewName)
	if err := b.typ("type", o.Type); err != nil {
		return nil, err
	}
	b.optBool("nullable", o.Nullable)
	b.optStr("default", o.Default)
	b.optStr("comment", o.Comment)
	b.optBool("autoincrement", o.AutoIncrement)
	b.optStr("charset", o.Charset)
	b.optStr("collation", o.Collation)
	b.optStr("identity", o.Identity)
	if err := b.sequence("sequence", o.Sequence); err != nil {
		return nil, err
	}
	if err := b.generated("generated", o.Generated); err != nil {
		return nil, err
	}
	if err := b.attributes("attributes", o.Attributes); err != nil {
		return nil, err
	}
	if err := b.typ("existing_type", o.ExistingType); err != nil {
		return nil, err
	}
	b.optBool("existing_nullable", o.ExistingNullable)
	b.optStr("existing_default", o.ExistingDefault)
	b.optStr("existing_comment", o.ExistingComment)
	b.optBool("existing_autoincrement", o.ExistingAutoIncrement)
	b.optStr("existing_charset", o.ExistingCharset)
	b.optStr("existing_collation", o.ExistingCollation)
	b.optStr("existing_identity", o.ExistingIdentity)
	if err := b.sequence("existing_sequence", o.ExistingSequence); err != nil {
		return nil, err
	}
	if err := b.generated("existing_generated", o.ExistingGenerated); err != nil {
		return nil, err
	}
	if err := b.attributes("existing_attributes", o.ExistingAttributes); err != nil {
		return nil, err
	}
	return b.n, nil
}

// attributes adds a column's PostgreSQL attributes, when set ({} for
// the defaults).
func (b mapb) attributes(key string, a *metadata.ColumnAttributes) error {
	if a == nil {
		return nil
	}
	n, err := metadata.EncodeColumnAttributes(*a)
	if err != nil {
		return err
	}
	n.Style = yaml.FlowStyle
	b.set(key, n)
	return nil
}

// generated adds a column's generation, when set ({} for none).
func (b mapb) generated(key string, g *metadata.Generated) error {
	if g == nil {
		return nil
	}
	n, err := metadata.EncodeGenerated(g)
	if err != nil {
		return err
	}
	n.Style = yaml.FlowStyle
	b.set(key, n)
	return nil
}

// sequence adds a serial column's sequence, when set ({} for the one
// PostgreSQL would give it).
func (b mapb) sequence(key string, s *metadata.Sequence) error {
	if s == nil {
		return nil
	}
	n, err := metadata.EncodeSequence(s)
	if err != nil {
		return err
	}
	n.Style = yaml.FlowStyle
	b.set(key, n)
	return nil
}

func (o *AlterTable) encode() (*yaml.Node, error) {
	b := newMap()
	b.ref(o.TableRef)
	b.optStr("charset", o.Charset)
	b.optStr("collation", o.Collation)
	b.optStr("row_format", o.RowFormat)
	b.optStr("existing_charset", o.ExistingCharset)
	b.optStr("existing_collation", o.ExistingCollation)
	b.optStr("existing_row_format", o.ExistingRowFormat)
	return b.n, nil
}

// typ adds a type that may be absent (nil).
func (b mapb) typ(key string, t *metadata.Type) error {
	if t == nil {
		return nil
	}
	n, err := metadata.EncodeType(*t)
	if err == nil {
		b.set(key, n)
	}
	return err
}

func (o *CreateIndex) encode() (*yaml.Node, error) {
	b := newMap()
	defer b.mode(o.AlterMode)
	b.str("name", o.Index.Name)
	b.ref(o.TableRef)
	b.flag("concurrently", o.Concurrently)
	return b.n, b.element(metadata.EncodeIndex(o.Index))
}

func (o *DropIndex) encode() (*yaml.Node, error) {
	b := newMap()
	defer b.mode(o.AlterMode)
	b.set("name", strNode(o.index()))
	b.ref(o.TableRef)
	b.flag("concurrently", o.Concurrently)
	if o.Index != nil {
		return b.n, b.element(metadata.EncodeIndex(o.Index))
	}
	return b.n, nil
}

func (o *CreateUniqueConstraint) encode() (*yaml.Node, error) {
	b := newMap()
	defer b.mode(o.AlterMode)
	b.str("name", o.Unique.Name)
	b.ref(o.TableRef)
	return b.n, b.element(metadata.EncodeUnique(o.Unique))
}

func (o *CreateForeignKey) encode() (*yaml.Node, error) {
	b := newMap()
	defer b.mode(o.AlterMode)
	b.str("name", o.ForeignKey.Name)
	b.ref(o.TableRef)
	return b.n, b.element(metadata.EncodeForeignKey(notValidFK(o.ForeignKey, o.NotValid)))
}

func (o *CreateCheckConstraint) encode() (*yaml.Node, error) {
	b := newMap()
	defer b.mode(o.AlterMode)
	b.str("name", o.Check.Name)
	b.ref(o.TableRef)
	return b.n, b.element(metadata.EncodeCheck(notValidCheck(o.Check, o.NotValid)))
}

func (o *CreatePrimaryKey) encode() (*yaml.Node, error) {
	b := newMap()
	b.str("name", o.PrimaryKey.Name)
	b.ref(o.TableRef)
	return b.n, b.element(metadata.EncodePrimaryKey(o.PrimaryKey))
}

func (o *DropConstraint) encode() (*yaml.Node, error) {
	b := newMap()
	defer b.mode(o.AlterMode)
	if o.constraint() != "" || o.ForeignKey == nil {
		b.set("name", strNode(o.constraint())) // an unnamed foreign key goes by its columns
	}
	b.ref(o.TableRef)
	typ := o.Type
	if typ == "" {
		typ, _, _ = o.definition()
	}
	b.str("type", typ)
	if o.ForeignKey == nil && o.Check == nil {
		b.flag("not_valid", o.NotValid)
	}
	switch {
	case o.Unique != nil:
		return b.n, b.element(metadata.EncodeUnique(o.Unique))
	case o.PrimaryKey != nil:
		return b.n, b.element(metadata.EncodePrimaryKey(o.PrimaryKey))
	case o.Check != nil:
		return b.n, b.element(metadata.EncodeCheck(notValidCheck(o.Check, o.NotValid)))
	case o.ForeignKey != nil:
		return b.n, b.element(metadata.EncodeForeignKey(notValidFK(o.ForeignKey, o.NotValid)))
	case o.Exclusion != nil:
		return b.n, b.element(metadata.EncodeExclusion(o.Exclusion))
	}
	return b.n, nil
}

func (o *CreateEnum) encode() (*yaml.Node, error) {
	b := newMap()
	b.set("name", strNode(o.Enum.Name))
	b.str("schema", o.Enum.Schema)
	b.set("values", strList(o.Enum.Values))
	return b.n, nil
}

func (o *DropEnum) encode() (*yaml.Node, error) {
	b := newMap()
	b.set("name", strNode(o.enum()))
	b.str("schema", o.Schema)
	if o.Enum != nil {
		b.set("values", strList(o.Enum.Values))
	}
	return b.n, nil
}

func (o *AlterEnumAddValue) encode() (*yaml.Node, error) { return o.value().encode(), nil }

func (o *AlterEnumDropValue) encode() (*yaml.Node, error) { return o.value().encode(), nil }

func (v enumValue) encode() *yaml.Node {
	b := newMap()
	b.set("name", strNode(v.name))
	b.str("schema", v.schema)
	b.set("value", strNode(v.value))
	b.str("before", v.before)
	b.str("after", v.after)
	return b.n
}

func (o *Execute) encode() (*yaml.Node, error) {
	b := newMap()
	b.str("sql", o.SQL)
	for _, d := range slices.Sorted(maps.Keys(o.PerDialect)) {
		b.set(d, strNode(o.PerDialect[d]))
	}
	return b.n, nil
}

func (o *BulkInsert) encode() (*yaml.Node, error) {
	b := newMap()
	b.ref(o.TableRef)
	if err := b.rows(o.Columns, o.Rows); err != nil {
		return nil, err
	}
	b.str("file", o.File)
	b.str("on_conflict", o.OnConflict)
	b.str("key", o.Key)
	return b.n, nil
}

func (o *BulkDelete) encode() (*yaml.Node, error) {
	b := newMap()
	b.ref(o.TableRef)
	if err := b.rows(o.Columns, o.Rows); err != nil {
		return nil, err
	}
	b.str("file", o.File)
	b.str("key", o.Key)
	return b.n, nil
}

// rows adds rows as a list of mappings, left out when there are none.
func (b mapb) rows(cols []string, rows [][]any) error {
	if rows == nil {
		return nil
	}
	list := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, row := range rows {
		m := newMap()
		for j, v := range row {
			n, err := valueNode(v)
			if err != nil {
				return err
			}
			m.set(cols[j], n)
		}
		list.Content = append(list.Content, m.n)
	}
	b.set("rows", list)
	return nil
}

func (o *Call) encode() (*yaml.Node, error) {
	if o.ReverseName == "" {
		return strNode(o.Function), nil
	}
	b := newMap()
	b.set("function", strNode(o.Function))
	b.set("reverse", strNode(o.ReverseName))
	return b.n, nil
}
