package metadata

import (
	"bytes"
	"fmt"
	"maps"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/internal/yamlout"
)

// Write renders m as canonical schema.yaml: enums and tables in model
// order, one line of flow style per column, index, constraint and key.
// A single-column primary key, foreign key, unique constraint or index that
// bears the name the convention gives it (or none) is written as a column
// flag (primary_key, references, unique, index); the others in the long
// form, with their names when the convention would derive another one.
// naming_convention is written only when it differs from
// [DefaultNamingConvention]. [Read] gives the same model back.
//
// Write does not validate m; it fails only on text YAML cannot hold
// (invalid UTF-8).
func Write(m *MetaData) ([]byte, error) {
	o := &out{m: m}
	if len(m.Tables) == 0 {
		return encodeYAML(nil, o.document(), o)
	}
	// Each table is encoded on its own and its text appended: the
	// emitter keeps every event of a document until it ends, so one
	// document of 1,000 tables costs hundreds of MB and a node tree of
	// the whole model; one table at a time stays small, and the bytes
	// are the same (nothing in block style depends on its siblings).
	var buf bytes.Buffer
	head := o.head()
	var err error
	if len(head.Content) > 0 {
		if _, err = encodeYAML(&buf, head, o); err != nil {
			return nil, err
		}
	}
	buf.WriteString(tablesKey)
	var one bytes.Buffer
	for _, t := range m.Tables {
		doc := o.mapping(false)
		doc.set("tables", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{o.table(t)}})
		one.Reset()
		if _, err = encodeYAML(&one, doc.n, o); err != nil {
			return nil, err
		}
		buf.Write(bytes.TrimPrefix(one.Bytes(), []byte(tablesKey)))
		o.recycle() // the table is written: its nodes can be made again
	}
	if views := o.viewsNode(); views != nil {
		doc := o.mapping(false)
		doc.set("views", views)
		if _, err = encodeYAML(&buf, doc.n, o); err != nil {
			return nil, err
		}
	}
	tail := o.mapping(false)
	if o.routinesNodes(tail); len(tail.n.Content) > 0 {
		if _, err = encodeYAML(&buf, tail.n, o); err != nil {
			return nil, err
		}
	}
	return buf.Bytes(), nil
}

// tablesKey is the line that opens schema.yaml's list of tables.
const tablesKey = "tables:\n"

// encodeYAML encodes root into buf (a new buffer when nil) with
// schema.yaml's indentation, after o's first error if it has one.
func encodeYAML(buf *bytes.Buffer, root *yaml.Node, o *out) ([]byte, error) {
	if o.err != nil {
		return nil, o.err
	}
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	if err := yamlout.Append(buf, root); err != nil {
		return nil, fmt.Errorf("metadata: writing schema.yaml: %w", err)
	}
	return buf.Bytes(), nil
}

// document is the whole model's node tree, for [WriteJSON] and for an
// empty model.
func (o *out) document() *yaml.Node {
	doc := obj{o, o.head()}
	if len(o.m.Tables) > 0 || o.long {
		tables := o.seq(false)
		for _, t := range o.m.Tables {
			tables.Content = append(tables.Content, o.table(t))
		}
		doc.set("tables", tables)
	}
	if views := o.viewsNode(); views != nil {
		doc.set("views", views)
	}
	o.routinesNodes(doc)
	return doc.n
}

// head is the document's mapping up to the tables: naming_convention
// and enums, when written.
func (o *out) head() *yaml.Node {
	doc := o.mapping(false)
	if nc := o.m.NamingConvention; o.long || (nc != nil && !maps.Equal(nc, DefaultNamingConvention)) {
		doc.set("naming_convention", o.convention(o.m.Convention()))
	}
	if len(o.m.Enums) > 0 || o.long {
		enums := o.mapping(false)
		for _, e := range o.m.Enums {
			enums.set(e.QualifiedName(), o.stringList(e.Values))
		}
		doc.set("enums", enums.n)
	}
	if len(o.m.Sequences) > 0 {
		seqs := o.seq(false)
		for _, s := range o.m.Sequences {
			seqs.Content = append(seqs.Content, o.sequence(s, false))
		}
		doc.set("sequences", seqs)
	}
	if len(o.m.Extensions) > 0 {
		exts := o.seq(false)
		for _, e := range o.m.Extensions {
			exts.Content = append(exts.Content, o.extension(e))
		}
		doc.set("extensions", exts)
	}
	if len(o.m.Domains) > 0 {
		doms := o.seq(false)
		for _, d := range o.m.Domains {
			doms.Content = append(doms.Content, o.domain(d))
		}
		doc.set("domains", doms)
	}
	return doc.n
}

// convention writes the known kinds in their usual order, then any others.
func (o *out) convention(nc NamingConvention) *yaml.Node {
	b := o.mapping(false)
	for _, kind := range conventionKinds {
		if tmpl, ok := nc[kind]; ok {
			b.set(kind, o.str(tmpl))
		}
	}
	for _, kind := range sortedKeys(nc) {
		if !slices.Contains(conventionKinds, kind) {
			b.set(kind, o.str(nc[kind]))
		}
	}
	return b.n
}

func (o *out) table(t *Table) *yaml.Node {
	pl := o.plan(t)
	b := o.mapping(false)
	if o.embed {
		// An embedded table reads like the ops around it: name first.
		b.set("name", o.str(t.Name))
		b.opt("schema", t.Schema)
	} else {
		b.opt("schema", t.Schema)
		b.set("name", o.str(t.Name))
	}
	b.opt("comment", t.Comment)
	// Table options are written only when set, in long form too: they
	// are MySQL's, and most schemas have none.
	b.set1("charset", t.Charset)
	b.set1("collation", t.Collation)
	b.set1("row_format", t.RowFormat)
	b.set1("partition_by", t.PartitionBy)
	if po := t.PartitionOf; po != nil {
		pm := o.mapping(true)
		pm.opt("schema", po.Schema)
		pm.set("table", o.str(po.Table))
		pm.set("bound", o.str(po.Bound))
		b.set("partition_of", pm.n)
	}
	if len(t.Inherits) > 0 {
		seq := o.seq(false)
		for _, in := range t.Inherits {
			im := o.mapping(true)
			im.opt("schema", in.Schema)
			im.set("table", o.str(in.Table))
			seq.Content = append(seq.Content, im.n)
		}
		b.set("inherits", seq)
	}
	o.rowSecurityNode(b, t.RowSecurity)
	cols := o.seq(false)
	for j, c := range t.Columns {
		inKey := t.PrimaryKey != nil && slices.Contains(t.PrimaryKey.Columns, c.Name)
		cols.Content = append(cols.Content, o.column(c, inKey, pl.cols[j]))
	}
	if t.PartitionOf == nil && len(t.Inherits) == 0 || len(t.Columns) > 0 {
		b.set("columns", cols) // a partition's columns are its parent's, an heir's may all be inherited
	}
	o.items(b, "indexes", len(t.Indexes)-pl.indexes, func(k int) *yaml.Node { return o.index(t, t.Indexes[pl.indexes+k]) })
	o.items(b, "unique", len(t.Uniques)-pl.uniques, func(k int) *yaml.Node { return o.unique(t, t.Uniques[pl.uniques+k]) })
	o.items(b, "checks", len(t.Checks), func(k int) *yaml.Node { return o.check(t, t.Checks[k]) })
	if len(t.Exclusions) > 0 { // PostgreSQL's only: not written empty, even in long form
		o.items(b, "exclusions", len(t.Exclusions), func(k int) *yaml.Node { return o.exclusion(t.Exclusions[k]) })
	}
	o.items(b, "foreign_keys", len(t.ForeignKeys)-pl.foreignKeys, func(k int) *yaml.Node {
		return o.foreignKey(t, t.ForeignKeys[pl.foreignKeys+k])
	})
	switch {
	case t.PrimaryKey != nil && !pl.primaryKey:
		b.set("primary_key", o.primaryKey(t, t.PrimaryKey))
	case o.long:
		b.set("primary_key", o.null())
	}
	return b.n
}

// items adds a list of n mappings, made by item; left out when empty,
// unless in long form.
func (o *out) items(b obj, key string, n int, item func(k int) *yaml.Node) {
	if n == 0 && !o.long {
		return
	}
	list := o.seq(false)
	for k := range n {
		list.Content = append(list.Content, item(k))
	}
	b.set(key, list)
}

// column writes a column; nullable is written only when it is not what
// [Read] assumes (nullable, or not nullable in the primary key: inKey).
func (o *out) column(c *Column, inKey bool, f colFlags) *yaml.Node {
	b := o.mapping(true)
	b.set("name", o.str(c.Name))
	if err := o.columnType(b, c.Type); err != nil {
		o.fail(fmt.Errorf("column %s: %w", c.Name, err))
	}
	shorthand(b, "primary_key", f.primaryKey)
	if !o.embed {
		b.flag("autoincrement", c.AutoIncrement)
		o.identity(b, c)
	}
	if c.Nullable == inKey || o.long {
		b.set("nullable", o.boolean(c.Nullable))
	}
	switch {
	case c.Default != "":
		b.set("default", o.sql(c.Default))
	case o.long:
		b.set("default", o.null())
	}
	shorthand(b, "unique", f.unique)
	shorthand(b, "index", f.index)
	if fk := f.foreignKey; fk != nil {
		b.set("references", o.str(qualify(fk.RefSchema, fk.RefTable)+"."+fk.RefColumns[0]))
		b.opt("on_delete", fk.OnDelete)
		b.opt("on_update", fk.OnUpdate)
	}
	if o.embed {
		// Revision files have always put autoincrement after default.
		b.flag("autoincrement", c.AutoIncrement)
		o.identity(b, c)
	}
	b.opt("comment", c.Comment)
	b.set1("charset", c.Charset)
	b.set1("collation", c.Collation)
	if c.Generated != nil {
		b.set("generated", o.generated(c.Generated))
	}
	if len(c.ClauseOrder) > 0 { // a spelling: left out even in long form when unsaid
		b.set("clause_order", o.stringList(c.ClauseOrder))
	}
	if !c.Attributes.IsZero() {
		b.set("attributes", o.attributes(c.Attributes))
	}
	return b.n
}

// shorthand adds a column flag when it is set (never in long form, whose
// plan sets none).
func shorthand(b obj, key string, set bool) {
	if set {
		b.set(key, b.o.boolean(true))
	}
}

// columnType writes type: in the canonical spelling, or native: for a
// native type that would not read back as itself. When embedding, it
// refuses a type whose spelling reads back as another type ([Write] does
// not check the model; [EncodeTable] and the like are given what a program
// built).
func (o *out) columnType(b obj, t Type) error {
	key := "type"
	if t.Kind == Native {
		if u, err := ParseType(t.Native); err != nil || !u.Equal(NativeType(t.Native)) {
			key = "native"
		}
	}
	if o.embed && key == "type" {
		if u, err := ParseType(t.String()); err != nil || !u.Equal(t.For("")) {
			return fmt.Errorf("type %s does not read back as itself", t)
		}
	}
	b.set(key, o.str(t.String()))
	if len(t.Variants) > 0 {
		v := o.mapping(true)
		for _, d := range sortedKeys(t.Variants) {
			v.set(d, o.str(t.Variants[d]))
		}
		b.set("variants", v.n)
	}
	return nil
}

// setList sets key of doc to the list of items, each written by write,
// when there are items.
func setList[T any](o *out, doc obj, key string, items []T, write func(T) *yaml.Node) {
	if len(items) == 0 {
		return
	}
	seq := o.seq(false)
	for _, it := range items {
		seq.Content = append(seq.Content, write(it))
	}
	doc.set(key, seq)
}
