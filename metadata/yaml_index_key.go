package metadata

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// indexKeyKeys are the keys of one item of an index's keys: list; an item
// may also be a bare column name.
var indexKeyKeys = []string{"column", "expression", "opclass", "collation", "desc", "nulls", "length"}

// indexKeyList reads an index's keys: list, when given, into ix (after
// columns: and expressions:, which it replaces; giving both is an error).
func (r *reader) indexKeyList(f item, ix *Index) {
	v, ok := f.f["keys"]
	if !ok || IsNullNode(v.val) {
		return
	}
	p := f.at.Field("keys")
	if len(ix.Columns) > 0 || len(ix.Expressions) > 0 {
		r.errorf(p, v.key, "%skeys: give the key either as columns:/expressions: or as keys:, not both", f.key)
	}
	var keys []IndexKey
	for i, n := range r.list(p, v.val, f.key+"keys") {
		keys = append(keys, r.indexKey(p.Index(i), n, f.key+"keys["+strconv.Itoa(i)+"]"))
	}
	ix.SetKeys(keys)
}

// indexKey reads one key: a column name, or a mapping with a column or an
// expression and its options.
func (r *reader) indexKey(p Path, n *yaml.Node, what string) IndexKey {
	if n.Kind == yaml.ScalarNode {
		r.src[p] = n
		return IndexKey{Column: r.str(p, n, what)}
	}
	f := r.fields(p, n, what, indexKeyKeys)
	if f == nil {
		return IndexKey{}
	}
	k := IndexKey{
		Column:     r.str(p.Field("column"), f["column"].val, what+": column"),
		Expression: r.str(p.Field("expression"), f["expression"].val, what+": expression"),
		OpClass:    r.str(p.Field("opclass"), f["opclass"].val, what+": opclass"),
		Collation:  r.str(p.Field("collation"), f["collation"].val, what+": collation"),
		Desc:       r.boolean(p.Field("desc"), f["desc"].val, what+": desc"),
		Nulls:      strings.ToLower(r.str(p.Field("nulls"), f["nulls"].val, what+": nulls")),
		Length:     int(r.int64Of(p.Field("length"), f["length"].val, what+": length")),
	}
	if (k.Column == "") == (k.Expression == "") {
		r.errorf(p, n, "%s: give exactly one of column: and expression:", what)
	}
	if k.Nulls != "" && k.Nulls != NullsFirst && k.Nulls != NullsLast {
		r.errorf(p.Field("nulls"), f["nulls"].val, "%s: nulls is %q; use first or last", what, k.Nulls)
	}
	return k
}

// indexKeys writes an index's key: columns: and expressions: when they say
// it, else the keys: list (a bare name for a plain column key).
func (b obj) indexKeys(ix *Index) {
	if ix.Keys == nil {
		b.list("columns", ix.Columns)
		b.list("expressions", ix.Expressions)
		return
	}
	seq := b.o.seq(true)
	for _, k := range ix.Keys {
		if k.Column != "" && k.Plain() {
			seq.Content = append(seq.Content, b.o.str(k.Column))
			continue
		}
		kb := obj{b.o, b.o.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: seq.Style})}
		kb.set1("column", k.Column)
		if k.Expression != "" {
			kb.set("expression", b.o.sql(k.Expression))
		}
		kb.set1("opclass", k.OpClass)
		kb.set1("collation", k.Collation)
		if k.Desc {
			kb.set("desc", b.o.boolean(true))
		}
		kb.set1("nulls", k.Nulls)
		if k.Length != 0 {
			kb.set("length", b.o.node(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(k.Length)}))
		}
		seq.Content = append(seq.Content, kb.n)
	}
	b.set("keys", seq)
}

// indexExtras writes an index's INCLUDE columns, storage parameters and
// comment, where set.
func (b obj) indexExtras(ix *Index) {
	if len(ix.Include) > 0 {
		b.set("include", b.o.stringList(ix.Include))
	}
	if len(ix.With) > 0 {
		b.set("with", b.o.stringList(ix.With))
	}
	b.set1("comment", ix.Comment)
}
